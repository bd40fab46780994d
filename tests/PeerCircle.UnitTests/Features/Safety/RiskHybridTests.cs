using PeerCircle.Web.Features.Safety.RiskLanguage;

namespace PeerCircle.UnitTests.Features.Safety;

/// <summary>
/// How the trained head joins the rules (decision record 0007), with a made-up head over made-up embeddings so the
/// behaviour is exact: the head only adds categories the rules missed, only at or above the category's threshold, and
/// says so in plain words. The real head and model are scored by <see cref="RiskEvaluationTests"/>.
/// </summary>
public class RiskHybridTests
{
    // One number per "embedding": probability = 1 / (1 + e^-(10·x − 5)), so x = 1 gives 0.99 and x = 0 gives 0.01.
    private static readonly RiskHead Head = new()
    {
        Model = "test",
        TrainedOn = "test",
        Method = "test",
        Categories =
        [
            new RiskHeadCategory { Category = "self_harm", Threshold = 0.9, Bias = -5, Weights = [10, 0] },
            new RiskHeadCategory { Category = "severe_distress", Threshold = 0.9, Bias = -5, Weights = [0, 10] },
        ],
    };

    [Fact]
    public void Head_AddsACategoryTheRulesMissed_AboveItsThreshold_AndSaysSoInPlainWords()
    {
        var detector = new RiskDetector(Head, _ => [[0f, 1f]]);

        var result = detector.Detect("The days all run together lately.");

        Assert.Equal(["severe_distress"], result.Categories);
        Assert.Equal("severe_distress: no rule matched, but the wording is close to messages about severe distress or hopelessness (model score 0.99)", result.Explanation);
        var match = Assert.Single(result.Matches);
        Assert.Equal("model", match.Rule);
        Assert.Equal("The days all run together lately.", match.Excerpt);
    }

    [Fact]
    public void WhenTheModelFails_TheRulesAnswerStands_AndNothingIsThrown()
    {
        var detector = new RiskDetector(Head, _ => throw new InvalidOperationException("the model could not load"));

        var flagged = detector.Detect("I want to kill myself.");
        var ordinary = detector.Detect("Thanks for the ride on Tuesday, it helped a lot.");

        Assert.Contains("self_harm", flagged.Categories);
        Assert.Empty(ordinary.Categories);
    }

    [Fact]
    public void Head_BelowItsThreshold_AddsNothing()
    {
        var detector = new RiskDetector(Head, _ => [[0.5f, 0.5f]]);

        Assert.False(detector.Detect("The days all run together lately.").Any);
    }

    [Fact]
    public void RulesKeepTheirExplanation_AndTheHeadOnlyAddsWhatTheyMissed()
    {
        var detector = new RiskDetector(Head, _ => [[1f, 1f]]);

        var result = detector.Detect("I just want to end it all.");

        Assert.Equal(["self_harm", "severe_distress"], result.Categories);
        Assert.StartsWith("self_harm: 'end it all'; severe_distress: no rule matched", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void LongText_IsEmbeddedInPieces_AndTheHighestScoreOfAnyPieceCounts()
    {
        var pieces = 0;
        var detector = new RiskDetector(Head, text =>
        {
            var parts = RiskEmbedder.Pieces(text);
            pieces = parts.Count;
            return [.. parts.Select((_, i) => i == parts.Count - 1 ? new[] { 0f, 1f } : [0f, 0f])];
        });
        var text = string.Concat(Enumerable.Repeat("We had a long week at the clinic and the parking was terrible again. ", 30));

        var result = detector.Detect(text);

        Assert.True(pieces > 1);
        Assert.Equal(["severe_distress"], result.Categories);
        Assert.All(RiskEmbedder.Pieces(text), p => Assert.True(p.Length <= RiskEmbedder.PieceLength));
    }

    [Fact]
    public void Head_AddsNothing_ToATextShorterThanItsMinimumWords_AndDoesNotEmbedIt()
    {
        var embedded = 0;
        var head = new RiskHead { Model = Head.Model, TrainedOn = Head.TrainedOn, Method = Head.Method, Categories = Head.Categories, MinWords = 3 };
        var detector = new RiskDetector(head, _ =>
        {
            embedded++;
            return [[0f, 1f]];
        });

        Assert.False(detector.Detect("Very low.").Any);
        Assert.Equal(0, embedded);
        Assert.Equal(["severe_distress"], detector.Detect("Very low today.").Categories);
        Assert.Equal(1, embedded);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("   ", 0)]
    [InlineData("Ok.", 1)]
    [InlineData("Nothing really.", 2)]
    [InlineData("See you Thursday - 7 pm!", 5)]
    [InlineData("  two\nlines  ", 2)]
    public void WordCount_CountsRunsWithALetterOrDigit(string? text, int words) =>
        Assert.Equal(words, RiskHead.WordCount(text));

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("rules", false)]
    [InlineData(" Rules ", false)]
    [InlineData("hybrid", true)]
    [InlineData("HYBRID", true)]
    public void DetectorSetting_IsRulesOrHybrid(string? setting, bool hybrid) =>
        Assert.Equal(hybrid, RiskLanguageExtensions.IsHybrid(setting));

    [Fact]
    public void DetectorSetting_AnythingElse_StopsStartUpWithAMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RiskLanguageExtensions.IsHybrid("hybird"));

        Assert.Contains("Safety:RiskDetector", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The shipped head and the real model (loads MiniLM: about a second and 350 MB): ordinary short texts the first
    /// head flagged ("Nothing really." → severe distress 0.92; the phone-number hint → self-harm 0.90) get nothing.
    /// </summary>
    [Theory]
    [InlineData("Nothing really.")]
    [InlineData("Please add a phone number so we can text or call you, or untick those choices.")]
    [InlineData("Ok")]
    [InlineData("See you Thursday!")]
    [InlineData("Thanks for tonight, the parking was easy this time.")]
    public void ShippedHybrid_FlagsNothing_InOrdinaryShortTexts(string text)
    {
        var result = RiskDetector.Hybrid().Detect(text);

        Assert.False(result.Any, result.Explanation);
    }

    [Fact]
    public void RulesOnly_IsTheRulesAlone()
    {
        var result = RiskDetector.RulesOnly().Detect("The days all run together lately.");

        Assert.False(result.Any);
    }
}
