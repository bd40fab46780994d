namespace PeerCircle.Web.Features.Outcomes.Instruments;

/// <summary>The kinds of item an instrument can ask (issue 7).</summary>
public enum ItemKind
{
    /// <summary>A whole number from 0 to 10.</summary>
    Scale0To10,

    /// <summary>A whole number from 1 to 5, each with its own words (strongly disagree … strongly agree).</summary>
    Likert1To5,

    /// <summary>Yes (1) or no (0).</summary>
    YesNo,

    /// <summary>One option from a list, each option with a score.</summary>
    Choice,

    /// <summary>The member's own words; never scored, always read by the risk-language detector.</summary>
    FreeText,
}

/// <summary>One option of a <see cref="ItemKind.Choice"/> or <see cref="ItemKind.Likert1To5"/> item and the number it scores as.</summary>
public sealed record AnswerChoice(string Code, string Text, int Score);

/// <summary>One question, as the member sees it.</summary>
public sealed record InstrumentItem(
    string LinkId, string Text, ItemKind Kind, IReadOnlyList<AnswerChoice> Choices, bool Required = false,
    string? Help = null, string? MinLabel = null, string? MaxLabel = null)
{
    /// <summary>The lowest and highest score an answer can have (0 and 0 for free text).</summary>
    public (int Min, int Max) Range => Kind switch
    {
        ItemKind.Scale0To10 => (0, 10),
        ItemKind.Likert1To5 => (1, 5),
        ItemKind.YesNo => (0, 1),
        ItemKind.Choice when Choices.Count > 0 => (Choices.Min(c => c.Score), Choices.Max(c => c.Score)),
        _ => (0, 0),
    };
}

/// <summary>A group of items shown together on one screen (one benefit, say), in order.</summary>
public sealed record InstrumentSection(string Key, string Title, IReadOnlyList<InstrumentItem> Items)
{
    /// <summary>
    /// Instructions shown above the questions ("Over the last 2 weeks, how often…"): the questionnaire's display items in
    /// the group, or before the questions that are in no group.
    /// </summary>
    public IReadOnlyList<InstrumentNote> Notes { get; init; } = [];
}

/// <summary>A line of instructions (a FHIR display item), by its linkId.</summary>
public sealed record InstrumentNote(string LinkId, string Text);

public enum ScoreMethod { Sum, Mean }

/// <summary>An interpretation band: a score from <see cref="From"/> to <see cref="To"/> (inclusive) reads as <see cref="Label"/>.</summary>
public sealed record ScoreBand(double From, double To, string Label);

/// <summary>
/// How one scale is scored: its items, sum or mean, which items are reverse-scored (max + min − answer), how many of
/// its items must be answered for a score at all, and how the score reads.
/// </summary>
public sealed record ScaleRule(
    string Key, string Title, ScoreMethod Method, IReadOnlyList<string> Items, IReadOnlyList<string> Reversed, int MinAnswered,
    IReadOnlyList<ScoreBand> Bands, bool HigherIsBetter = true);

/// <summary>An instrument ready to ask and score: read from its FHIR Questionnaire JSON and scoring JSON.</summary>
public sealed record InstrumentDefinition(
    long Id, string Key, string Version, string Title, string? Description, IReadOnlyList<InstrumentSection> Sections,
    IReadOnlyList<ScaleRule> Scales)
{
    /// <summary>The Questionnaire's canonical url, when it has one.</summary>
    public string? Url { get; init; }

    /// <summary>The language the texts above are written in (the Questionnaire's <c>language</c>; English when it has none).</summary>
    public string Language { get; init; } = "en";

    /// <summary>
    /// The texts in other languages, from the FHIR <c>translation</c> extension: by <see cref="InstrumentText"/> key, then
    /// by language code as written (<c>es</c>, <c>es-419</c> …). Never used for scoring. See
    /// <see cref="FhirQuestionnaires.Localized"/> for the definition in a member's language.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Translations { get; init; } = InstrumentText.None;

    /// <summary>The languages some text is translated into, in order.</summary>
    public IReadOnlyList<string> TranslatedLanguages =>
        [.. Translations.Values.SelectMany(t => t.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    public IEnumerable<InstrumentItem> Items => Sections.SelectMany(s => s.Items);

    public InstrumentItem? Item(string linkId) => Items.FirstOrDefault(i => i.LinkId == linkId);
}

/// <summary>
/// The keys of an instrument's translatable texts in <see cref="InstrumentDefinition.Translations"/>. Parts are joined
/// with U+001F, which a FHIR string may not hold, so no linkId or code can make two keys the same.
/// </summary>
public static class InstrumentText
{
    private const char Separator = '\u001F';

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> None =
        new SortedDictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    public const string Title = "title";

    public const string Description = "description";

    public static string Section(string key) => "section" + Separator + key;

    public static string Item(string linkId) => "item" + Separator + linkId;

    public static string Help(string linkId) => "help" + Separator + linkId;

    public static string Note(string linkId) => "note" + Separator + linkId;

    public static string MinLabel(string linkId) => "lower" + Separator + linkId;

    public static string MaxLabel(string linkId) => "upper" + Separator + linkId;

    public static string Choice(string linkId, string code) => "choice" + Separator + linkId + Separator + code;
}

/// <summary>One answer: a number for scored items, text for free-text items.</summary>
public sealed record AnswerValue(int? Number, string? Text)
{
    public static AnswerValue Of(int number) => new(number, null);

    public static AnswerValue Of(string text) => new(null, text);
}

/// <summary>A scale's score on one response: null when too few of its items were answered.</summary>
public sealed record ScaleScore(string Scale, double? Value, string? Band, int Answered);

/// <summary>Scores a response on every scale of its instrument. Pure: no database, no clock.</summary>
public static class InstrumentScorer
{
    public static IReadOnlyList<ScaleScore> Score(InstrumentDefinition instrument, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(answers);
        var scores = new List<ScaleScore>(instrument.Scales.Count);
        foreach (var scale in instrument.Scales)
        {
            var values = new List<double>(scale.Items.Count);
            foreach (var linkId in scale.Items)
            {
                var item = instrument.Item(linkId);
                if (item is null || item.Kind == ItemKind.FreeText || !answers.TryGetValue(linkId, out var answer) || answer.Number is not { } number)
                {
                    continue;
                }
                var (min, max) = item.Range;
                if (number < min || number > max)
                {
                    continue;
                }
                values.Add(scale.Reversed.Contains(linkId) ? max + min - number : number);
            }
            if (values.Count == 0 || values.Count < scale.MinAnswered)
            {
                scores.Add(new ScaleScore(scale.Key, null, null, values.Count));
                continue;
            }
            // A sum with items missing is prorated to the full scale, so scores with and without gaps compare.
            var value = scale.Method == ScoreMethod.Mean
                ? values.Average()
                : values.Sum() * scale.Items.Count / values.Count;
            value = Math.Round(value, 4);
            var band = scale.Bands.FirstOrDefault(b => value >= b.From && value <= b.To)?.Label;
            scores.Add(new ScaleScore(scale.Key, value, band, values.Count));
        }
        return scores;
    }
}
