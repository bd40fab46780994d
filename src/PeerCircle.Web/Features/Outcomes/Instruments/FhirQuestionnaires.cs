using System.Globalization;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;

namespace PeerCircle.Web.Features.Outcomes.Instruments;

/// <summary>
/// Reads an instrument from its HL7 FHIR R4 <c>Questionnaire</c> (with the Firely SDK) and its scoring rules, and
/// writes a definition back as a Questionnaire. The mapping (see content/outcomes/README.md):
/// <list type="bullet">
/// <item>top-level <c>group</c> items are sections; questions outside any group form one untitled section;</item>
/// <item><c>integer</c> with minValue/maxValue 0–10 → 0–10 scale, 1–5 → Likert 1–5;</item>
/// <item><c>choice</c> with answerOption: the score of each option is its ordinalValue (or itemWeight) extension, or
/// its position (1, 2, 3 …) when no option has one; five options scored 1 to 5 in order are a Likert 1–5 item;</item>
/// <item><c>boolean</c> → yes/no (1/0); <c>string</c>/<c>text</c> → free text;</item>
/// <item><c>display</c> children of a question with itemControl <c>lower</c>/<c>upper</c> are the scale's end labels,
/// other display children are its help text; other <c>display</c> items are skipped.</item>
/// </list>
/// </summary>
public static partial class FhirQuestionnaires
{
    public const string OrdinalValueUrl = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    public const string ItemWeightUrl = "http://hl7.org/fhir/StructureDefinition/itemWeight";
    public const string MinValueUrl = "http://hl7.org/fhir/StructureDefinition/minValue";
    public const string MaxValueUrl = "http://hl7.org/fhir/StructureDefinition/maxValue";
    public const string ItemControlUrl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
    public const string ItemControlSystem = "http://hl7.org/fhir/questionnaire-item-control";

    /// <summary>The answer options of a Likert item the program writes itself.</summary>
    public const string AgreementSystem = "https://peercircle.example/fhir/CodeSystem/agreement";

    private const int MaxProblems = 50;

    /// <summary>The largest score (either way) an answer option may carry.</summary>
    private const int MaxScore = 1000;

    /// <summary>
    /// Reads a stored instrument; throws <see cref="InvalidInstrumentException"/> naming every problem, except those only
    /// new imports are refused for (<see cref="InstrumentProblem.NewImportsOnly"/>).
    /// </summary>
    public static InstrumentDefinition Read(long id, string questionnaireJson, string scoringJson)
    {
        var problems = Check(id, questionnaireJson, scoringJson, out var definition);
        return definition ?? throw new InvalidInstrumentException(problems);
    }

    /// <summary>
    /// Reads an instrument and lists every problem in plain words, by item linkId or scale key. The definition is set when
    /// the only problems are ones that only refuse new imports; an import is refused for any problem.
    /// </summary>
    public static IReadOnlyList<InstrumentProblem> Check(long id, string? questionnaireJson, string? scoringJson, out InstrumentDefinition? definition)
    {
        definition = null;
        var problems = new List<InstrumentProblem>();
        var questionnaire = Parse(questionnaireJson, problems);
        if (questionnaire is null)
        {
            if (string.IsNullOrWhiteSpace(scoringJson))
            {
                problems.Add(new("The scoring file is empty."));
            }
            return Cap(problems);
        }

        var translations = new TranslationTable();
        var (key, version, title, description, sections) = ReadQuestionnaire(questionnaire, translations, problems);
        var items = sections.SelectMany(s => s.Items).ToDictionary(i => i.LinkId, StringComparer.Ordinal);
        var scales = ScoringRules.Read(scoringJson, items, problems);
        if (problems.Any(p => !p.NewImportsOnly))
        {
            return Cap(problems);
        }
        definition = new InstrumentDefinition(id, key, version, title, description, sections, scales)
        {
            Url = questionnaire.Url,
            Language = string.IsNullOrWhiteSpace(questionnaire.Language) ? "en" : questionnaire.Language.Trim(),
            Translations = translations.ToReadOnly(),
        };
        return Cap(problems);
    }

    private static List<InstrumentProblem> Cap(List<InstrumentProblem> problems)
    {
        if (problems.Count > MaxProblems)
        {
            var more = problems.Count - MaxProblems;
            problems.RemoveRange(MaxProblems, more);
            problems.Add(new("… and {0} more problems.", more.ToString(CultureInfo.InvariantCulture)));
        }
        return problems;
    }

