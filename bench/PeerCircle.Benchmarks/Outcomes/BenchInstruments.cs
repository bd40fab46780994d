using PeerCircle.Web.Features.Outcomes.Instruments;

namespace PeerCircle.Benchmarks.Outcomes;

/// <summary>One scored item: its linkId, the scores an answer can have, and whether it is reverse-scored.</summary>
internal sealed record BenchItem(string LinkId, int Min, int Max, bool Reversed);

internal sealed record BenchScale(ScaleRule Rule, BenchItem[] Items);

/// <summary>An instrument as the app reads it (definition, FHIR Questionnaire JSON, scoring JSON) and its scales' items.</summary>
internal sealed record BenchInstrument(InstrumentDefinition Definition, string QuestionnaireJson, string ScoringJson, BenchScale[] Scales)
{
    public string Key => Definition.Key;
}

/// <summary>
/// The five instruments of the scenario: the shipped Peer Support Benefits questionnaire (content/outcomes, 7 scales)
/// and four made-up ones the way a coordinator would import licensed instruments (1–2 scales each), written through
/// the app's own FHIR mapping and checked by it.
/// </summary>
internal static class BenchInstruments
{
    public static IReadOnlyList<BenchInstrument> Load(string repoRoot)
    {
        var folder = Path.Combine(repoRoot, "content", "outcomes");
        var questionnaire = File.ReadAllText(Path.Combine(folder, "peer-support-benefits.questionnaire.json"));
        var scoring = File.ReadAllText(Path.Combine(folder, "peer-support-benefits.scoring.json"));
        var list = new List<BenchInstrument> { Make(FhirQuestionnaires.Read(1, questionnaire, scoring), questionnaire, scoring) };
        foreach (var definition in Others())
        {
            var q = FhirQuestionnaires.ToQuestionnaireJson(definition);
            var s = FhirQuestionnaires.ToScoringJson(definition);
            var problems = FhirQuestionnaires.Check(definition.Id, q, s, out var read);
            if (read is null)
            {
                throw new InvalidOperationException($"The bench instrument {definition.Key} does not read back: {string.Join("; ", problems)}");
            }
            list.Add(Make(read, q, s));
        }
        return list;
    }

    private static BenchInstrument Make(InstrumentDefinition definition, string questionnaire, string scoring) =>
        new(definition, questionnaire, scoring, [.. definition.Scales.Select(rule => new BenchScale(rule, [.. rule.Items.Select(linkId =>
        {
            var item = definition.Item(linkId) ?? throw new InvalidOperationException($"{definition.Key}: scale {rule.Key} names a missing item {linkId}.");
            var (min, max) = item.Range;
            return new BenchItem(linkId, min, max, rule.Reversed.Contains(linkId));
        })]))]);

    private static IEnumerable<InstrumentDefinition> Others()
    {
        static AnswerChoice[] Choices(params string[] texts) =>
            [.. texts.Select((text, i) => new AnswerChoice($"c{i}", text, i))];
        AnswerChoice[] likert = [.. new[] { "Strongly disagree", "Disagree", "Not sure", "Agree", "Strongly agree" }
            .Select((text, i) => new AnswerChoice($"{i + 1}", text, i + 1))];
        AnswerChoice[] often = Choices("Hardly ever", "Some of the time", "Often");
        AnswerChoice[] wellbeing = Choices("At no time", "Some of the time", "Less than half the time", "More than half the time", "Most of the time", "All of the time");
        ScoreBand[] none = [];

        yield return new InstrumentDefinition(2, "bench-distress", "1", "Distress check (bench)", "One question on distress this week.",
            [new InstrumentSection("", "", [new InstrumentItem("distress-1", "How much distress have you felt this past week?", ItemKind.Scale0To10, [])])],
            [new ScaleRule("distress", "Distress", ScoreMethod.Sum, ["distress-1"], [], 1, none, HigherIsBetter: false)]);

        yield return new InstrumentDefinition(3, "bench-loneliness", "1", "Loneliness, three questions (bench)", null,
            [new InstrumentSection("", "", [
                new InstrumentItem("lonely-1", "How often do you feel you lack companionship?", ItemKind.Choice, often),
                new InstrumentItem("lonely-2", "How often do you feel left out?", ItemKind.Choice, often),
                new InstrumentItem("lonely-3", "How often do you feel alone?", ItemKind.Choice, often)])],
            [new ScaleRule("loneliness", "Loneliness", ScoreMethod.Sum, ["lonely-1", "lonely-2", "lonely-3"], [], 2, none, HigherIsBetter: false)]);

        yield return new InstrumentDefinition(4, "bench-wellbeing", "1", "Well-being, five questions (bench)", null,
            [new InstrumentSection("", "", [.. Enumerable.Range(1, 5).Select(k =>
                new InstrumentItem($"wellbeing-{k}", $"Over the last two weeks, part {k}", ItemKind.Choice, wellbeing))])],
            [new ScaleRule("wellbeing", "Well-being", ScoreMethod.Sum, [.. Enumerable.Range(1, 5).Select(k => $"wellbeing-{k}")], [], 4, none)]);

        yield return new InstrumentDefinition(5, "bench-coping", "1", "Coping and confidence (bench)", null,
            [new InstrumentSection("", "", [
                new InstrumentItem("coping-1", "I can find ways to cope with hard days.", ItemKind.Likert1To5, likert),
                new InstrumentItem("coping-2", "I feel overwhelmed most days.", ItemKind.Likert1To5, likert),
                new InstrumentItem("confidence-1", "I feel confident talking with my care team.", ItemKind.Likert1To5, likert),
                new InstrumentItem("confidence-2", "I know where to get help when I need it.", ItemKind.Likert1To5, likert)])],
            [
                new ScaleRule("coping", "Coping", ScoreMethod.Mean, ["coping-1", "coping-2"], ["coping-2"], 1, none),
                new ScaleRule("confidence", "Confidence", ScoreMethod.Mean, ["confidence-1", "confidence-2"], [], 1, none),
            ]);
    }
}
