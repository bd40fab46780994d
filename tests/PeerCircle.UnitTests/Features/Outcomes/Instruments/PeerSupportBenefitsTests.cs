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
    public void EveryBenefit_HasAScaleOfTwoOrThreeItems_AndQualityOfLifeIsOneOverallItem()
    {
        var definition = Shipped();
        Assert.Equal(InstrumentCatalog.PeerSupportBenefitsKey, definition.Key);
        Assert.Equal(InstrumentCatalog.BenefitScales, definition.Scales.Select(s => s.Key));
        foreach (var scale in definition.Scales.Where(s => s.Key != "quality_of_life"))
        {
            Assert.InRange(scale.Items.Count, 2, 3);
            Assert.All(scale.Items, linkId => Assert.Equal(ItemKind.Likert1To5, definition.Item(linkId)!.Kind));
        }
        var qualityOfLife = Assert.Single(definition.Scales, s => s.Key == "quality_of_life");
        Assert.Equal(ItemKind.Scale0To10, definition.Item(Assert.Single(qualityOfLife.Items))!.Kind);
        // At least one reverse-worded item for every two scales.
        Assert.True(definition.Scales.Count(s => s.Reversed.Count > 0) * 2 >= definition.Scales.Count - 1);
        Assert.Contains("belonging-2", definition.Scales.Single(s => s.Key == "belonging").Reversed);
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
