using PeerCircle.Web.Features.Meetings;

namespace PeerCircle.UnitTests.Features.Meetings;

public class PhaseBudgetTests
{
    [Theory]
    [InlineData(60)]
    [InlineData(75)]
    [InlineData(90)]
    [InlineData(120)]
    public void Defaults_FillTheMeetingExactly_WithEveryPartGivenTime(int minutes)
    {
        var budget = PhaseBudget.Defaults(minutes);

        Assert.Equal(minutes, budget.Total);
        Assert.All(Enum.GetValues<MeetingPhase>(), phase => Assert.True(budget[phase] >= 2, $"{phase} has {budget[phase]} minutes."));
        Assert.True(budget.Confidentiality >= PhaseBudget.MinConfidentiality);
        // The topic and presentations get the most time; check-in comes next.
        Assert.Equal(budget.Presentations, Enum.GetValues<MeetingPhase>().Max(p => budget[p]));
        Assert.True(budget.CheckIn > budget.Feedback);
    }

    [Fact]
    public void Defaults_ForNinetyMinutes_AreTheProgramsUsualSplit()
    {
        Assert.Equal(new PhaseBudget(18, 37, 18, 9, 4, 4), PhaseBudget.Defaults(90));
    }
}
