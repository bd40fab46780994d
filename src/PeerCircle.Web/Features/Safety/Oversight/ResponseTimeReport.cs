using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Safety;

namespace PeerCircle.Web.Features.Safety.Oversight;

/// <summary>One month and priority of the response-time report.</summary>
/// <param name="Cases">Cases opened that month with that priority.</param>
/// <param name="AcknowledgedOnTime">Share (0–1) of the cases that could be judged that were acknowledged by their due time; null when none could be judged yet.</param>
/// <param name="ResolvedOnTime">Share (0–1) of the cases that could be judged that were resolved within their resolution time; null when none could be judged yet.</param>
/// <param name="MedianToAcknowledge">Median time from opening to acknowledgement, over acknowledged cases.</param>
public sealed record ResponseTimeRow(
    CasePriority Priority, int Cases, int AcknowledgeJudged, double? AcknowledgedOnTime, int ResolveJudged, double? ResolvedOnTime,
    TimeSpan? MedianToAcknowledge);

public sealed record ResponseTimeMonth(int Year, int Month, IReadOnlyList<ResponseTimeRow> Rows);

/// <summary>
/// How quickly escalation cases were acknowledged and resolved, by month opened (in the program's time zone) and by
/// priority, for the current month and the 11 before it.
/// </summary>
/// <remarks>
/// <para>Acknowledged on time: acknowledged at or before the case's due time.</para>
/// <para>Resolved on time: resolved at or before the due time plus the same interval again (opened 9:00, due 10:00 →
/// resolved by 11:00), since a clinician first has to reach the member.</para>
/// <para>A case still open whose time has not come yet is not judged, so a case opened a minute ago does not count
/// as late. Only five columns of the last 12 months of cases are read; the date arithmetic happens in memory, which
/// works the same on SQLite and PostgreSQL.</para>
/// </remarks>
public sealed class ResponseTimeReport(PeerCircleDb db, ProgramTime programTime, TimeProvider time)
{
    public const int Months = 12;

    public async Task<IReadOnlyList<ResponseTimeMonth>> BuildAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var thisMonth = programTime.ToLocal(now);
        var firstMonth = new DateTime(thisMonth.Year, thisMonth.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-(Months - 1));
        var fromUtc = programTime.MonthStartUtc(programTime.ToUtc(firstMonth.AddDays(1).AddHours(12)));

        var cases = await db.EscalationCases.AsNoTracking()
            .Where(c => c.OpenedAtUtc >= fromUtc)
            .Select(c => new { c.Priority, c.OpenedAtUtc, c.DueAtUtc, c.AcknowledgedAtUtc, c.ResolvedAtUtc })
            .ToListAsync(cancellationToken);

        var byMonth = cases.ToLookup(c =>
        {
            var local = programTime.ToLocal(c.OpenedAtUtc);
            return (local.Year, local.Month);
        });
        var months = new List<ResponseTimeMonth>();
        for (var i = 0; i < Months; i++)
        {
            var month = firstMonth.AddMonths(Months - 1 - i);
            var inMonth = byMonth[(month.Year, month.Month)].ToList();
            var rows = Enum.GetValues<CasePriority>().Select(priority =>
            {
                var these = inMonth.Where(c => c.Priority == priority).ToList();
                var ackJudged = these.Where(c => c.AcknowledgedAtUtc is not null || c.DueAtUtc <= now).ToList();
                var ackOnTime = ackJudged.Count(c => c.AcknowledgedAtUtc is { } at && at <= c.DueAtUtc);
                var resolveJudged = these.Where(c => c.ResolvedAtUtc is not null || ResolveBy(c.OpenedAtUtc, c.DueAtUtc) <= now).ToList();
                var resolvedOnTime = resolveJudged.Count(c => c.ResolvedAtUtc is { } at && at <= ResolveBy(c.OpenedAtUtc, c.DueAtUtc));
                var waits = these.Where(c => c.AcknowledgedAtUtc is not null).Select(c => c.AcknowledgedAtUtc!.Value - c.OpenedAtUtc).ToList();
                return new ResponseTimeRow(priority, these.Count,
                    ackJudged.Count, ackJudged.Count == 0 ? null : (double)ackOnTime / ackJudged.Count,
                    resolveJudged.Count, resolveJudged.Count == 0 ? null : (double)resolvedOnTime / resolveJudged.Count,
                    Median(waits));
            }).ToList();
            months.Add(new ResponseTimeMonth(month.Year, month.Month, rows));
        }
        return months;
    }

    /// <summary>When a case should be resolved: its due time plus the time it was given to be acknowledged.</summary>
    public static DateTime ResolveBy(DateTime openedAtUtc, DateTime dueAtUtc) => dueAtUtc + (dueAtUtc - openedAtUtc);

    public static TimeSpan? Median(List<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : TimeSpan.FromTicks((values[middle - 1].Ticks + values[middle].Ticks) / 2);
    }

    /// <summary>"45 min", "3 h 5 min", "2 d 4 h".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }
        if (span.TotalHours < 1)
        {
            return $"{(int)Math.Round(span.TotalMinutes)} min";
        }
        if (span.TotalDays < 1)
        {
            return span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min";
        }
        return span.Hours == 0 ? $"{span.Days} d" : $"{span.Days} d {span.Hours} h";
    }
}
