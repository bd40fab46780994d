using Microsoft.Extensions.Configuration;
using PeerCircle.Web.Features.Outcomes.Instruments;

namespace PeerCircle.UnitTests.Features.Outcomes.Instruments;

/// <summary>Reading a FHIR Questionnaire and scoring JSON: the item mapping, and problems named by item and scale.</summary>
public class InstrumentFormatTests
{
    internal const string SmallQuestionnaire = """
        {
          "resourceType": "Questionnaire",
          "id": "garden-check",
          "url": "https://example.org/fhir/Questionnaire/garden-check",
          "version": "2",
          "title": "Garden check",
          "status": "active",
          "item": [
            { "linkId": "mood", "text": "How is your mood today?", "type": "integer",
              "extension": [
                { "url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0 },
                { "url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 10 } ] },
            { "linkId": "walks", "text": "How often did you walk outside?", "type": "choice",
              "answerOption": [
                { "valueCoding": { "code": "never", "display": "Never" },
                  "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 0 } ] },
                { "valueCoding": { "code": "some", "display": "Some days" },
                  "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 1 } ] },
                { "valueCoding": { "code": "most", "display": "Most days" },
                  "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 2 } ] } ] },
            { "linkId": "seeds", "text": "Did you plant anything?", "type": "boolean", "required": true }
          ]
        }
        """;

    internal const string SmallScoring = """
        { "scales": [ { "key": "garden", "title": "Garden", "method": "sum", "items": ["mood", "walks", "seeds"],
            "minAnswered": 2, "bands": [ { "from": 0, "to": 6, "label": "low" }, { "from": 6.5, "to": 13, "label": "high" } ] } ] }
        """;

    private static List<string> Problems(string questionnaire, string scoring) =>
        [.. FhirQuestionnaires.Check(0, questionnaire, scoring, out _).Select(p => p.ToString())];

    [Fact]
    public void ASmallQuestionnaire_MapsEachItemType()
    {
        var definition = FhirQuestionnaires.Read(3, SmallQuestionnaire, SmallScoring);
        Assert.Equal(("garden-check", "2", "Garden check"), (definition.Key, definition.Version, definition.Title));
        var section = Assert.Single(definition.Sections);
        Assert.Equal("", section.Key);
        Assert.Equal([ItemKind.Scale0To10, ItemKind.Choice, ItemKind.YesNo], section.Items.Select(i => i.Kind));
        Assert.Equal([0, 1, 2], definition.Item("walks")!.Choices.Select(c => c.Score));
        Assert.True(definition.Item("seeds")!.Required);
        var scale = Assert.Single(definition.Scales);
        Assert.Equal((ScoreMethod.Sum, 2, true), (scale.Method, scale.MinAnswered, scale.HigherIsBetter));
        Assert.Equal(2, scale.Bands.Count);
    }

    [Fact]
    public void Instructions_LeadThePartTheyIntroduce_AndAreWrittenBack()
    {
        // A standard instrument's stem before its questions, a new stem halfway, and instructions inside a group.
        var questionnaire = SmallQuestionnaire.Replace("\"item\": [", """
            "item": [
              { "linkId": "stem", "text": "Think about the last 7 days.", "type": "display" },
            """, StringComparison.Ordinal).Replace(
            """{ "linkId": "seeds", "text": "Did you plant anything?", "type": "boolean", "required": true }""",
            """
            { "linkId": "now", "text": "Now think about today.", "type": "display" },
            { "linkId": "seeds", "text": "Did you plant anything?", "type": "boolean", "required": true },
            { "linkId": "more", "text": "More about your garden", "type": "group", "item": [
              { "linkId": "more-note", "text": "Skip these if you have no garden.", "type": "display" },
              { "linkId": "weeds", "text": "Did you pull weeds?", "type": "boolean" } ] }
            """, StringComparison.Ordinal);
        var scoring = SmallScoring.Replace("\"seeds\"]", "\"seeds\", \"weeds\"]", StringComparison.Ordinal);

        var definition = FhirQuestionnaires.Read(3, questionnaire, scoring);

        Assert.Equal([["mood", "walks"], ["seeds"], ["weeds"]], definition.Sections.Select(s => s.Items.Select(i => i.LinkId).ToArray()));
        Assert.Equal(
            [["Think about the last 7 days."], ["Now think about today."], ["Skip these if you have no garden."]],
            definition.Sections.Select(s => s.Notes.Select(n => n.Text).ToArray()));
        // Instructions are not questions: nothing to answer, nothing scored.
        Assert.Null(definition.Item("stem"));

        var again = FhirQuestionnaires.Read(3, FhirQuestionnaires.ToQuestionnaireJson(definition), scoring);
        Assert.Equal(
            definition.Sections.Select(s => string.Join("|", s.Notes.Select(n => n.LinkId + ":" + n.Text))),
            again.Sections.Select(s => string.Join("|", s.Notes.Select(n => n.LinkId + ":" + n.Text))));
    }

