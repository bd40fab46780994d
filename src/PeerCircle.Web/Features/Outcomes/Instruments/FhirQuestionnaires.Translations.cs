using System.Globalization;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace PeerCircle.Web.Features.Outcomes.Instruments;

/// <summary>
/// An instrument's texts in other languages, the FHIR way: the standard <c>translation</c> extension (sub-extensions
/// <c>lang</c>, a code such as <c>es</c>, and <c>content</c>, the words) on the primitive element of the Questionnaire's
/// <c>title</c> and <c>description</c>, each item's <c>text</c> (groups, questions, help and end labels) and each answer
/// option's <c>valueCoding.display</c> (or <c>valueString</c>). Scoring never looks at them.
/// </summary>
public static partial class FhirQuestionnaires
{
    public const string TranslationUrl = "http://hl7.org/fhir/StructureDefinition/translation";

    /// <summary>
    /// The definition with its texts in the language of <paramref name="culture"/>, text by text: each text without a
    /// translation into that language stays as written (English). For showing only: ids, kinds, choices' codes and
    /// scores, and scales are the same, so answers given in any language score the same.
    /// </summary>
    public static InstrumentDefinition Localized(InstrumentDefinition definition, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Localized(definition, culture.Name);
    }

    /// <summary>The definition with its texts in the language <paramref name="languageTag"/> (<c>es</c>, <c>es-MX</c> …), English text by text where there is none.</summary>
    public static InstrumentDefinition Localized(InstrumentDefinition definition, string languageTag)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var wanted = LanguageChain(languageTag);
        if (definition.Translations.Count == 0 || wanted.Count == 0
            || string.Equals(Primary(definition.Language), wanted[^1], StringComparison.OrdinalIgnoreCase))
        {
            return definition;
        }

        string Text(string key, string text) =>
            definition.Translations.TryGetValue(key, out var byLanguage) && Pick(byLanguage, wanted) is { } found ? found : text;
        string? Optional(string key, string? text) => text is null ? null : Text(key, text);

