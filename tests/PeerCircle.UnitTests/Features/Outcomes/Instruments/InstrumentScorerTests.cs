using PeerCircle.Web.Features.Outcomes.Instruments;

namespace PeerCircle.UnitTests.Features.Outcomes.Instruments;

/// <summary>Scoring: reverse-scored items, missing answers, sum proration, mean, bands, answers out of range.</summary>
public class InstrumentScorerTests
{
    private static readonly AnswerChoice[] Agreement =
        [new("1", "Strongly disagree", 1), new("2", "Disagree", 2), new("3", "Not sure", 3), new("4", "Agree", 4), new("5", "Strongly agree", 5)];

    private static readonly ScoreBand[] Bands = [new(1, 2.49, "low"), new(2.5, 3.49, "in the middle"), new(3.5, 5, "high")];

    private static InstrumentDefinition Instrument(ScoreMethod method, int minAnswered, params string[] reversed) => new(
        1, "test", "1", "Test", null,
        [
            new InstrumentSection("s", "Section",
            [
                new InstrumentItem("a", "A", ItemKind.Likert1To5, Agreement),
                new InstrumentItem("b", "B", ItemKind.Likert1To5, Agreement),
                new InstrumentItem("c", "C", ItemKind.Likert1To5, Agreement),
                new InstrumentItem("q", "Q", ItemKind.Scale0To10, []),
                new InstrumentItem("yes", "Yes?", ItemKind.YesNo, []),
                new InstrumentItem("words", "Words", ItemKind.FreeText, []),
            ]),
        ],
        [
            new ScaleRule("abc", "ABC", method, ["a", "b", "c"], reversed, minAnswered, Bands),
            new ScaleRule("q", "Q", ScoreMethod.Mean, ["q"], [], 1, [new(0, 3, "low"), new(4, 6, "in the middle"), new(7, 10, "high")]),
        ]);

    private static Dictionary<string, AnswerValue> Answers(params (string LinkId, int Value)[] answers) =>
        answers.ToDictionary(a => a.LinkId, a => AnswerValue.Of(a.Value));

    private static ScaleScore Abc(InstrumentDefinition instrument, Dictionary<string, AnswerValue> answers) =>
        InstrumentScorer.Score(instrument, answers).Single(s => s.Scale == "abc");

    [Fact]
    public void Mean_OfAllItems_WithItsBand()
    {
        var score = Abc(Instrument(ScoreMethod.Mean, 2), Answers(("a", 4), ("b", 5), ("c", 3)));
        Assert.Equal(4.0, score.Value);
        Assert.Equal("high", score.Band);
        Assert.Equal(3, score.Answered);
    }

    [Fact]
    public void ReversedItems_CountAsMaxPlusMinMinusTheAnswer()
    {
        // c is reverse-worded: "strongly agree" (5) scores 1.
        var score = Abc(Instrument(ScoreMethod.Sum, 3, "c"), Answers(("a", 4), ("b", 4), ("c", 5)));
        Assert.Equal(9.0, score.Value);
        var mean = Abc(Instrument(ScoreMethod.Mean, 3, "c"), Answers(("a", 1), ("b", 2), ("c", 4)));
        Assert.Equal(Math.Round(5.0 / 3, 4), mean.Value);
        Assert.Equal("low", mean.Band);
    }

    [Fact]
    public void TooFewAnswers_GiveNoScore_ButEnoughDo()
    {
        var instrument = Instrument(ScoreMethod.Mean, 2);
        var below = Abc(instrument, Answers(("a", 4)));
        Assert.Null(below.Value);
        Assert.Null(below.Band);
        Assert.Equal(1, below.Answered);
        var atMinimum = Abc(instrument, Answers(("a", 4), ("c", 2)));
        Assert.Equal(3.0, atMinimum.Value);
        Assert.Equal("in the middle", atMinimum.Band);
        Assert.Null(Abc(instrument, []).Value);
    }

    [Fact]
    public void Sum_WithAMissingItem_IsProratedToTheWholeScale()
    {
        // 4 + 5 over two of three items → 9 × 3 / 2.
        var score = Abc(Instrument(ScoreMethod.Sum, 2), Answers(("a", 4), ("b", 5)));
        Assert.Equal(13.5, score.Value);
        Assert.Equal(2, score.Answered);
    }

    [Fact]
    public void AnswersOutOfRange_AreIgnored()
    {
        var instrument = Instrument(ScoreMethod.Mean, 2);
        var score = Abc(instrument, Answers(("a", 4), ("b", 9), ("c", 0)));
        Assert.Null(score.Value);
        Assert.Equal(1, score.Answered);
        var q = InstrumentScorer.Score(instrument, Answers(("q", 11))).Single(s => s.Scale == "q");
        Assert.Null(q.Value);
        var q10 = InstrumentScorer.Score(instrument, Answers(("q", 10))).Single(s => s.Scale == "q");
        Assert.Equal(10.0, q10.Value);
        Assert.Equal("high", q10.Band);
    }

    [Fact]
    public void TextAnswers_AreNeverScored()
    {
        var answers = new Dictionary<string, AnswerValue> { ["a"] = AnswerValue.Of("four"), ["b"] = AnswerValue.Of(4), ["c"] = AnswerValue.Of(4) };
        var score = Abc(Instrument(ScoreMethod.Mean, 2), answers);
        Assert.Equal(4.0, score.Value);
        Assert.Equal(2, score.Answered);
    }

    [Fact]
    public void PeerSupportBenefits_ScoresEachBenefit()
    {
        var definition = PeerSupportBenefitsTests.Shipped();
        var answers = Answers(
            ("hope-1", 5), ("hope-2", 4), ("hope-3", 1),
            ("belonging-1", 4), ("belonging-2", 5),
            ("qol-1", 6), ("qol-2", 4), ("qol-3", 2));
        var scores = InstrumentScorer.Score(definition, answers).ToDictionary(s => s.Scale);
        Assert.Equal(Math.Round(14.0 / 3, 4), scores["hope"].Value);
        Assert.Equal("high", scores["hope"].Band);
        // "I often feel alone with cancer" – strongly agree – counts as 1.
        Assert.Equal(2.5, scores["belonging"].Value);
        Assert.Equal("in the middle", scores["belonging"].Band);
        // "Stress and worry get in the way of my daily life" – disagree – counts as 4.
        Assert.Equal(4.0, scores["quality_of_life"].Value);
        Assert.Equal("high", scores["quality_of_life"].Band);
        Assert.Equal(6.0, scores["overall_quality_of_life"].Value);
        Assert.Equal("in the middle", scores["overall_quality_of_life"].Band);
        Assert.Null(scores["support"].Value);
        Assert.Equal(8, scores.Count);
    }
}
