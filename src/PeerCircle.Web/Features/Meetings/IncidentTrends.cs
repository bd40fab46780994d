using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;

namespace PeerCircle.Web.Features.Meetings;

/// <summary>A row of counts, one per month of the report, oldest first, and their total.</summary>
public sealed record MonthlyCounts(IReadOnlyList<int> PerMonth)
{
    public int Total => PerMonth.Sum();
}

public sealed record KindTrend(IncidentKind Kind, MonthlyCounts Counts);

public sealed record StepTrend(EscalationStep Step, MonthlyCounts Counts);

/// <summary>Incidents of one kind in one group, or logged by one facilitator.</summary>
public sealed record NamedKindTrend(string Name, IncidentKind Kind, MonthlyCounts Counts);

public sealed record IncidentTrendData(
    IReadOnlyList<DateOnly> Months, MonthlyCounts Totals, IReadOnlyList<KindTrend> ByKind, IReadOnlyList<NamedKindTrend> ByGroup,
    IReadOnlyList<NamedKindTrend> ByFacilitator, IReadOnlyList<StepTrend> BySteps);

/// <summary>Someone who can be picked in the filters.</summary>
public sealed record TrendChoice(string Id, string Name);

/// <summary>
/// Coordinators' view of incidents in meeting logs over the last <see cref="Months"/> months, counted by the month of
/// the meeting (UTC): by kind, by group, by the facilitator who wrote the log, and how far up the escalation ladder
/// they went. Counts only; no notes and no members' names.
/// </summary>
public sealed class IncidentTrends(PeerCircleDb db, TimeProvider time)
{
    public const int Months = 6;

    public async Task<IReadOnlyList<TrendChoice>> GroupsAsync(CancellationToken cancellationToken) =>
        [.. (await db.Groups.AsNoTracking().OrderBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(cancellationToken))
            .Select(g => new TrendChoice(g.Id.ToString(), g.Name))];

    /// <summary>Facilitators, and anyone else who has written a meeting log (a coordinator stepping in).</summary>
    public async Task<IReadOnlyList<TrendChoice>> FacilitatorsAsync(CancellationToken cancellationToken)
    {
        var facilitatorRole = await db.Roles.Where(r => r.Name == Roles.Facilitator).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var writers = db.MeetingLogs.Select(l => l.WrittenById);
        var people = await db.Users.AsNoTracking()
            .Where(u => writers.Contains(u.Id) || db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == facilitatorRole))
            .Select(u => new { u.Id, u.FullName, u.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. people.Select(p => new TrendChoice(p.Id, NameOf(p.FullName, p.DisplayName))).OrderBy(p => p.Name, StringComparer.CurrentCulture)];
    }

    public async Task<IncidentTrendData> HandleAsync(Guid? groupId, string? facilitatorId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(Months - 1));
        var months = Enumerable.Range(0, Months).Select(first.AddMonths).ToList();
        var sinceUtc = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var incidents = db.MeetingIncidents.AsNoTracking().Where(i => i.MeetingLog!.OccurrenceStartUtc >= sinceUtc);
        if (groupId is { } g)
        {
            incidents = incidents.Where(i => i.MeetingLog!.GroupId == g);
        }
        if (facilitatorId is not null)
        {
            incidents = incidents.Where(i => i.MeetingLog!.WrittenById == facilitatorId);
        }
        var counted = await incidents
            .GroupBy(i => new
            {
                i.MeetingLog!.GroupId, i.MeetingLog.WrittenById, i.Kind, i.Step,
                i.MeetingLog.OccurrenceStartUtc.Year, i.MeetingLog.OccurrenceStartUtc.Month,
            })
            .Select(x => new Counted(x.Key.GroupId, x.Key.WrittenById, x.Key.Kind, x.Key.Step, x.Key.Year, x.Key.Month, x.Count()))
            .ToListAsync(cancellationToken);

        var groupIds = counted.Select(c => c.GroupId).Distinct().ToList();
        var groupNames = await db.Groups.AsNoTracking().Where(x => groupIds.Contains(x.Id))
            .ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        var writerIds = counted.Select(c => c.WriterId).Distinct().ToList();
        var writerNames = (await db.Users.AsNoTracking().Where(u => writerIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName, u.DisplayName })
            .ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => NameOf(u.FullName, u.DisplayName));

        MonthlyCounts Count(IEnumerable<Counted> rows)
        {
            var list = rows.ToList();
            return new([.. months.Select(m => list.Where(c => c.Year == m.Year && c.Month == m.Month).Sum(c => c.Count))]);
        }
        IReadOnlyList<NamedKindTrend> ByName(Func<Counted, string> name) =>
            [.. counted.GroupBy(c => (Name: name(c), c.Kind))
                .Select(x => new NamedKindTrend(x.Key.Name, x.Key.Kind, Count(x)))
                .OrderBy(x => x.Name, StringComparer.CurrentCulture).ThenBy(x => x.Kind)];

        return new IncidentTrendData(
            months,
            Count(counted),
            [.. Enum.GetValues<IncidentKind>().Select(k => new KindTrend(k, Count(counted.Where(c => c.Kind == k))))],
            ByName(c => groupNames.GetValueOrDefault(c.GroupId, "?")),
            ByName(c => writerNames.GetValueOrDefault(c.WriterId, "?")),
            [.. Enum.GetValues<EscalationStep>().Select(s => new StepTrend(s, Count(counted.Where(c => c.Step == s))))]);
    }

    private static string NameOf(string fullName, string displayName) => fullName.Length > 0 ? fullName : displayName;

    private sealed record Counted(Guid GroupId, string WriterId, IncidentKind Kind, EscalationStep Step, int Year, int Month, int Count);
}
