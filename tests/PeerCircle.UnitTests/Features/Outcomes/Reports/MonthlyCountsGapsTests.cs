using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Features.Outcomes.Reports;

namespace PeerCircle.UnitTests.Features.Outcomes.Reports;

/// <summary>
/// A report reads whole months from their counts and everything else row by row: the parts left over must cover the
/// rest of the range exactly, or a coordinator sees days counted twice or not at all.
/// </summary>
public class MonthlyCountsGapsTests
{
    private static DateTime Day(int month, int day) => new(2026, month, day, 0, 0, 0, DateTimeKind.Utc);

    private static CountedMonth Month(int month) => new() { StartUtc = Day(month, 1), EndUtc = Day(month + 1, 1) };

    [Fact]
    public void TheDaysAtEitherEnd_AndAMonthNotCounted_AreLeftToReadByRow()
    {
        // 20 Jan to 10 Jun; February, March and May are counted, April was changed since (not counted).
        var gaps = MonthlyCounts.Gaps(Day(1, 20), Day(6, 10), [Month(5), Month(2), Month(3)]);

        Assert.Equal([(Day(1, 20), Day(2, 1)), (Day(4, 1), Day(5, 1)), (Day(6, 1), Day(6, 10))], gaps);
    }

    [Fact]
    public void WithNothingCounted_TheWholeRangeIsOneGap_AndAFullyCountedRangeHasNone()
    {
        Assert.Equal([(Day(1, 20), Day(6, 10))], MonthlyCounts.Gaps(Day(1, 20), Day(6, 10), []));
        Assert.Empty(MonthlyCounts.Gaps(Day(2, 1), Day(4, 1), [Month(2), Month(3)]));
    }
}