        return definition with
        {
            Title = Text(InstrumentText.Title, definition.Title),
            Description = Optional(InstrumentText.Description, definition.Description),
            Sections = [.. definition.Sections.Select(section => section with
            {
                Title = section.Key.Length == 0 ? section.Title : Text(InstrumentText.Section(section.Key), section.Title),
                Notes = [.. section.Notes.Select(note => note with { Text = Text(InstrumentText.Note(note.LinkId), note.Text) })],
                Items = [.. section.Items.Select(item => item with
                {
                    Text = Text(InstrumentText.Item(item.LinkId), item.Text),
                    Help = Optional(InstrumentText.Help(item.LinkId), item.Help),
                    MinLabel = Optional(InstrumentText.MinLabel(item.LinkId), item.MinLabel),
                    MaxLabel = Optional(InstrumentText.MaxLabel(item.LinkId), item.MaxLabel),
                    Choices = [.. item.Choices.Select(choice => choice with { Text = Text(InstrumentText.Choice(item.LinkId, choice.Code), choice.Text) })],
                })],
            })],
        };
    }

    /// <summary>"es-MX" → ["es-mx", "es"]: the language tag, then each shorter one, lower case; empty for the invariant culture.</summary>
    internal static IReadOnlyList<string> LanguageChain(string? tag)
    {
        var chain = new List<string>();
        var current = (tag ?? "").Trim().ToLowerInvariant();
        while (current.Length > 0)
        {
            chain.Add(current);
            var cut = current.LastIndexOf('-');
            current = cut > 0 ? current[..cut] : "";
        }
        return chain;
    }

    private static string Primary(string tag)
    {
        var chain = LanguageChain(tag);
        return chain.Count == 0 ? "" : chain[^1];
    }

    /// <summary>
    /// The best translation: the exact tag, then each shorter one (es-MX → es), then any other of the same language
    /// (es → es-419); null when there is none.
    /// </summary>
    private static string? Pick(IReadOnlyDictionary<string, string> byLanguage, IReadOnlyList<string> wanted)
    {
        foreach (var tag in wanted)
        {
            foreach (var (language, text) in byLanguage)
            {
                if (string.Equals(language, tag, StringComparison.OrdinalIgnoreCase))
                {
                    return text;
                }
            }
        }
        var primary = wanted[^1];
        return byLanguage.FirstOrDefault(t => string.Equals(Primary(t.Key), primary, StringComparison.Ordinal)).Value;
    }

    /// <summary>The translations on one element; problems (no language, no words, one language twice) are named by linkId.</summary>
    private static SortedDictionary<string, string>? ReadTranslations(Element? element, string? linkId, List<InstrumentProblem> problems)
    {
        if (element is null)
        {
            return null;
        }
        SortedDictionary<string, string>? found = null;
        foreach (var translation in element.GetExtensions(TranslationUrl))
        {
            var language = (translation.GetExtension("lang")?.Value as Code)?.Value?.Trim();
            var content = translation.GetExtension("content")?.Value switch
            {
                FhirString words => words.Value,
                Markdown words => words.Value,
                _ => null,
            };
            if (language is null || !LanguageTag().IsMatch(language))
            {
                problems.Add(linkId is null
                    ? new("A translation of the Questionnaire's title or description needs a language code (lang), such as “es”.")
                    : new("Item {0}: a translation needs a language code (lang), such as “es”.", linkId));
                continue;
            }
            if (string.IsNullOrWhiteSpace(content))
            {
                problems.Add(linkId is null
                    ? new("The translation of the Questionnaire's title or description into “{0}” has no words (content).", language)
                    : new("Item {0}: the translation into “{1}” has no words (content).", linkId, language));
                continue;
            }
            found ??= new(StringComparer.OrdinalIgnoreCase);
            if (!found.TryAdd(language, content.Trim()))
            {
                problems.Add(linkId is null
                    ? new("The Questionnaire's title or description has two translations into “{0}”. Please keep one.", language)
                    : new("Item {0}: there are two translations into “{1}”. Please keep one.", linkId, language));
            }
        }
        return found;
    }

    /// <summary>Help from several display items, in each language any of them is translated into; the others stay as written.</summary>
    private static SortedDictionary<string, string>? JoinHelp(List<(string Text, SortedDictionary<string, string>? Translations)> parts)
    {
        var languages = parts.SelectMany(p => p.Translations?.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (languages.Count == 0)
        {
            return null;
        }
        var joined = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in languages)
        {
            joined[language] = string.Join(" ", parts.Select(p => p.Translations?.GetValueOrDefault(language) ?? p.Text).Where(t => t.Length > 0));
        }
        return joined;
    }

    private static void WriteTranslations(Element? element, InstrumentDefinition definition, string key)
    {
        if (element is null || !definition.Translations.TryGetValue(key, out var byLanguage))
        {
            return;
        }
        foreach (var (language, content) in byLanguage)
        {
            var translation = new Extension { Url = TranslationUrl };
            translation.Extension.Add(new Extension("lang", new Code(language)));
            translation.Extension.Add(new Extension("content", new FhirString(content)));
            element.Extension.Add(translation);
        }
    }

    /// <summary>A BCP 47 language tag as FHIR writes them: es, es-419, pt-BR, zh-Hant-TW.</summary>
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    /// <summary>Translations as they are read, by text key, in a stable order.</summary>
    private sealed class TranslationTable
    {
        private readonly SortedDictionary<string, IReadOnlyDictionary<string, string>> _texts = new(StringComparer.Ordinal);

        public void Add(string key, SortedDictionary<string, string>? byLanguage)
        {
            if (byLanguage is { Count: > 0 })
            {
                _texts[key] = byLanguage;
            }
        }

        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ToReadOnly() =>
            _texts.Count == 0 ? InstrumentText.None : _texts;
    }
}
