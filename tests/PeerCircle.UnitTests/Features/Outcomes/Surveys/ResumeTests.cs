using PeerCircle.UnitTests.Features.Outcomes.Instruments;
using PeerCircle.Web.Features.Outcomes.Instruments;
using PeerCircle.Web.Features.Outcomes.Surveys;

namespace PeerCircle.UnitTests.Features.Outcomes.Surveys;

/// <summary>Coming back to a survey opens the part after the last one the member answered.</summary>
public class ResumeTests
{
    private static readonly InstrumentDefinition Survey = PeerSupportBenefitsTests.Shipped();

    private static Dictionary<string, AnswerValue> Answered(params string[] linkIds) =>
        linkIds.ToDictionary(id => id, _ => AnswerValue.Of(3), StringComparer.Ordinal);

    [Fact]
    public void NothingAnswered_StartsAtTheFirstPart() => Assert.Equal(0, SurveyAnswers.ResumeAt(Survey, Answered()));

    [Fact]
    public void AfterTheFirstTwoParts_ComesBackAtTheThird() =>
        Assert.Equal(2, SurveyAnswers.ResumeAt(Survey, Answered("hope-1", "support-2")));

    [Fact]
    public void ASkippedPart_DoesNotCallTheMemberBack()
    {
        // Part 2 skipped (every question is optional), parts 1 and 3 answered: they stopped after part 3.
        Assert.Equal(3, SurveyAnswers.ResumeAt(Survey, Answered("hope-1", "motivation-1")));
    }

    [Fact]
    public void WithTheLastPartAnswered_OpensTheLastPart() =>
        Assert.Equal(Survey.Sections.Count - 1, SurveyAnswers.ResumeAt(Survey, Answered("hope-1", "comments")));
}
