using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Safety.Cases;

namespace PeerCircle.UnitTests.Features.Safety;

/// <summary>Due times: urgent in hours, priority and routine in business days of the program's time zone.</summary>
public class CaseDueTimeTests
{
    private static readonly CaseOptions Defaults = new();

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Urgent_IsDueInAnHour() =>
        Assert.Equal(Utc(12, 5, 16), Defaults.DueAt(CasePriority.Urgent, Utc(12, 5, 15)));

    [Theory]
    // Wednesday 10:00 New York → Thursday 10:00.
    [InlineData(12, 2, 15, 12, 3, 15)]
    // Friday 10:00 → Monday 10:00.
    [InlineData(12, 4, 15, 12, 7, 15)]
    // Saturday 10:00 → Monday 10:00.
    [InlineData(12, 5, 15, 12, 7, 15)]
    // Friday 22:00 New York is Saturday 03:00 UTC: counted from Friday in New York → Monday 22:00.
    [InlineData(12, 5, 3, 12, 8, 3)]
    public void Priority_IsDueOneBusinessDayLater(int month, int day, int hour, int dueMonth, int dueDay, int dueHour) =>
        Assert.Equal(Utc(dueMonth, dueDay, dueHour), Defaults.DueAt(CasePriority.Priority, Utc(month, day, hour)));

    [Fact]
    public void Routine_IsDueThreeBusinessDaysLater_SkippingTheWeekend() =>
        // Thursday 10:00 → Tuesday 10:00 (Fri, Mon, Tue).
        Assert.Equal(Utc(12, 8, 15), Defaults.DueAt(CasePriority.Routine, Utc(12, 3, 15)));

    [Fact]
    public void BusinessDays_KeepTheLocalTimeAcrossTheClockChange() =>
        // Friday 6 March 2026 10:00 EST (15:00 UTC) → Monday 9 March 10:00 EDT (14:00 UTC).
        Assert.Equal(new DateTime(2026, 3, 9, 14, 0, 0, DateTimeKind.Utc), Defaults.DueAt(CasePriority.Priority, new DateTime(2026, 3, 6, 15, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public void TheDueTimes_AreConfigurable()
    {
        var options = new CaseOptions { DueHours = { Urgent = 2 }, DueBusinessDays = { Priority = 2, Routine = 5 }, TimeZone = "America/Los_Angeles" };
        Assert.Equal(Utc(12, 2, 17), options.DueAt(CasePriority.Urgent, Utc(12, 2, 15)));
        Assert.Equal(Utc(12, 4, 18), options.DueAt(CasePriority.Priority, Utc(12, 2, 18)));
        Assert.Equal(Utc(12, 9, 18), options.DueAt(CasePriority.Routine, Utc(12, 2, 18)));
    }

    [Fact]
    public void Urgency_OnlyGoesUp()
    {
        Assert.True(CaseOptions.MoreUrgent(CasePriority.Urgent, CasePriority.Routine));
        Assert.True(CaseOptions.MoreUrgent(CasePriority.Priority, CasePriority.Routine));
        Assert.False(CaseOptions.MoreUrgent(CasePriority.Routine, CasePriority.Priority));
        Assert.False(CaseOptions.MoreUrgent(CasePriority.Urgent, CasePriority.Urgent));
    }

    [Fact]
    public void FailedEmails_WaitLongerEachTime_ButNeverMoreThanAnHour()
    {
        var created = Utc(12, 2, 15);
        Assert.Equal(created, CaseSweep.NextTryAt(created, 0));
        Assert.Equal(created.AddMinutes(1), CaseSweep.NextTryAt(created, 1));
        Assert.Equal(created.AddMinutes(3), CaseSweep.NextTryAt(created, 2));
        Assert.Equal(created.AddMinutes(7), CaseSweep.NextTryAt(created, 3));
        Assert.Equal(TimeSpan.FromHours(1), CaseSweep.NextTryAt(created, 12) - CaseSweep.NextTryAt(created, 11));
    }
}
