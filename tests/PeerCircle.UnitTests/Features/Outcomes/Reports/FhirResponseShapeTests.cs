using Hl7.Fhir.Model;
using Hl7.Fhir.Validation;
using PeerCircle.Web.Features.Outcomes.Instruments;
using PeerCircle.Web.Features.Outcomes.Reports;

namespace PeerCircle.UnitTests.Features.Outcomes.Reports;

/// <summary>
/// A member's answers exported as FHIR must read back against the questionnaire they answered: a system that imports
/// the bundle finds each answer inside its question's group, and a choice as one of that question's answer options.
/// </summary>
public class FhirResponseShapeTests
{
    private static Questionnaire Shipped => FhirQuestionnaires.TryParse(File.ReadAllText(OutcomesSeed.QuestionnairePath))!;

    private const string Answers = """{"hope-1": 4, "hope-3": 2, "support-2": 5, "qol-1": 7, "comments": "The group helps.", "retired-item": 3}""";

    [Fact]
    public void Answers_SitInTheirGroups_InTheQuestionnairesOrder_AsItsOwnOptions()
    {
        var questionnaire = Shipped;
        var items = FhirExports.Items(questionnaire, Answers, research: false);

        Assert.Equal(["hope", "support", "quality-of-life", "anything-else", "retired-item"], items.Select(i => i.LinkId));
        var hope = items[0];
        Assert.Equal(["hope-1", "hope-3"], hope.Item.Select(i => i.LinkId));
        // "Agree" (4) is the question's own answer option: same system, code and words.
        var agree = Assert.IsType<Coding>(hope.Item[0].Answer.Single().Value);
        var option = (Coding)questionnaire.Item.Single(i => i.LinkId == "hope").Item.Single(i => i.LinkId == "hope-1")
            .AnswerOption.Single(o => FhirQuestionnaires.WeightOf(o) == 4).Value;
        Assert.Equal((option.System, option.Code, option.Display), (agree.System, agree.Code, agree.Display));
        Assert.Equal(7, Assert.IsType<Integer>(items[2].Item.Single().Answer.Single().Value).Value);
        Assert.Equal("The group helps.", Assert.IsType<FhirString>(items[3].Item.Single().Answer.Single().Value).Value);
        // An answer to a question the questionnaire no longer has is kept, as stored.
        Assert.Equal(3, Assert.IsType<Integer>(items[4].Answer.Single().Value).Value);

        var response = new QuestionnaireResponse
        {
            Questionnaire = $"{questionnaire.Url}|{questionnaire.Version}", Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
        };
        response.Item.AddRange(items);
        Assert.Empty(response.Validate());
    }

    [Fact]
    public void TheResearchExport_LeavesOutFreeText_AndEmptyGroups()
    {
        var items = FhirExports.Items(Shipped, """{"qol-1": 3, "comments": "My name is Ana."}""", research: true);

        Assert.Equal(["quality-of-life"], items.Select(i => i.LinkId));
    }

    [Fact]
    public void WithoutAReadableQuestionnaire_AnswersAreKeptAsStored()
    {
        var items = FhirExports.Items(null, Answers, research: false);

        Assert.Equal(6, items.Count);
        Assert.All(items, i => Assert.Empty(i.Item));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    public void AnIntegerAnswerOption_IsExportedAsItself_WhateverNumberTheListStartsAt(int chosen)
    {
        // Options 0 to 3 with no score of their own (as many standard instruments list them): the value is the score.
        var questionnaire = FhirQuestionnaires.TryParse("""
            { "resourceType": "Questionnaire", "status": "active", "url": "https://example.org/q", "version": "1",
              "item": [ { "linkId": "sleep", "text": "Trouble sleeping?", "type": "choice",
                "answerOption": [ { "valueInteger": 0 }, { "valueInteger": 1 }, { "valueInteger": 2 }, { "valueInteger": 3 } ] } ] }
            """)!;
        Assert.Equal([0, 1, 2, 3], FhirQuestionnaires.ScoresOf(questionnaire.Item[0]));

        var items = FhirExports.Items(questionnaire, $$"""{"sleep": {{chosen}}}""", research: false);

        Assert.Equal(chosen, Assert.IsType<Integer>(items.Single().Answer.Single().Value).Value);
    }
}