    [Fact]
    public void NotJsonOrNotAQuestionnaire_SaysSo()
    {
        Assert.Contains(Problems("{ nope", SmallScoring), p => p.StartsWith("The Questionnaire file is not valid JSON", StringComparison.Ordinal));
        Assert.Contains("The Questionnaire file is not a FHIR Questionnaire: it needs \"resourceType\": \"Questionnaire\".",
            Problems("""{ "resourceType": "Patient" }""", SmallScoring));
        Assert.Contains(Problems("""{ "resourceType": "Questionnaire", "status": "sometimes" }""", SmallScoring),
            p => p.StartsWith("The Questionnaire is not valid FHIR R4", StringComparison.Ordinal));
        Assert.Contains("The Questionnaire file is empty.", Problems(" ", SmallScoring));
    }

    [Fact]
    public void ItemProblems_AreNamedByLinkId()
    {
        var questionnaire = SmallQuestionnaire
            .Replace("\"valueInteger\": 10", "\"valueInteger\": 7", StringComparison.Ordinal)
            .Replace("\"type\": \"boolean\"", "\"type\": \"date\"", StringComparison.Ordinal)
            .Replace("\"valueDecimal\": 2", "\"valueDecimal\": 2.5", StringComparison.Ordinal);
        var problems = Problems(questionnaire, SmallScoring);
        Assert.Contains("Item mood: a whole-number item must go from 0 to 10 or from 1 to 5 (this one goes from 0 to 7).", problems);
        Assert.Contains("Item seeds: the item type “date” is not supported. Use integer (0–10 or 1–5), choice, boolean, string or text.", problems);
        Assert.Contains("Item walks: the score of answer “most” must be a whole number.", problems);
    }

    [Fact]
    public void AQuestionShownOnlyAfterAnAnswer_IsRefused_NotSilentlyAskedAlways()
    {
        var questionnaire = SmallQuestionnaire.Replace(
            "{ \"linkId\": \"seeds\", \"text\": \"Did you plant anything?\", \"type\": \"boolean\", \"required\": true }",
            "{ \"linkId\": \"seeds\", \"text\": \"Did you plant anything?\", \"type\": \"boolean\", \"required\": true, "
            + "\"enableWhen\": [ { \"question\": \"mood\", \"operator\": \">\", \"answerInteger\": 5 } ] }",
            StringComparison.Ordinal);
        Assert.NotEqual(SmallQuestionnaire, questionnaire);
        Assert.Contains(
            "Item seeds: questions that appear only after a certain answer (enableWhen) are not supported. Please remove the condition so the question is always asked.",
            Problems(questionnaire, SmallScoring));
    }

    [Fact]
    public void TwoAnswersWithOneScore_AreRefused_SinceTheAnswerIsKeptAsItsScore()
    {
        var questionnaire = SmallQuestionnaire.Replace("\"valueDecimal\": 2", "\"valueDecimal\": 1", StringComparison.Ordinal);

        Assert.Contains("Item walks: the answers “some”, “most” have the same score (1). Give each answer its own score.", Problems(questionnaire, SmallScoring));
        // One imported before the rule came in still loads, so members part-way through it are not stuck.
        Assert.Equal([0, 1, 1], FhirQuestionnaires.Read(3, questionnaire, SmallScoring).Item("walks")!.Choices.Select(c => c.Score));
    }

