using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;

namespace PeerCircle.Web.Features.Recruitment;

/// <summary>
/// How people find groups and whether they join. Join requests, joined and waitlisted are counted by the day the
/// person asked to join, so each row follows one set of people from asking to joining.
/// </summary>
public sealed record RecruitmentCounts(int PageViews, int JoinRequests, int Joined, int Waitlisted)
{
    public static RecruitmentCounts Zero { get; } = new(0, 0, 0, 0);

    public RecruitmentCounts Plus(RecruitmentCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(PageViews + other.PageViews, JoinRequests + other.JoinRequests, Joined + other.Joined, Waitlisted + other.Waitlisted);
    }
}

/// <summary>One referral source; <see cref="Source"/> is null for people whose link named none.</summary>
public sealed record SourceRow(ReferralSource? Source, RecruitmentCounts Counts);

public sealed record WeekRow(DateOnly Monday, RecruitmentCounts Counts);

public sealed record GroupRow(Guid Id, string Slug, string Name, GroupStatus Status, RecruitmentCounts Counts);

public sealed record HeardAboutUsRow(ReferralSource? Source, int Members);

/// <summary>The report for one group, or for the whole program (which adds the per-group and "heard about us" tables).</summary>
public sealed record RecruitmentData(
    RecruitmentCounts Totals, IReadOnlyList<SourceRow> BySource, IReadOnlyList<WeekRow> ByWeek,
    IReadOnlyList<GroupRow> ByGroup, IReadOnlyList<HeardAboutUsRow> HeardAboutUs);

/// <summary>Builds the coordinators' recruitment report with a handful of GROUP BY queries; no rows about people leave the database.</summary>
public sealed class RecruitmentReport(PeerCircleDb db, TimeProvider time)
{
    public const int Weeks = 12;

    /// <summary>Today's date in UTC, the calendar the report counts in.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <param name="groupId">One group, or null for the whole program.</param>
    /// <param name="from">First day counted (UTC), or null for the beginning.</param>
    /// <param name="to">Last day counted (UTC), or null for today. The weekly table ends with the week of this day.</param>
    public async Task<RecruitmentData> HandleAsync(Guid? groupId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        IQueryable<GroupPageView> views = db.GroupPageViews.AsNoTracking();
        IQueryable<GroupMembership> memberships = db.GroupMemberships.AsNoTracking();
        if (groupId is { } id)
        {
            views = views.Where(v => v.GroupId == id);
            memberships = memberships.Where(m => m.GroupId == id);
        }
        var requests = memberships.Select(m => new JoinRequest
        {
            GroupId = m.GroupId,
            Source = m.ReferralSource,
            AskedAtUtc = m.CreatedAtUtc,
            // Left and Paused rows were accepted first; the model keeps no history, so a request withdrawn before a
            // decision that was recorded as Left is counted as joined too.
            Joined = m.Status == MembershipStatus.Accepted || m.Status == MembershipStatus.Left || m.Status == MembershipStatus.Paused,
            Waitlisted = m.WaitlistedAtUtc != null || m.Status == MembershipStatus.Waitlisted || m.Status == MembershipStatus.Offered,
        });

        var end = to ?? Today;
        var rangedViews = views;
        var rangedRequests = requests;
        if (from is { } first)
        {
            var startUtc = StartOf(first);
            rangedViews = rangedViews.Where(v => v.ViewedAtUtc >= startUtc);
            rangedRequests = rangedRequests.Where(r => r.AskedAtUtc >= startUtc);
        }
        var endUtc = StartOf(end.AddDays(1));
        rangedViews = rangedViews.Where(v => v.ViewedAtUtc < endUtc);
        rangedRequests = rangedRequests.Where(r => r.AskedAtUtc < endUtc);

        var viewsBySource = await CountViewsAsync(rangedViews, v => v.Source, cancellationToken);
        var requestsBySource = await TallyAsync(rangedRequests, r => r.Source, cancellationToken);
        var bySource = ReferralSources.All.Select(s => (ReferralSource?)s).Append(null)
            .Select(source => new SourceRow(source, Combine(
                viewsBySource.Where(v => v.Key == source).Sum(v => v.Count),
                requestsBySource.FirstOrDefault(r => r.Key == source))))
            .ToList();
        var totals = bySource.Aggregate(RecruitmentCounts.Zero, (sum, row) => sum.Plus(row.Counts));

        var byWeek = await WeeksAsync(views, requests, end, cancellationToken);

        List<GroupRow> byGroup = [];
        List<HeardAboutUsRow> heard = [];
        if (groupId is null)
        {
            var viewsByGroup = await CountViewsAsync(rangedViews, v => v.GroupId, cancellationToken);
            var requestsByGroup = await TallyAsync(rangedRequests, r => r.GroupId, cancellationToken);
            var groups = await db.Groups.AsNoTracking()
                .OrderBy(g => g.Name)
                .Select(g => new { g.Id, g.Slug, g.Name, g.Status })
                .ToListAsync(cancellationToken);
            byGroup = [.. groups.Select(g => new GroupRow(g.Id, g.Slug, g.Name, g.Status, Combine(
                viewsByGroup.Where(v => v.Key == g.Id).Sum(v => v.Count),
                requestsByGroup.FirstOrDefault(r => r.Key == g.Id))))];

            var answers = await db.MemberProfiles.AsNoTracking()
                .GroupBy(p => p.HeardAboutUs)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            heard = [.. ReferralSources.All.Select(s => (ReferralSource?)s).Append(null)
                .Select(source => new HeardAboutUsRow(source, answers.Where(a => a.Key == source).Sum(a => a.Count)))];
        }
        return new RecruitmentData(totals, bySource, byWeek, byGroup, heard);
    }