    /// <summary>The Questionnaire in this JSON, or null when it is not one (the reasons are not kept).</summary>
    public static Questionnaire? TryParse(string? json) => Parse(json, []);

    /// <summary>The score an answer option carries (ordinalValue or itemWeight, on the option or its coding), if any.</summary>
    public static decimal? WeightOf(Questionnaire.AnswerOptionComponent option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return DecimalExtension(option, OrdinalValueUrl) ?? DecimalExtension(option, ItemWeightUrl)
            ?? (option.Value is Coding coding ? DecimalExtension(coding, OrdinalValueUrl) ?? DecimalExtension(coding, ItemWeightUrl) : null);
    }

    /// <summary>
    /// The score each answer option of a choice item stands for, as an import reads it: its own score (ordinalValue or
    /// itemWeight), else an integer option's value, else its place in the list (1, 2, 3…).
    /// </summary>
    public static IReadOnlyList<int> ScoresOf(Questionnaire.ItemComponent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var weights = item.AnswerOption.Select(o => WeightOf(o) ?? (o.Value is Integer { Value: { } value } ? value : null)).ToList();
        return weights.All(w => w is { } score && Math.Abs(score) <= MaxScore && score == decimal.Truncate(score))
            ? [.. weights.Select(w => (int)w!.Value)]
            : [.. Enumerable.Range(1, weights.Count)];
    }

