using PeerCircle.Data.Safety;

namespace PeerCircle.Web.Features.Safety.Cases;

/// <summary>How soon a clinician must follow up a case (section <c>Safety</c>).</summary>
public sealed class CaseOptions
{
    public DueHoursOptions DueHours { get; set; } = new();
    public DueBusinessDaysOptions DueBusinessDays { get; set; } = new();

    /// <summary>The program's time zone: business days are counted in it (Saturday and Sunday are skipped).</summary>
    public string TimeZone { get; set; } = "America/New_York";

    /// <summary>Whether the minute-by-minute alert sender and overdue sweep run in the background.</summary>
    public bool BackgroundSweep { get; set; } = true;

    public sealed class DueHoursOptions
    {
        public double Urgent { get; set; } = 1;
    }

    public sealed class DueBusinessDaysOptions
    {
        public int Priority { get; set; } = 1;
        public int Routine { get; set; } = 3;
    }

    /// <summary>When a case of this priority opened (or alerted) at <paramref name="fromUtc"/> is due.</summary>
    public DateTime DueAt(CasePriority priority, DateTime fromUtc) => priority switch
    {
        CasePriority.Urgent => fromUtc.AddHours(DueHours.Urgent),
        CasePriority.Priority => AddBusinessDays(fromUtc, DueBusinessDays.Priority),
        _ => AddBusinessDays(fromUtc, DueBusinessDays.Routine),
    };

    /// <summary>The same local time of day, <paramref name="days"/> weekdays later in the program's time zone.</summary>
    public DateTime AddBusinessDays(DateTime fromUtc, int days)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), zone);
        var counted = 0;
        while (counted < days)
        {
            local = local.AddDays(1);
            if (local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A local time the clocks skip (spring forward) is read an hour later.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>True when <paramref name="candidate"/> is more urgent than <paramref name="current"/>.</summary>
    public static bool MoreUrgent(CasePriority candidate, CasePriority current) => (int)candidate < (int)current;
}