    /// <summary>The Monday that starts the week holding <paramref name="day"/>.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private async Task<IReadOnlyList<WeekRow>> WeeksAsync(
        IQueryable<GroupPageView> views, IQueryable<JoinRequest> requests, DateOnly end, CancellationToken cancellationToken)
    {
        var firstMonday = MondayOf(end).AddDays(-7 * (Weeks - 1));
        var startUtc = StartOf(firstMonday);
        var endUtc = StartOf(end.AddDays(1));
        // Counted per day in the database (at most 84 rows each), then added up into weeks here.
        var viewDays = await CountViewsAsync(views.Where(v => v.ViewedAtUtc >= startUtc && v.ViewedAtUtc < endUtc), v => v.ViewedAtUtc.Date, cancellationToken);
        var requestDays = await TallyAsync(requests.Where(r => r.AskedAtUtc >= startUtc && r.AskedAtUtc < endUtc), r => r.AskedAtUtc.Date, cancellationToken);

        int WeekOf(DateTime day) => (DateOnly.FromDateTime(day).DayNumber - firstMonday.DayNumber) / 7;
        return [.. Enumerable.Range(0, Weeks).Select(week => new WeekRow(
            firstMonday.AddDays(7 * week),
            new RecruitmentCounts(
                viewDays.Where(d => WeekOf(d.Key) == week).Sum(d => d.Count),
                requestDays.Where(d => WeekOf(d.Key) == week).Sum(d => d.Requests),
                requestDays.Where(d => WeekOf(d.Key) == week).Sum(d => d.Joined),
                requestDays.Where(d => WeekOf(d.Key) == week).Sum(d => d.Waitlisted))))];
    }

    private static RecruitmentCounts Combine<TKey>(int views, Tally<TKey>? tally) =>
        new(views, tally?.Requests ?? 0, tally?.Joined ?? 0, tally?.Waitlisted ?? 0);

    private static DateTime StartOf(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static async Task<List<ViewCount<TKey>>> CountViewsAsync<TKey>(
        IQueryable<GroupPageView> views, Expression<Func<GroupPageView, TKey>> key, CancellationToken cancellationToken) =>
        await views.GroupBy(key).Select(g => new ViewCount<TKey>(g.Key, g.Count())).ToListAsync(cancellationToken);

    private static async Task<List<Tally<TKey>>> TallyAsync<TKey>(
        IQueryable<JoinRequest> requests, Expression<Func<JoinRequest, TKey>> key, CancellationToken cancellationToken) =>
        await requests.GroupBy(key)
            .Select(g => new Tally<TKey>(g.Key, g.Count(), g.Count(r => r.Joined), g.Count(r => r.Waitlisted)))
            .ToListAsync(cancellationToken);

    private sealed class JoinRequest
    {
        public Guid GroupId { get; init; }
        public ReferralSource? Source { get; init; }
        public DateTime AskedAtUtc { get; init; }
        public bool Joined { get; init; }
        public bool Waitlisted { get; init; }
    }

    private sealed record ViewCount<TKey>(TKey Key, int Count);

    private sealed record Tally<TKey>(TKey Key, int Requests, int Joined, int Waitlisted);
}
