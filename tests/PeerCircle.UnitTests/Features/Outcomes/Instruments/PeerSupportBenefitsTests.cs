using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using PeerCircle.Web.Features.Outcomes.Instruments;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.UnitTests.Features.Outcomes.Instruments;

/// <summary>The shipped Peer Support Benefits questionnaire: valid FHIR R4, one scale per benefit, and it round-trips.</summary>
public class PeerSupportBenefitsTests
{
    private static string QuestionnaireJson => File.ReadAllText(OutcomesSeed.QuestionnairePath);

    private static string ScoringJson => File.ReadAllText(OutcomesSeed.ScoringPath);

    internal static InstrumentDefinition Shipped() => FhirQuestionnaires.Read(7, QuestionnaireJson, ScoringJson);

    private static string Snapshot(InstrumentDefinition definition) => JsonSerializer.Serialize(definition);

    [Fact]
    public void TheShippedQuestionnaire_IsAValidFhirR4Questionnaire()
    {
        var questionnaire = new FhirJsonDeserializer().Deserialize<Questionnaire>(QuestionnaireJson);
        Assert.Equal(PublicationStatus.Active, questionnaire.Status);
        Assert.Equal("Peer Support Benefits", questionnaire.Title);
        Assert.False(string.IsNullOrWhiteSpace(questionnaire.Url));
        Assert.False(string.IsNullOrWhiteSpace(questionnaire.Version));
        Assert.All(questionnaire.Item.SelectMany(i => i.Item).Prepend(questionnaire.Item[0]), i => Assert.False(string.IsNullOrWhiteSpace(i.LinkId)));
    }

    [Fact]
    public void EachOfTheSevenBenefits_HasAScaleOfTwoOrThreeItems_PlusOneOverallQualityOfLifeItem()
    {
        var definition = Shipped();
        Assert.Equal(InstrumentCatalog.PeerSupportBenefitsKey, definition.Key);
        Assert.Equal("2", definition.Version);
        Assert.Equal(InstrumentCatalog.BenefitScales, definition.Scales.Select(s => s.Key));
        var benefits = definition.Scales.Where(s => s.Key != "overall_quality_of_life").ToList();
        Assert.Equal(7, benefits.Count);
        foreach (var scale in benefits)
        {
            Assert.InRange(scale.Items.Count, 2, 3);
            Assert.All(scale.Items, linkId => Assert.Equal(ItemKind.Likert1To5, definition.Item(linkId)!.Kind));
            Assert.Equal(2, scale.MinAnswered);
        }
        Assert.Equal(["qol-2", "qol-3"], benefits.Single(s => s.Key == "quality_of_life").Items);
        var overall = Assert.Single(definition.Scales, s => s.Key == "overall_quality_of_life");
        Assert.Equal("qol-1", Assert.Single(overall.Items));
        Assert.Equal(ItemKind.Scale0To10, definition.Item("qol-1")!.Kind);
        // At least one reverse-worded item for every two benefit scales.
        Assert.True(benefits.Count(s => s.Reversed.Count > 0) * 2 >= benefits.Count);
        Assert.Contains("belonging-2", definition.Scales.Single(s => s.Key == "belonging").Reversed);
        Assert.Contains("qol-3", definition.Scales.Single(s => s.Key == "quality_of_life").Reversed);
    }

    [Fact]
    public void EveryItem_IsOnAScale_OrIsTheOneOptionalFreeTextItem()
    {
        var definition = Shipped();
        var scored = definition.Scales.SelectMany(s => s.Items).ToList();
        Assert.Equal(scored.Count, scored.Distinct().Count());
        var unscored = definition.Items.Where(i => !scored.Contains(i.LinkId)).ToList();
        var freeText = Assert.Single(unscored);
        Assert.Equal(ItemKind.FreeText, freeText.Kind);
        Assert.Equal("Is there anything else you'd like to tell us?", freeText.Text);
        Assert.All(definition.Items, i => Assert.False(i.Required));
    }

    [Fact]
    public void WhatMembersRead_IsAtGradeEightOrBelow()
    {
        var definition = Shipped();
        var text = string.Join("\n", definition.Items.SelectMany(i => new[] { i.Text, i.Help, i.MinLabel, i.MaxLabel }
            .Concat(i.Choices.Select(c => c.Text + "."))).OfType<string>().Prepend(definition.Description!));
        Assert.InRange(Readability.FleschKincaidGrade(text), 0, 8);
        Assert.All(definition.Items, i => Assert.InRange(Readability.FleschKincaidGrade(i.Text), -5, 8.5));
    }

    /// <summary>
    /// "Completed on a phone in under 3 minutes", estimated rather than timed: every word a member reads once — the
    /// description, each part's heading, each question, its end labels and help, and the answer words once per part —
    /// at 200 words a minute (adults read non-fiction silently at about 238; Brysbaert 2019, J. Memory and Language
    /// 109:104047), plus 2 seconds to tap each answer and 2 seconds to go on to each part. The optional free-text
    /// question is left out: writing in it is the member's own time. Adding questions past the budget fails here.
    /// </summary>
    [Fact]
    public void AMemberCanFinishIt_InUnderThreeMinutes_ReadingAtAnUnhurriedPace()
    {
        var definition = Shipped();
        static int Words(string? text) => text is null ? 0 : System.Text.RegularExpressions.Regex.Count(text, @"[\p{L}\p{N}'’]+");
        var words = Words(definition.Description);
        var answers = 0;
        foreach (var section in definition.Sections)
        {
            var asked = section.Items.Where(i => i.Kind != ItemKind.FreeText).ToList();
            words += Words(section.Title) + asked.Sum(i => Words(i.Text) + Words(i.Help) + Words(i.MinLabel) + Words(i.MaxLabel));
            words += asked.FirstOrDefault(i => i.Choices.Count > 0)?.Choices.Sum(c => Words(c.Text)) ?? 0;
            answers += asked.Count;
        }
        var seconds = words / 200.0 * 60 + answers * 2 + definition.Sections.Count * 2;
        Assert.Equal(20, answers);
        Assert.InRange(seconds, 60, 180);
    }

    [Fact]
    public void ReadWriteRead_GivesTheSameDefinition()
    {
        var first = Shipped();
        var written = FhirQuestionnaires.ToQuestionnaireJson(first);
        var second = FhirQuestionnaires.Read(7, written, FhirQuestionnaires.ToScoringJson(first));
        Assert.Equal(Snapshot(first), Snapshot(second));
        Assert.Equal(first.Url, second.Url);
        // What we write is valid FHIR R4 too.
        Assert.NotNull(new FhirJsonDeserializer().Deserialize<Questionnaire>(written));
    }

    [Fact]
    public void LikertItems_ReadTheirWordsAndOrdinalScores()
    {
        var item = Shipped().Item("belonging-2")!;
        Assert.Equal(["Strongly disagree", "Disagree", "Not sure", "Agree", "Strongly agree"], item.Choices.Select(c => c.Text));
        Assert.Equal([1, 2, 3, 4, 5], item.Choices.Select(c => c.Score));
        var qualityOfLife = Shipped().Item("qol-1")!;
        Assert.Equal("As bad as it could be", qualityOfLife.MinLabel);
        Assert.Equal("As good as it could be", qualityOfLife.MaxLabel);
    }
}