    [Fact]
    public void AHugeScore_IsRefusedInPlainWords()
    {
        var questionnaire = SmallQuestionnaire.Replace("\"valueDecimal\": 2", "\"valueDecimal\": 3000000000", StringComparison.Ordinal);

        Assert.Contains("Item walks: the score of answer “most” must be between −1,000 and 1,000.", Problems(questionnaire, SmallScoring));
    }

    [Fact]
    public void DuplicateLinkIds_AndMissingText_AreNamed()
    {
        var questionnaire = SmallQuestionnaire
            .Replace("\"linkId\": \"seeds\"", "\"linkId\": \"mood\"", StringComparison.Ordinal)
            .Replace("\"text\": \"How often did you walk outside?\",", "", StringComparison.Ordinal);
        var problems = Problems(questionnaire, SmallScoring);
        Assert.Contains("Item mood: another item has the same linkId. Each linkId must be used once.", problems);
        Assert.Contains("Item walks: the question has no text.", problems);
    }

    [Fact]
    public void ScoringProblems_AreNamedByScale()
    {
        var scoring = """
            { "scales": [
              { "key": "garden", "title": "", "method": "median", "items": ["mood", "rain"], "reversed": ["seeds"], "minAnswered": 5,
                "bands": [ { "from": 0, "to": 6, "label": "low" }, { "from": 5, "to": 13, "label": "high" } ], "minanswered": 1 },
              { "key": "Garden Two", "items": ["mood"] }
            ] }
            """;
        var problems = Problems(SmallQuestionnaire, scoring);
        Assert.Contains("Scale garden: please give the scale a title.", problems);
        Assert.Contains("Scale garden: the method must be “sum” or “mean”.", problems);
        Assert.Contains("Scale garden: item rain is not in the Questionnaire.", problems);
        Assert.Contains("Scale garden: reversed item seeds is not one of the scale's items.", problems);
        Assert.Contains("Scale garden: minAnswered must be a whole number from 1 to the number of items (2).", problems);
        Assert.Contains("Scale garden: band “high” overlaps band “low”.", problems);
        Assert.Contains("Scale garden: “minanswered” is not a setting we know. Use key, title, method, items, reversed, minAnswered, bands and higherIsBetter.", problems);
        Assert.Contains("Scale 2: the key must be lower-case letters, digits, “_” or “-” (up to 64), e.g. “hope”.", problems);
        Assert.Contains("The scoring file needs a list of scales: { \"scales\": [ … ] }.", Problems(SmallQuestionnaire, "[]"));
    }

    [Fact]
    public void Problems_ReadTheSameThroughTheLocalizer()
    {
        var problem = FhirQuestionnaires.Check(0, SmallQuestionnaire, "[]", out _).Single();
        Assert.Equal(problem.ToString(), problem.Localize(TestText.English));
    }

    [Fact]
    public void Read_Throws_WithEveryProblem()
    {
        var error = Assert.Throws<InvalidInstrumentException>(() => FhirQuestionnaires.Read(0, SmallQuestionnaire, """{ "scales": [ { "key": "x" } ] }"""));
        Assert.True(error.Problems.Count >= 3);
    }

    [Theory]
    [InlineData(0, "Baseline")]
    [InlineData(14, "2 weeks")]
    [InlineData(56, "8 weeks")]
    [InlineData(91, "3 months")]
    [InlineData(182, "6 months")]
    [InlineData(365, "12 months")]
    public void DefaultLabels_ReadAsWeeksOrMonths(int days, string label) => Assert.Equal(label, OutcomesSeed.DefaultLabel(days));

    [Theory]
    [InlineData(null, "56,91,182")]
    [InlineData("42, 91,365", "42,91,365")]
    [InlineData("0,abc,800,-3", "56,91,182")]
    [InlineData("182,28,28", "28,182")]
    public void FollowUpDays_ComeFromSettings_OrTheDefaults(string? setting, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new KeyValuePair<string, string?>("Outcomes:FollowUpDays", setting)])
            .Build();
        Assert.Equal(expected, string.Join(",", OutcomesSeed.FollowUpDays(configuration)));
    }

    [Fact]
    public void FollowUpDays_CanBeAList()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Outcomes:FollowUpDays:0", "30"), new KeyValuePair<string, string?>("Outcomes:FollowUpDays:1", "120")])
            .Build();
        Assert.Equal([30, 120], OutcomesSeed.FollowUpDays(configuration));
    }
}