    private static Questionnaire? Parse(string? json, List<InstrumentProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            problems.Add(new("The Questionnaire file is empty."));
            return null;
        }
        try
        {
            using (var document = System.Text.Json.JsonDocument.Parse(json))
            {
                if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("resourceType", out var type)
                    || type.ValueKind != System.Text.Json.JsonValueKind.String || type.GetString() != "Questionnaire")
                {
                    problems.Add(new("The Questionnaire file is not a FHIR Questionnaire: it needs \"resourceType\": \"Questionnaire\"."));
                    return null;
                }
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            problems.Add(new("The Questionnaire file is not valid JSON (line {0}): {1}",
                ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture), FirstSentence(e.Message)));
            return null;
        }

        if (!new FhirJsonDeserializer().TryDeserializeResource(json, out var resource, out var issues))
        {
            foreach (var issue in issues.Take(20))
            {
                problems.Add(new("The Questionnaire is not valid FHIR R4: {0}", issue.Message));
            }
            return null;
        }
        return resource as Questionnaire;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }

    private static (string Key, string Version, string Title, string? Description, List<InstrumentSection> Sections) ReadQuestionnaire(
        Questionnaire questionnaire, TranslationTable translations, List<InstrumentProblem> problems)
    {
        var key = Slug(questionnaire.Id) ?? Slug(questionnaire.Name) ?? Slug(LastSegment(questionnaire.Url)) ?? Slug(questionnaire.Title) ?? "";
        if (key.Length == 0)
        {
            problems.Add(new("The Questionnaire needs an id, name or title, so the instrument has a short name."));
        }
        else if (key.Length > 100)
        {
            key = key[..100];
        }
        var version = string.IsNullOrWhiteSpace(questionnaire.Version) ? "1" : questionnaire.Version.Trim();
        if (version.Length > 40)
        {
            problems.Add(new("The Questionnaire's version is longer than 40 characters."));
        }
        var title = (questionnaire.Title ?? "").Trim();
        if (title.Length == 0)
        {
            problems.Add(new("The Questionnaire needs a title."));
        }
        else if (title.Length > 200)
        {
            problems.Add(new("The Questionnaire's title is longer than 200 characters."));
        }
        var description = string.IsNullOrWhiteSpace(questionnaire.Description) ? null : questionnaire.Description.Trim();
        if (description is { Length: > 2000 })
        {
            problems.Add(new("The Questionnaire's description is longer than 2000 characters."));
        }
        translations.Add(InstrumentText.Title, ReadTranslations(questionnaire.TitleElement, null, problems));
        translations.Add(InstrumentText.Description, ReadTranslations(questionnaire.DescriptionElement, null, problems));
        if (questionnaire.Status == PublicationStatus.Retired)
        {
            problems.Add(new("The Questionnaire's status is “retired”. Please use an active version."));
        }

        var linkIds = new HashSet<string>(StringComparer.Ordinal);
        var sections = new List<InstrumentSection>();
        List<InstrumentItem>? loose = null;
        // Instructions outside any group lead the part that comes next: a run of questions in no group, or a group.
        var pending = new List<InstrumentNote>();
        foreach (var item in questionnaire.Item)
        {
            if (!CheckLinkId(item, linkIds, problems))
            {
                continue;
            }
            if (item.Type == Questionnaire.QuestionnaireItemType.Group)
            {
                loose = null;
                var questions = new List<InstrumentItem>();
                var notes = new List<InstrumentNote>(pending);
                pending.Clear();
                foreach (var child in item.Item)
                {
                    if (!CheckLinkId(child, linkIds, problems))
                    {
                        continue;
                    }
                    if (child.Type == Questionnaire.QuestionnaireItemType.Group)
                    {
                        problems.Add(new("Item {0}: groups inside groups are not supported. Please put its questions in the group above it.", child.LinkId));
                        continue;
                    }
                    if (child.Type == Questionnaire.QuestionnaireItemType.Display)
                    {
                        AddNote(child, notes, translations, problems);
                    }
                    else if (ReadItem(child, linkIds, translations, problems) is { } question)
                    {
                        questions.Add(question);
                    }
                }
                if (questions.Count == 0)
                {
                    problems.Add(new("Item {0}: the group has no questions.", item.LinkId));
                }
                translations.Add(InstrumentText.Section(item.LinkId!), ReadTranslations(item.TextElement, item.LinkId, problems));
                sections.Add(new InstrumentSection(item.LinkId!, (item.Text ?? "").Trim(), questions) { Notes = notes });
            }
            else if (item.Type == Questionnaire.QuestionnaireItemType.Display)
            {
                // Instructions after some questions in no group start a new part, so they are read before what they lead.
                if (AddNote(item, pending, translations, problems))
                {
                    loose = null;
                }
            }
            else if (ReadItem(item, linkIds, translations, problems) is { } question)
            {
                if (loose is null)
                {
                    loose = [];
                    sections.Add(new InstrumentSection("", "", loose) { Notes = [.. pending] });
                    pending.Clear();
                }
                loose.Add(question);
            }
        }
        if (pending.Count > 0 && sections.Count > 0)
        {
            sections[^1] = sections[^1] with { Notes = [.. sections[^1].Notes, .. pending] };
        }
        if (!sections.SelectMany(s => s.Items).Any())
        {
            problems.Add(new("The Questionnaire has no questions."));
        }
        return (key, version, title, description, sections);
    }

    private static bool CheckLinkId(Questionnaire.ItemComponent item, HashSet<string> linkIds, List<InstrumentProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(item.LinkId))
        {
            problems.Add(new("An item (“{0}”) has no linkId. Every item needs one.", Short(item.Text)));
            return false;
        }
        if (!linkIds.Add(item.LinkId))
        {
            problems.Add(new("Item {0}: another item has the same linkId. Each linkId must be used once.", item.LinkId));
            return false;
        }
        if (item.LinkId.Length > 64)
        {
            problems.Add(new("Item {0}: the linkId is longer than 64 characters.", item.LinkId[..64]));
            return false;
        }
        if (item.EnableWhen.Count > 0)
        {
            // Asking every question always keeps each scale's items answerable; a condition would be silently ignored.
            problems.Add(new("Item {0}: questions that appear only after a certain answer (enableWhen) are not supported. Please remove the condition so the question is always asked.", item.LinkId));
            return false;
        }
        return true;
    }

    /// <summary>
    /// A display item's words as instructions for its part; false when it has no words. Display items outside questions
    /// were skipped before they became instructions, so a problem in their translations refuses new imports only.
    /// </summary>
    private static bool AddNote(Questionnaire.ItemComponent item, List<InstrumentNote> notes, TranslationTable translations, List<InstrumentProblem> problems)
    {
        var text = (item.Text ?? "").Trim();
        if (text.Length == 0)
        {
            return false;
        }
        var found = new List<InstrumentProblem>();
        var translated = ReadTranslations(item.TextElement, item.LinkId, found);
        problems.AddRange(found.Select(p => p with { NewImportsOnly = true }));
        translations.Add(InstrumentText.Note(item.LinkId!), found.Count == 0 ? translated : null);
        notes.Add(new InstrumentNote(item.LinkId!, text));
        return true;
    }

    private static string Short(string? text) => text is null ? "" : text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>A question (not a group); null for display items and for items with problems.</summary>
    private static InstrumentItem? ReadItem(
        Questionnaire.ItemComponent item, HashSet<string> linkIds, TranslationTable translations, List<InstrumentProblem> problems)
    {
        if (item.Type == Questionnaire.QuestionnaireItemType.Display)
        {
            return null;
        }
        var text = (item.Text ?? "").Trim();
        var ok = true;
        if (text.Length == 0)
        {
            problems.Add(new("Item {0}: the question has no text.", item.LinkId));
            ok = false;
        }
        translations.Add(InstrumentText.Item(item.LinkId!), ReadTranslations(item.TextElement, item.LinkId, problems));
        string? help = null, minLabel = null, maxLabel = null;
        var helpParts = new List<(string Text, SortedDictionary<string, string>? Translations)>();
        foreach (var child in item.Item)
        {
            if (!CheckLinkId(child, linkIds, problems))
            {
                ok = false;
                continue;
            }
            if (child.Type != Questionnaire.QuestionnaireItemType.Display)
            {
                problems.Add(new("Item {0}: questions inside other questions are not supported (found {1}).", item.LinkId, child.LinkId));
                ok = false;
                continue;
            }
            var childText = (child.Text ?? "").Trim();
            var childTranslations = ReadTranslations(child.TextElement, child.LinkId, problems);
            switch (ItemControl(child))
            {
                case "lower":
                    minLabel = childText;
                    translations.Add(InstrumentText.MinLabel(item.LinkId!), childTranslations);
                    break;
                case "upper":
                    maxLabel = childText;
                    translations.Add(InstrumentText.MaxLabel(item.LinkId!), childTranslations);
                    break;
                default:
                    help = help is null ? childText : help + " " + childText;
                    helpParts.Add((childText, childTranslations));
                    break;
            }
        }
        translations.Add(InstrumentText.Help(item.LinkId!), JoinHelp(helpParts));
        var required = item.Required ?? false;
        var kind = default(ItemKind);
        IReadOnlyList<AnswerChoice> choices = [];
        switch (item.Type)
        {
            case Questionnaire.QuestionnaireItemType.Integer:
                var min = IntegerExtension(item, MinValueUrl);
                var max = IntegerExtension(item, MaxValueUrl);
                if (min is null || max is null)
                {
                    problems.Add(new("Item {0}: a whole-number item needs its lowest and highest value (the minValue and maxValue extensions).", item.LinkId));
                    return null;
                }
                if ((min, max) == (0, 10))
                {
                    kind = ItemKind.Scale0To10;
                }
                else if ((min, max) == (1, 5))
                {
                    kind = ItemKind.Likert1To5;
                    choices = [.. Enumerable.Range(1, 5).Select(n => n.ToString(CultureInfo.InvariantCulture)).Select(n => new AnswerChoice(n, n, int.Parse(n, CultureInfo.InvariantCulture)))];
                }
                else
                {
                    problems.Add(new("Item {0}: a whole-number item must go from 0 to 10 or from 1 to 5 (this one goes from {1} to {2}).",
                        item.LinkId, min.Value.ToString(CultureInfo.InvariantCulture), max.Value.ToString(CultureInfo.InvariantCulture)));
                    return null;
                }
                break;
            case Questionnaire.QuestionnaireItemType.Choice:
                var read = ReadChoices(item, translations, problems);
                if (read is null)
                {
                    return null;
                }
                choices = read;
                kind = choices.Count == 5 && choices.Select((c, i) => c.Score == i + 1).All(b => b) ? ItemKind.Likert1To5 : ItemKind.Choice;
                break;
            case Questionnaire.QuestionnaireItemType.Boolean:
                kind = ItemKind.YesNo;
                break;
            case Questionnaire.QuestionnaireItemType.String:
            case Questionnaire.QuestionnaireItemType.Text:
                kind = ItemKind.FreeText;
                break;
            default:
                problems.Add(new("Item {0}: the item type “{1}” is not supported. Use integer (0–10 or 1–5), choice, boolean, string or text.",
                    item.LinkId, item.TypeElement?.JsonValue?.ToString() ?? "none"));
                return null;
        }
        return ok ? new InstrumentItem(item.LinkId!, text, kind, choices, required, Empty(help), Empty(minLabel), Empty(maxLabel)) : null;
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static List<AnswerChoice>? ReadChoices(Questionnaire.ItemComponent item, TranslationTable translations, List<InstrumentProblem> problems)
    {
        if (item.AnswerOption.Count == 0)
        {
            problems.Add(new("Item {0}: a choice item needs its answer options (answerOption). Answer lists by reference (answerValueSet) are not supported.", item.LinkId));
            return null;
        }
        var options = new List<(string Code, string Text, decimal? Weight)>();
        var ok = true;
        foreach (var (option, index) in item.AnswerOption.Select((o, i) => (o, i + 1)))
        {
            var weight = WeightOf(option);
            switch (option.Value)
            {
                case Coding coding:
                    var code = coding.Code ?? "";
                    if (code.Length == 0)
                    {
                        problems.Add(new("Item {0}: answer option {1} has no code.", item.LinkId, index.ToString(CultureInfo.InvariantCulture)));
                        ok = false;
                    }
                    options.Add((code, string.IsNullOrWhiteSpace(coding.Display) ? code : coding.Display.Trim(), weight));
                    translations.Add(InstrumentText.Choice(item.LinkId!, code), ReadTranslations(coding.DisplayElement, item.LinkId, problems));
                    break;
                case Integer number when number.Value is { } value:
                    var asText = value.ToString(CultureInfo.InvariantCulture);
                    options.Add((asText, asText, weight ?? value));
                    break;
                case FhirString words when !string.IsNullOrWhiteSpace(words.Value):
                    options.Add((words.Value.Trim(), words.Value.Trim(), weight));
                    translations.Add(InstrumentText.Choice(item.LinkId!, words.Value.Trim()), ReadTranslations(words, item.LinkId, problems));
                    break;
                default:
                    problems.Add(new("Item {0}: answer option {1} must be a coding, an integer or a string.", item.LinkId, index.ToString(CultureInfo.InvariantCulture)));
                    ok = false;
                    break;
            }
        }
        if (!ok)
        {
            return null;
        }
        var weighted = options.Count(o => o.Weight is not null);
        if (weighted > 0 && weighted < options.Count)
        {
            problems.Add(new("Item {0}: some answer options have a score (ordinalValue) and some do not. Give every option a score, or none.", item.LinkId));
            return null;
        }
        foreach (var option in options.Where(o => o.Weight is { } w && w != decimal.Truncate(w)))
        {
            problems.Add(new("Item {0}: the score of answer “{1}” must be a whole number.", item.LinkId, option.Code));
            ok = false;
        }
        foreach (var code in options.GroupBy(o => o.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add(new("Item {0}: the answer code “{1}” is used twice.", item.LinkId, code));
            ok = false;
        }
        foreach (var option in options.Where(o => o.Weight is { } w && Math.Abs(w) > MaxScore))
        {
            problems.Add(new("Item {0}: the score of answer “{1}” must be between −1,000 and 1,000.", item.LinkId, option.Code));
            ok = false;
        }
        if (!ok)
        {
            return null;
        }
        // The member's answer is kept as its score, so two answers with one score could not be told apart afterwards.
        // (Refused on import since this rule came in; an instrument stored before it still loads.)
        foreach (var tie in options.Where(o => o.Weight is not null).GroupBy(o => (int)o.Weight!.Value).Where(g => g.Count() > 1))
        {
            problems.Add(new("Item {0}: the answers “{1}” have the same score ({2}). Give each answer its own score.", item.LinkId,
                string.Join("”, “", tie.Select(o => o.Code)), tie.Key.ToString(CultureInfo.InvariantCulture)) { NewImportsOnly = true });
        }
        return ok ? [.. options.Select((o, i) => new AnswerChoice(o.Code, o.Text, o.Weight is { } w ? (int)w : i + 1))] : null;
    }

    private static string? ItemControl(Questionnaire.ItemComponent item) =>
        item.Extension.FirstOrDefault(e => e.Url == ItemControlUrl)?.Value is CodeableConcept concept
            ? concept.Coding.FirstOrDefault()?.Code
            : null;

    private static int? IntegerExtension(Element element, string url) => element.Extension.FirstOrDefault(e => e.Url == url)?.Value switch
    {
        Integer i => i.Value,
        FhirDecimal d when d.Value is { } v && v == decimal.Truncate(v) => (int)v,
        _ => null,
    };

    private static decimal? DecimalExtension(Element element, string url) => element.Extension.FirstOrDefault(e => e.Url == url)?.Value switch
    {
        FhirDecimal d => d.Value,
        Integer i => i.Value,
        _ => null,
    };

    private static string? LastSegment(string? url) => string.IsNullOrWhiteSpace(url) ? null : url.TrimEnd('/').Split('/')[^1];

    /// <summary>"Peer Support Benefits" → "peer-support-benefits"; null when nothing is left.</summary>
    internal static string? Slug(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var spaced = CamelBoundary().Replace(value.Trim(), "$1-$2");
        var slug = NotSlug().Replace(spaced.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? null : slug;
    }

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex CamelBoundary();

    [GeneratedRegex("[^a-z0-9.]+")]
    private static partial Regex NotSlug();

    /// <summary>The definition as a FHIR R4 Questionnaire (pretty JSON), in the mapping <see cref="Read"/> reads.</summary>
    public static string ToQuestionnaireJson(InstrumentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var questionnaire = new Questionnaire
        {
            Id = definition.Key,
            Url = definition.Url,
            Language = definition.Language,
            Version = definition.Version,
            Title = definition.Title,
            Description = definition.Description,
            Status = PublicationStatus.Active,
        };
        WriteTranslations(questionnaire.TitleElement, definition, InstrumentText.Title);
        WriteTranslations(questionnaire.DescriptionElement, definition, InstrumentText.Description);
        foreach (var section in definition.Sections)
        {
            var notes = section.Notes.Select(note =>
            {
                var display = new Questionnaire.ItemComponent { LinkId = note.LinkId, Text = note.Text, Type = Questionnaire.QuestionnaireItemType.Display };
                WriteTranslations(display.TextElement, definition, InstrumentText.Note(note.LinkId));
                return display;
            });
            if (section.Key.Length == 0)
            {
                questionnaire.Item.AddRange(notes);
                questionnaire.Item.AddRange(section.Items.Select(i => ToItem(definition, i)));
                continue;
            }
            var group = new Questionnaire.ItemComponent { LinkId = section.Key, Text = section.Title, Type = Questionnaire.QuestionnaireItemType.Group };
            WriteTranslations(group.TextElement, definition, InstrumentText.Section(section.Key));
            group.Item.AddRange(notes);
            group.Item.AddRange(section.Items.Select(i => ToItem(definition, i)));
            questionnaire.Item.Add(group);
        }
        return new FhirJsonSerializer().SerializeToString(questionnaire, pretty: true);
    }

    private static Questionnaire.ItemComponent ToItem(InstrumentDefinition definition, InstrumentItem item)
    {
        var fhir = new Questionnaire.ItemComponent { LinkId = item.LinkId, Text = item.Text, Required = item.Required };
        WriteTranslations(fhir.TextElement, definition, InstrumentText.Item(item.LinkId));
        switch (item.Kind)
        {
            case ItemKind.Scale0To10:
                fhir.Type = Questionnaire.QuestionnaireItemType.Integer;
                fhir.Extension.Add(new Extension(MinValueUrl, new Integer(0)));
                fhir.Extension.Add(new Extension(MaxValueUrl, new Integer(10)));
                break;
            case ItemKind.Likert1To5:
            case ItemKind.Choice:
                fhir.Type = Questionnaire.QuestionnaireItemType.Choice;
                foreach (var choice in item.Choices)
                {
                    var coding = new Coding(null, choice.Code, choice.Text);
                    WriteTranslations(coding.DisplayElement, definition, InstrumentText.Choice(item.LinkId, choice.Code));
                    var option = new Questionnaire.AnswerOptionComponent { Value = coding };
                    option.Extension.Add(new Extension(OrdinalValueUrl, new FhirDecimal(choice.Score)));
                    fhir.AnswerOption.Add(option);
                }
                break;
            case ItemKind.YesNo:
                fhir.Type = Questionnaire.QuestionnaireItemType.Boolean;
                break;
            default:
                fhir.Type = Questionnaire.QuestionnaireItemType.Text;
                break;
        }
        AddDisplay(definition, fhir, "lower", item.MinLabel, InstrumentText.MinLabel(item.LinkId));
        AddDisplay(definition, fhir, "upper", item.MaxLabel, InstrumentText.MaxLabel(item.LinkId));
        AddDisplay(definition, fhir, "help", item.Help, InstrumentText.Help(item.LinkId));
        return fhir;
    }

    private static void AddDisplay(InstrumentDefinition definition, Questionnaire.ItemComponent item, string control, string? text, string textKey)
    {
        if (text is null)
        {
            return;
        }
        var display = new Questionnaire.ItemComponent { LinkId = $"{item.LinkId}-{control}", Text = text, Type = Questionnaire.QuestionnaireItemType.Display };
        WriteTranslations(display.TextElement, definition, textKey);
        display.Extension.Add(new Extension(ItemControlUrl, new CodeableConcept(ItemControlSystem, control)));
        item.Item.Add(display);
    }

    /// <summary>The definition's scales as scoring JSON, in the format <see cref="Read"/> reads.</summary>
    public static string ToScoringJson(InstrumentDefinition definition) => ScoringRules.Write(definition);
}
