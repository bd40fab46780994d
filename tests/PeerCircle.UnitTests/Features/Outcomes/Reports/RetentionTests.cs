using PeerCircle.Web.Features.Outcomes.Reports;

namespace PeerCircle.UnitTests.Features.Outcomes.Reports;

/// <summary>Retention after joining: one group of people for every row, and no row that gives a handful away.</summary>
public class RetentionTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime From = Now.AddYears(-1);

    [Fact]
    public void EveryRowCountsTheSamePeople_ThoseWhoJoinedAtLeast12WeeksAgo()
    {
        var joined = Now.AddDays(-7 * 20);
        List<(DateTime, DateTime?)> people =
        [
            // 40 joined 20 weeks ago: 10 stopped before 4 weeks, 5 between 4 and 8, 13 between 8 and 12, 12 still come.
            .. Enumerable.Repeat((joined, (DateTime?)joined.AddDays(7 * 2)), 10),
            .. Enumerable.Repeat((joined, (DateTime?)joined.AddDays(7 * 5)), 5),
            .. Enumerable.Repeat((joined, (DateTime?)joined.AddDays(7 * 9)), 13),
            .. Enumerable.Repeat((joined, (DateTime?)joined.AddDays(7 * 13)), 12),
            // 30 joined 6 weeks ago and still come: not in any row, or "joined" would differ from row to row.
            .. Enumerable.Repeat((Now.AddDays(-42), (DateTime?)Now.AddDays(-1)), 30),
            // Joined before the range: not counted.
            .. Enumerable.Repeat((From.AddDays(-1), (DateTime?)Now), 20),
        ];

        var rows = ProgramDashboard.Retention(From, people, Now);

        Assert.All(rows, r => Assert.Equal(40, r.Joined));
        // 40 − 30 = 10 stopped before 4 weeks: the 4-week count is hidden. 40 − 25 and 25 − 12 are 11 or more.
        Assert.Equal([null, 25, 12], rows.Select(r => r.StillAttending));
        Assert.Equal([null, 25.0 / 40, 12.0 / 40], rows.Select(r => r.Share));
    }

    [Fact]
    public void FewerThanElevenJoined_HidesEveryRow()
    {
        var joined = Now.AddDays(-7 * 20);
        var rows = ProgramDashboard.Retention(From, Enumerable.Repeat((joined, (DateTime?)Now), 10), Now);

        Assert.All(rows, r => Assert.Equal((null, null, null), (r.Joined, r.StillAttending, r.Share)));
    }
}
