using PeerCircle.Web.Features.Safety.RiskLanguage;

namespace PeerCircle.UnitTests.Features.Safety;

/// <summary>The context rules of the risk-language detector, one behaviour at a time.</summary>
public class RiskDetectorTests
{
    private readonly RiskDetector _detector = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("Good week. Scan was clear and we went to the beach.")]
    public void NothingToWorryAbout_FindsNothing(string? text)
    {
        var result = _detector.Detect(text);

        Assert.False(result.Any);
        Assert.Empty(result.Matches);
        Assert.Equal("No risk language found.", result.Explanation);
    }

    [Fact]
    public void PlainSuicidalStatement_IsSelfHarm_AndTheExplanationQuotesTheWordsAsWritten()
    {
        var result = _detector.Detect("Honestly I just want to END IT ALL. I'm so tired.");

        Assert.Equal(["self_harm"], result.Categories);
        Assert.Equal("self_harm: 'END IT ALL'", result.Explanation);
        Assert.Equal("END IT ALL", Assert.Single(result.Matches).Excerpt);
    }

    [Theory]
    [InlineData("I'm not going to kill myself, I just need to vent.")]
    [InlineData("I've never thought about hurting myself, even on the worst days.")]
    [InlineData("I don't want to die. I want to live to see my son graduate.")]
    [InlineData("Just to be clear, I’m not suicidal, just very tired.")]
    [InlineData("No thoughts of self-harm this week.")]
    [InlineData("I'm not hopeless, just frustrated with the delays.")]
    [InlineData("He has never hit me or the kids, he's just very stressed.")]
    public void Negation_CancelsTheMatch(string text) => Assert.False(_detector.Detect(text).Any, _detector.Detect(text).Explanation);

    [Theory]
    [InlineData("I want to kill myself.", "self_harm")]
    [InlineData("I don't want to live anymore.", "self_harm")]
    [InlineData("I can't stop thinking about suicide.", "self_harm")]
    [InlineData("im going to kill myself", "self_harm")]
    public void NegationInsideTheRiskPhrase_StillCounts(string text, string category) =>
        Assert.Contains(category, _detector.Detect(text).Categories);

    [Theory]
    [InlineData("I'm dying to see my grandkids this weekend!")]
    [InlineData("Just killing time in the waiting room before my infusion.")]
    [InlineData("This traffic is killing me.")]
    [InlineData("I could kill for a coffee right now.")]
    [InlineData("Dead tired after radiation today, going straight to bed.")]
    [InlineData("My sister is going to kill me when she sees I ate her cake.")]
    [InlineData("Bored to death in the infusion chair.")]
    public void Idioms_AreNotRisk(string text) => Assert.False(_detector.Detect(text).Any, _detector.Detect(text).Explanation);

    [Theory]
    [InlineData("My oncologist said to stop the pills before surgery.")]
    [InlineData("The care team told me to skip my morning dose before the scan.")]
    [InlineData("Per my oncologist I'm holding the chemo this cycle because my counts are low.")]
    [InlineData("We decided with the oncologist to stop chemo and focus on comfort care.")]
    [InlineData("I heard people say juicing cures cancer, but my dietitian said it's not true.")]
    public void QuotingTheDoctorOrCareTeam_IsNotMedicalAdvice(string text) =>
        Assert.DoesNotContain("medical_advice", _detector.Detect(text).Categories);

    [Theory]
    [InlineData("Just stop taking the tamoxifen, it's poison.")]
    [InlineData("Tell your mom to skip chemo and try apricot kernels.")]
    [InlineData("I stopped my blood thinners on my own because they made me tired.")]
    [InlineData("Double up your oxycodone if the pain gets bad, that's what I do.")]
    public void UnsoundAdvice_IsMedicalAdvice(string text) =>
        Assert.Equal(["medical_advice"], _detector.Detect(text).Categories);

    [Theory]
    [InlineData("Last year I wanted to die, but now I'm doing better.")]
    [InlineData("Two years ago I tried to take my own life. Today I'm three years cancer-free and I volunteer.")]
    [InlineData("My ex used to hit me. I left him in 2019 and I'm safe now.")]
    [InlineData("Back when dad was dying I felt hopeless, but these days I can smile again.")]
    public void PastTenseWithRecovery_IsNotRisk(string text) => Assert.False(_detector.Detect(text).Any, _detector.Detect(text).Explanation);

    [Theory]
    [InlineData("I want to die.", "self_harm")]
    [InlineData("I tried to overdose last weekend and I'm scared I will try again.", "self_harm")]
    [InlineData("I cut myself again last night after the scan results.", "self_harm")]
    public void PresentOrOngoing_IsRisk(string text, string category) => Assert.Contains(category, _detector.Detect(text).Categories);

    [Fact]
    public void SomeoneElseAtRisk_IsFlagged_ButACompletedSuicideYearsAgoIsGrief()
    {
        Assert.Contains("self_harm", _detector.Detect("My husband told me tonight he wants to kill himself.").Categories);
        Assert.False(_detector.Detect("My brother died by suicide ten years ago and cancer brought that grief back.").Any);
    }

    [Fact]
    public void Threats_NeedAPersonAndAnIntention()
    {
        Assert.Equal(["harm_to_others"], _detector.Detect("I'm going to kill my ex-husband if he shows up at the hospital again.").Categories);
        Assert.False(_detector.Detect("My husband killed the spider in the bathroom, my hero.").Any);
        Assert.False(_detector.Detect("We watched a movie about a woman who kills her abusive husband.").Any);
        Assert.False(_detector.Detect("My husband jokes that the chemo will kill him before the cancer does.").Any);
    }

    [Fact]
    public void SeveralCategories_AreAllNamed_InTheFixedOrder()
    {
        var result = _detector.Detect("He beats me and some nights I think about ending my life.");

        Assert.Equal(["self_harm", "abuse_neglect"], result.Categories);
        Assert.StartsWith("self_harm: 'ending my life'; abuse_neglect: 'He beats me'", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyThreadsAtOnce_GetTheSameAnswersAsOne()
    {
        var set = RiskEvaluationTests.Load("risk-eval.jsonl");
        var one = set.Select(m => _detector.Detect(m.Text).Explanation).ToArray();
        var many = new string[set.Count];

        Parallel.For(0, set.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => many[i] = _detector.Detect(set[i].Text).Explanation);

        Assert.Equal(one, many);
    }
}
