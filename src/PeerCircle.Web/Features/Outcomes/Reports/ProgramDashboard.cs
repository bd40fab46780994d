using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Outcomes;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Features.Safety.Oversight;
using PeerCircle.Web.Features.Training;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>A labelled count after suppression. <see cref="Label"/> is the English text (shown through the localizer).</summary>
public sealed record CountRow(string Label, int? Count);

/// <summary>Counts that may or may not add up to a shown total (people in several groups count once in each).</summary>
public sealed record CountTable(IReadOnlyList<CountRow> Rows, int? Total, bool HasTotal);

public sealed record MonthMedian(int Year, int Month, int? People, double? MedianDays);

public sealed record RetentionRow(int Weeks, int? Joined, int? StillAttending, double? Share);

public sealed record AttendanceMonth(int Year, int Month, int? People, int? Attendances);

public sealed record SafetyRow(CasePriority Priority, int? Cases, double? AcknowledgedOnTime, double? ResolvedOnTime);

public sealed record ReferralSummary(int? MembersReferred, int? MembersConnected, int? Referrals, int? ReferralsConnected);

public sealed record WellbeingMonth(int Year, int Month, int? Facilitators, int? CheckIns, double? MeanEnergy, double? MeanStress);

public sealed record FeedbackMonth(int Year, int Month, int? Members, int? Responses, double? Helpful, double? FeltHeard, double? FeltSafe);

/// <summary>
/// Everything the program dashboard and its CSV export show, every number already suppressed, and when it was computed
/// (it is shown again for the same filters for <see cref="ProgramDashboard.ComputedFor"/>).
/// </summary>
public sealed record DashboardData(
    ReportFilter Filter,
    int? PeopleServed,
    CountTable ByRole,
    CountTable ByCancerType,
    CountTable ByModality,
    CountTable ByLanguage,
    CountTable ByDistance,
    IReadOnlyList<MonthMedian> TimeToFirstMeeting,
    IReadOnlyList<RetentionRow> Retention,
    IReadOnlyList<AttendanceMonth> Attendance,
    CountTable FacilitatorPipeline,
    IReadOnlyList<SafetyRow> Safety,
    int? SafetyCases,
    ReferralSummary Referrals,
    IReadOnlyList<BenefitRow> Benefits,
    IReadOnlyList<WellbeingMonth> Wellbeing,
    IReadOnlyList<FeedbackMonth> Feedback,
    DateTime ComputedAtUtc);

/// <summary>
/// Reads the program dashboard: people served (by role, cancer type, modality, language, distance band), time from
/// sign-up to first meeting, retention and attendance, the facilitator pipeline, safety response times, referrals,
/// the benefit analysis, and the facilitator-side measures. Every query projects only the columns it needs; every
/// number goes through <see cref="SmallCells"/> before it leaves this class.
/// </summary>
public sealed class ProgramDashboard(
    PeerCircleDb db, BenefitAnalysis benefits, OutcomeScales scales, CurriculumLibrary curriculum,
    ZipGazetteer gazetteer, ProgramTime programTime, TimeProvider time, DashboardCache figures, MonthlyCounts monthlyCounts,
    IServiceScopeFactory scopes)
{
    /// <summary>
    /// How long computed figures are shown again for the same filters. Computing them reads a year of survey scores,
    /// attendance and memberships (about a second at 50,000 members); the figures are for planning, not for the minute.
    /// The default view is computed again in the background before this runs out (<see cref="DashboardRefreshService"/>).
    /// </summary>
    public static readonly TimeSpan ComputedFor = TimeSpan.FromMinutes(5);

    public static readonly int[] RetentionWeeks = [4, 8, 12];
    public const int ExpiringWithinDays = 60;

    private const string PipelineKey = "outcomes-dashboard-pipeline";

    private static readonly MembershipStatus[] Served = [MembershipStatus.Accepted, MembershipStatus.Paused, MembershipStatus.Left];
    /// <summary>Groups that meet without a place: the "Online or phone" distance band, in SQL and in <see cref="DistanceBand"/>.</summary>
    private static readonly Modality[] Remote = [Modality.Video, Modality.Phone, Modality.OnlineText];

    /// <summary>The dashboard for these filters: the same filters' figures from the last <see cref="ComputedFor"/>, or computed.</summary>
    public async Task<DashboardData> BuildAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var data = await figures.GetAsync(KeyOf(filter), (dashboard, stopping) => dashboard.ComputeAsync(filter, stopping), cancellationToken);
        return data with { Filter = filter };
    }

    /// <summary>Computes the default view (the last 12 months, all groups) again and keeps it.</summary>
    public async Task RefreshDefaultAsync(CancellationToken cancellationToken)
    {
        var filter = ReportFilter.Parse(null, null, null, time.GetUtcNow().UtcDateTime);
        // The pipeline first, so the view's "figures as of" is this refresh's time, not one from minutes before.
        await figures.RefreshAsync(PipelineKey, (dashboard, stopping) => dashboard.PipelineAsync(stopping), cancellationToken, waitsTurn: false);
        await figures.RefreshAsync(KeyOf(filter), (dashboard, stopping) => dashboard.ComputeAsync(filter, stopping), cancellationToken);
    }

    private static string KeyOf(ReportFilter filter) => "outcomes-dashboard:" + filter.QueryString;

    /// <summary>Every figure for these filters, computed now from the database.</summary>
    public async Task<DashboardData> ComputeAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = time.GetUtcNow().UtcDateTime;
        // Four lanes, each in its own scope (its own connection), so the database works on one while the app adds up
        // another: the benefit analysis; attendance, time to first meeting and retention; distance bands; and the rest.
        // The facilitator pipeline does not depend on the filters, so it is kept on its own and shared by every filter;
        // when it has to be computed, that too runs beside the rest.
        var benefitsTask = InOwnScopeAsync(d => d.BenefitsAsync(filter, cancellationToken));
        var attendanceTask = InOwnScopeAsync(d => d.AttendanceFiguresAsync(filter, now, cancellationToken));
        var distanceTask = InOwnScopeAsync(d => d.ByDistanceAsync(d.ServedMemberships(filter), filter.GroupId, cancellationToken));
        // Without a turn of its own: this computation holds one, and the pipeline must not wait behind it.
        var pipelineTask = figures.GetAsync(PipelineKey, (d, stopping) => d.PipelineAsync(stopping), cancellationToken, waitsTurn: false);
        try
        {
            var served = ServedMemberships(filter);
            var people = await PeopleServedAsync(served, cancellationToken);
            var (safety, safetyTotal) = await SafetyAsync(filter, served, now, cancellationToken);
            var referrals = await ReferralsAsync(filter, served, cancellationToken);
            var wellbeing = await WellbeingAsync(filter, cancellationToken);
            var feedback = await FeedbackAsync(filter, cancellationToken);
            var attendance = await attendanceTask;
            var pipeline = await pipelineTask;
            return new DashboardData(
                filter, people.ByRole.Total, people.ByRole, people.ByCancerType, people.ByModality, people.ByLanguage, await distanceTask,
                attendance.TimeToFirstMeeting, attendance.Retention, attendance.Attendance, pipeline.Counts, safety, safetyTotal, referrals,
                await benefitsTask, wellbeing, feedback,
                // The pipeline may have been kept from a few minutes earlier: the figures are as old as their oldest part.
                pipeline.ComputedAtUtc < now ? pipeline.ComputedAtUtc : now);
        }
        catch
        {
            // Never leave the side parts running (and holding connections) after this request has failed: wait for
            // them; their own errors, if any, matter less than the one being passed on.
            await Task.WhenAll(benefitsTask, attendanceTask, distanceTask, pipelineTask).ContinueWith(
                _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    private sealed record AttendanceFigures(
        IReadOnlyList<AttendanceMonth> Attendance, IReadOnlyList<MonthMedian> TimeToFirstMeeting, IReadOnlyList<RetentionRow> Retention);

    private async Task<AttendanceFigures> AttendanceFiguresAsync(ReportFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        var attendance = await AttendanceAsync(filter, cancellationToken);
        var timelines = await TimelinesAsync(filter, cancellationToken);
        return new AttendanceFigures(attendance, TimeToFirstMeeting(filter, timelines), Retention(filter.FromUtc, timelines.Select(t => (t.JoinedUtc, t.LastMeetingUtc)), now));
    }

    private async Task<T> InOwnScopeAsync<T>(Func<ProgramDashboard, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ProgramDashboard>());
    }

    private sealed record PeopleServed(CountTable ByRole, CountTable ByCancerType, CountTable ByModality, CountTable ByLanguage);

    /// <summary>
    /// People served by role, cancer type, modality and language, each person once per row, all counted by the database
    /// (distance bands are <see cref="ByDistanceAsync"/>, in a lane of their own).
    /// </summary>
    private async Task<PeopleServed> PeopleServedAsync(IQueryable<GroupMembership> served, CancellationToken cancellationToken)
    {
        var people = await served.Select(m => m.UserId).Distinct().CountAsync(cancellationToken);

        // The profiles of the people served, counted in one pass by the database: each role, each cancer type, each
        // language, and those giving any cancer type. (Reading the profiles' lists into the app cost more than all the
        // rest of the dashboard at 50,000 members.)
        var roles = Enum.GetValues<Data.Members.JourneyRole>();
        var cancerTypes = Enum.GetValues<CancerType>();
        var languages = GroupLanguages.Names.Keys.Order(StringComparer.Ordinal).ToList();
        var conditions = new List<Expression<Func<Data.Members.MemberProfile, bool>>>();
        conditions.AddRange(roles.Select(role => (Expression<Func<Data.Members.MemberProfile, bool>>)(p => p.JourneyRole == role)));
        conditions.AddRange(cancerTypes.Select(type => (Expression<Func<Data.Members.MemberProfile, bool>>)(p => p.CancerTypes.Contains(type))));
        conditions.Add(p => p.CancerTypes.Count > 0);
        conditions.AddRange(languages.Select(code => (Expression<Func<Data.Members.MemberProfile, bool>>)(p => p.Languages.Contains(code))));
        var counts = await CountWhereAsync(db.MemberProfiles.Where(p => served.Any(m => m.UserId == p.UserId)), conditions, cancellationToken);
        var roleCounts = counts[..roles.Length];
        var cancerCounts = counts[roles.Length..(roles.Length + cancerTypes.Length)];
        var withCancerType = counts[roles.Length + cancerTypes.Length];
        var languageCounts = counts[(roles.Length + cancerTypes.Length + 1)..];

        // Role: one per person, so the rows add up to the people served (shown), with complementary suppression.
        var byRole = Additive([
            ("Patients and survivors", roleCounts[Array.IndexOf(roles, Data.Members.JourneyRole.PatientOrSurvivor)]),
            ("Caregivers", roleCounts[Array.IndexOf(roles, Data.Members.JourneyRole.Caregiver)]),
            ("Bereaved relatives", roleCounts[Array.IndexOf(roles, Data.Members.JourneyRole.BereavedRelative)]),
            ("Not given", people - roleCounts.Sum()),
        ]);
        var byCancer = Overlapping([.. cancerTypes.Select((type, i) => (GroupLabels.Of(type), cancerCounts[i])).Append(("Not given", people - withCancerType))]);
        var modalities = await served.Select(m => new { m.UserId, m.Group!.Modality }).Distinct()
            .GroupBy(x => x.Modality)
            .Select(g => new { Modality = g.Key, People = g.Count() })
            .ToDictionaryAsync(m => m.Modality, m => m.People, cancellationToken);
        var byModality = Overlapping([.. Enum.GetValues<Modality>().Select(m => (GroupLabels.Of(m), modalities.GetValueOrDefault(m)))]);

        // Only the languages someone speaks are listed.
        // Every language the program knows is listed, spoken or not: leaving out the ones no one speaks would tell that a
        // "hidden" row has at least one speaker.
        var byLanguage = Overlapping([.. languages.Select((code, i) => (GroupLanguages.NameOf(code), languageCounts[i]))]);

        return new PeopleServed(byRole, byCancer, byModality, byLanguage);
    }

    /// <summary>How many rows meet each condition, counted by the database in one pass (COUNT … FILTER / CASE).</summary>
    private static async Task<int[]> CountWhereAsync<T>(IQueryable<T> rows, IReadOnlyList<Expression<Func<T, bool>>> conditions, CancellationToken cancellationToken)
    {
        var group = Expression.Parameter(typeof(IGrouping<int, T>), "g");
        var count = typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Count) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(T));
        var counts = Expression.NewArrayInit(typeof(int), conditions.Select(c => Expression.Call(count, group, c)));
        var selector = Expression.Lambda<Func<IGrouping<int, T>, int[]>>(counts, group);
        return await rows.GroupBy(_ => 1).Select(selector).SingleOrDefaultAsync(cancellationToken) ?? new int[conditions.Count];
    }

    /// <summary>People by distance band: online and phone from the database; in person from the member's ZIP to the group.</summary>
    private async Task<CountTable> ByDistanceAsync(IQueryable<GroupMembership> served, Guid? groupId, CancellationToken cancellationToken)
    {
        var remote = await served.Where(m => Remote.Contains(m.Group!.Modality)).Select(m => m.UserId).Distinct().CountAsync(cancellationToken);
        var inPerson = await (
            from m in served.Where(m => !Remote.Contains(m.Group!.Modality))
            join p in db.MemberProfiles on m.UserId equals p.UserId into profile
            from p in profile.DefaultIfEmpty()
            select new { m.UserId, MemberZip = p == null ? null : p.PostalCode, m.Group!.Place.Latitude, m.Group.Place.Longitude, GroupZip = m.Group.Place.PostalCode })
            .ToListAsync(cancellationToken);
        var bands = DistanceBands.ToDictionary(b => b, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        // Many members share a ZIP and a meeting place: each pair's band is worked out once.
        var known = new Dictionary<(string?, double?, double?, string?), string>();
        foreach (var m in inPerson)
        {
            var pair = (m.MemberZip, m.Latitude, m.Longitude, m.GroupZip);
            if (!known.TryGetValue(pair, out var band))
            {
                known[pair] = band = DistanceBand(Modality.InPerson, m.MemberZip, m.Latitude, m.Longitude, m.GroupZip);
            }
            bands[band].Add(m.UserId);
        }
        List<(string, int)> rows = [.. DistanceBands.Select(b => (b, b == DistanceBands[4] ? remote : bands[b].Count))];
        // For one group, each person is in one band and the bands add up to the people served, shown beside them: the
        // bands are suppressed as a breakdown with its total. Across groups one person can be in several bands.
        return groupId is null ? Overlapping(rows) : Additive(rows);
    }

    private async Task<IReadOnlyList<BenefitRow>> BenefitsAsync(ReportFilter filter, CancellationToken cancellationToken) =>
        await benefits.BuildAsync(filter, await scales.InstrumentsAsync(cancellationToken), cancellationToken);

    /// <summary>Memberships of people taking part during the range (joined before its end, not gone before its start).</summary>
    private IQueryable<GroupMembership> ServedMemberships(ReportFilter filter)
    {
        var from = filter.FromUtc;
        var to = filter.ToUtc;
        var query = db.GroupMemberships.AsNoTracking()
            .Where(m => Served.Contains(m.Status) && m.CreatedAtUtc < to
                && (m.Status != MembershipStatus.Left || m.StatusChangedAtUtc == null || m.StatusChangedAtUtc >= from));
        return filter.GroupId is { } groupId ? query.Where(m => m.GroupId == groupId) : query;
    }

    public static readonly IReadOnlyList<string> DistanceBands =
        ["0–10 miles", "10–30 miles", "30–60 miles", "60 miles or more", "Online or phone", "Distance not known"];

    /// <summary>The distance band of one membership: online and phone groups have none; otherwise member ZIP to group place.</summary>
    public string DistanceBand(Modality modality, string? memberZip, double? latitude, double? longitude, string? groupZip)
    {
        if (Remote.Contains(modality))
        {
            return DistanceBands[4];
        }
        if (memberZip is null || !gazetteer.TryFind(memberZip, out var home))
        {
            return DistanceBands[5];
        }
        GeoPoint place;
        if (latitude is { } lat && longitude is { } lon)
        {
            place = new GeoPoint(lat, lon);
        }
        else if (groupZip is null || !gazetteer.TryFind(groupZip, out place))
        {
            return DistanceBands[5];
        }
        var miles = Distance.Miles(home, place);
        return miles switch
        {
            < 10 => DistanceBands[0],
            < 30 => DistanceBands[1],
            < 60 => DistanceBands[2],
            _ => DistanceBands[3],
        };
    }

    /// <summary>
    /// When each person served signed up, first joined a group, and first and last came to a meeting: one query for
    /// time to first meeting and retention, returning only the times (not who), for those who signed up or first
    /// joined in the range.
    /// </summary>
    private async Task<List<MemberTimeline>> TimelinesAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var start = filter.FromUtc;
        var end = filter.ToUtc;
        var joined = ServedMemberships(filter).GroupBy(m => m.UserId).Select(g => new { UserId = g.Key, Joined = g.Min(m => m.CreatedAtUtc) });
        var attended = db.MeetingAttendances
            .Where(a => a.UserId != null && MonthlyCounts.Attended.Contains(a.Status))
            .GroupBy(a => a.UserId!)
            .Select(g => new { UserId = g.Key, First = g.Min(a => a.OccurrenceStartUtc), Last = g.Max(a => a.OccurrenceStartUtc) });
        return await (
            from j in joined
            join u in db.Users on j.UserId equals u.Id
            where j.Joined >= start || (u.CreatedAtUtc >= start && u.CreatedAtUtc < end)
            join a in attended on j.UserId equals a.UserId into meetings
            from a in meetings.DefaultIfEmpty()
            select new MemberTimeline(u.CreatedAtUtc, j.Joined, a == null ? null : a.First, a == null ? null : a.Last))
            .ToListAsync(cancellationToken);
    }

    private sealed record MemberTimeline(DateTime SignedUpUtc, DateTime JoinedUtc, DateTime? FirstMeetingUtc, DateTime? LastMeetingUtc);

    /// <summary>
    /// Median days from sign-up to first meeting, by month of sign-up, for people who signed up in the range. Every month
    /// of the range is listed, empty or not: leaving out the empty ones would tell that a "hidden" month had someone.
    /// </summary>
    private IReadOnlyList<MonthMedian> TimeToFirstMeeting(ReportFilter filter, List<MemberTimeline> timelines)
    {
        var byMonth = timelines
            .Where(t => t.SignedUpUtc >= filter.FromUtc && t.SignedUpUtc < filter.ToUtc && t.FirstMeetingUtc >= t.SignedUpUtc)
            .ToLookup(t => Month(t.SignedUpUtc), t => (t.FirstMeetingUtc!.Value - t.SignedUpUtc).TotalDays);
        return [.. Months(filter).Select(month =>
        {
            var days = byMonth[month].ToList();
            return SmallCells.MayShow(days.Count)
                ? new MonthMedian(month.Year, month.Month, days.Count, Math.Round(BenefitStatistics.Median(days)!.Value, 1))
                : new MonthMedian(month.Year, month.Month, null, null);
        })];
    }

    /// <summary>
    /// Of the people who first joined in the range at least 12 weeks ago (one group of people for every row), how many
    /// still came 4, 8 and 12 weeks later.
    /// </summary>
    /// <remarks>
    /// One group for all rows, so no two rows' "joined" differ by a handful of people; and the counts are a chain (each
    /// holds the next), so each shown count is 11 or more above the next shown one (<see cref="SmallCells.ShowChain"/>):
    /// "stopped between 4 and 8 weeks" is never fewer than 11 by subtraction.
    /// </remarks>
    public static IReadOnlyList<RetentionRow> Retention(DateTime fromUtc, IEnumerable<(DateTime JoinedUtc, DateTime? LastMeetingUtc)> people, DateTime now)
    {
        var longest = RetentionWeeks.Max();
        var cohort = people.Where(p => p.JoinedUtc >= fromUtc && p.JoinedUtc.AddDays(7 * longest) <= now).ToList();
        List<int> chain = [cohort.Count, .. RetentionWeeks.Select(weeks => cohort.Count(p => p.LastMeetingUtc is { } last && last >= p.JoinedUtc.AddDays(7 * weeks)))];
        var shown = SmallCells.ShowChain(chain);
        int? joined = shown[0] ? chain[0] : null;
        return [.. RetentionWeeks.Select((weeks, i) =>
        {
            int? still = shown[i + 1] ? chain[i + 1] : null;
            return new RetentionRow(weeks, joined, still, joined is { } all && still is { } some ? (double)some / all : null);
        })];
    }

    private async Task<IReadOnlyList<AttendanceMonth>> AttendanceAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var months = Months(filter).ToList();
        var counted = await monthlyCounts.AttendanceByMonthAsync(filter.FromUtc, filter.ToUtc, filter.GroupId, months, cancellationToken);
        return [.. months.Select((month, i) =>
        {
            var (people, attendances) = counted.GetValueOrDefault(i);
            return new AttendanceMonth(month.Year, month.Month, SmallCells.Show(people), SmallCells.MayShow(people) ? attendances : null);
        })];
    }

    /// <summary>The facilitator pipeline as it is now, whatever the filters, and when it was worked out.</summary>
    private sealed record PipelineFigures(CountTable Counts, DateTime ComputedAtUtc);

    private async Task<PipelineFigures> PipelineAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var facilitatorRole = db.Roles.Where(r => r.Name == Roles.Facilitator).Select(r => r.Id);
        var facilitators = db.UserRoles.Where(ur => facilitatorRole.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var ids = await facilitators.ToListAsync(cancellationToken);
        // Only the modules the rule looks at: required ones (first pass) and refreshers (latest pass).
        var ruled = curriculum.Modules.Where(m => m.Required || m.Refresher).Select(m => m.Slug).ToList();
        // Everyone's training records in four queries (FacilitatorCertification.StatusAsync asks four per person: 20,000
        // round trips for 5,000 facilitators), put together into the same facts for the same rules.
        var passes = (await db.ModuleAttempts.AsNoTracking()
            .Where(a => a.Passed && ruled.Contains(a.ModuleSlug) && facilitators.Contains(a.UserId))
            .Select(a => new { a.UserId, a.ModuleSlug, a.AttemptedAtUtc })
            .ToListAsync(cancellationToken)).ToLookup(a => a.UserId);
        var ratings = (await db.CompetencyRatings.AsNoTracking()
            .Where(r => facilitators.Contains(r.FacilitatorId) && r.CoordinatorRating != null && r.SignedOffAtUtc != null)
            .Select(r => new { r.FacilitatorId, r.CompetencyKey, Rating = r.CoordinatorRating!.Value, At = r.SignedOffAtUtc!.Value })
            .ToListAsync(cancellationToken)).ToLookup(r => r.FacilitatorId);
        var rolePlays = (await db.RolePlaySignOffs.AsNoTracking()
            .Where(r => facilitators.Contains(r.FacilitatorId))
            .Select(r => new { r.FacilitatorId, r.SignedOffAtUtc })
            .ToListAsync(cancellationToken)).ToLookup(r => r.FacilitatorId, r => r.SignedOffAtUtc);
        var signatures = (await db.PolicySignatures.AsNoTracking()
            .Where(s => facilitators.Contains(s.UserId))
            .Select(s => new { s.UserId, s.PolicySlug, s.PolicyVersion, s.SignedAtUtc })
            .ToListAsync(cancellationToken)).ToLookup(s => s.UserId);
        var currentPolicies = curriculum.Policies.ToDictionary(p => p.Slug, p => p.Version);
        int inTraining = 0, certified = 0, expiring = 0, lapsed = 0;
        foreach (var id in ids)
        {
            var facts = new CertificationFacts(
                passes[id].GroupBy(p => p.ModuleSlug).ToDictionary(g => g.Key, g => (IReadOnlyList<DateTime>)[.. g.Select(p => p.AttemptedAtUtc)]),
                ratings[id].ToDictionary(r => r.CompetencyKey, r => (r.Rating, r.At)),
                [.. rolePlays[id]],
                signatures[id].Where(s => currentPolicies.TryGetValue(s.PolicySlug, out var version) && s.PolicyVersion == version)
                    .GroupBy(s => s.PolicySlug).ToDictionary(g => g.Key, g => g.Max(s => s.SignedAtUtc)));
            var status = CertificationRules.Evaluate(curriculum, facts, now);
            switch (status.State)
            {
                case CertificationState.InTraining:
                    inTraining++;
                    break;
                case CertificationState.Certified:
                    certified++;
                    if (status.ExpiresAtUtc is { } expires && expires <= now.AddDays(ExpiringWithinDays))
                    {
                        expiring++;
                    }
                    break;
                default:
                    lapsed++;
                    break;
            }
        }
        var paused = await db.FacilitationPauses.AsNoTracking()
            .Where(p => p.ResumedAtUtc == null && facilitators.Contains(p.FacilitatorId))
            .Select(p => p.FacilitatorId).Distinct().CountAsync(cancellationToken);
        // Those expiring are some of those certified: "certified" minus "expiring" must not be a handful of people.
        const string Expiring = "Certified, expiring within 60 days";
        var table = Overlapping([
            ("In training", inTraining), ("Certified", certified), (Expiring, expiring), ("Certification lapsed", lapsed), ("Paused", paused),
        ]);
        if (!SmallCells.ShowChain([certified, expiring])[1])
        {
            table = table with { Rows = [.. table.Rows.Select(r => r.Label == Expiring ? r with { Count = null } : r)] };
        }
        return new PipelineFigures(table, now);
    }

    private async Task<(IReadOnlyList<SafetyRow> Rows, int? Total)> SafetyAsync(
        ReportFilter filter, IQueryable<GroupMembership> served, DateTime now, CancellationToken cancellationToken)
    {
        var from = filter.FromUtc;
        var to = filter.ToUtc;
        var query = db.EscalationCases.AsNoTracking().Where(c => c.OpenedAtUtc >= from && c.OpenedAtUtc < to);
        if (filter.GroupId is not null)
        {
            query = query.Where(c => served.Any(m => m.UserId == c.MemberId));
        }
        var cases = await query.Select(c => new { c.Priority, c.OpenedAtUtc, c.DueAtUtc, c.AcknowledgedAtUtc, c.ResolvedAtUtc }).ToListAsync(cancellationToken);
        var priorities = Enum.GetValues<CasePriority>();
        var counts = SmallCells.SuppressList([.. priorities.Select(p => cases.Count(c => c.Priority == p))]);
        var rows = priorities.Select((priority, i) =>
        {
            var these = cases.Where(c => c.Priority == priority).ToList();
            var ackJudged = these.Where(c => c.AcknowledgedAtUtc is not null || c.DueAtUtc <= now).ToList();
            var resolveJudged = these.Where(c => c.ResolvedAtUtc is not null || ResponseTimeReport.ResolveBy(c.OpenedAtUtc, c.DueAtUtc) <= now).ToList();
            var shown = counts.Cell(0, i) is not null;
            // Shares only when the cases that met the time and those that did not are each 11 or more.
            double? ack = shown
                ? SmallCells.Share(ackJudged.Count(c => c.AcknowledgedAtUtc is { } at && at <= c.DueAtUtc), ackJudged.Count) : null;
            double? resolved = shown
                ? SmallCells.Share(resolveJudged.Count(c => c.ResolvedAtUtc is { } at && at <= ResponseTimeReport.ResolveBy(c.OpenedAtUtc, c.DueAtUtc)), resolveJudged.Count)
                : null;
            return new SafetyRow(priority, counts.Cell(0, i), ack, resolved);
        }).ToList();
        return (rows, counts.RowTotal(0));
    }

    private async Task<ReferralSummary> ReferralsAsync(ReportFilter filter, IQueryable<GroupMembership> served, CancellationToken cancellationToken)
    {
        var from = filter.From;
        var to = filter.To;
        var query = db.OutsideReferrals.AsNoTracking().Where(r => r.ReferredOn >= from && r.ReferredOn <= to);
        if (filter.GroupId is not null)
        {
            query = query.Where(r => served.Any(m => m.UserId == r.MemberId));
        }
        var referrals = await query.Select(r => new { r.MemberId, r.Outcome }).ToListAsync(cancellationToken);
        var connected = referrals.Where(r => r.Outcome == ReferralOutcome.Connected).ToList();
        var membersReferred = referrals.Select(r => r.MemberId).Distinct().Count();
        var membersConnected = connected.Select(r => r.MemberId).Distinct().Count();
        // Members referred is shown beside members connected, so the connected are shown only when those not (yet)
        // connected are 11 or more too; otherwise the difference would give a small group away.
        var connectedShown = SmallCells.MayShow(membersConnected) && SmallCells.MayShow(membersReferred - membersConnected);
        return new ReferralSummary(
            SmallCells.Show(membersReferred), connectedShown ? membersConnected : null,
            SmallCells.MayShow(membersReferred) ? referrals.Count : null,
            connectedShown ? connected.Count : null);
    }

    private async Task<IReadOnlyList<WellbeingMonth>> WellbeingAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var from = filter.FromUtc;
        var to = filter.ToUtc;
        var query = db.WellbeingCheckIns.AsNoTracking().Where(w => w.RecordedAtUtc >= from && w.RecordedAtUtc < to);
        if (filter.GroupId is { } groupId)
        {
            query = query.Where(w => db.Groups.Any(g => g.Id == groupId && (g.LeadFacilitatorId == w.FacilitatorId || g.CoFacilitatorId == w.FacilitatorId)));
        }
        var rows = await query.Select(w => new { w.FacilitatorId, w.Energy, w.Stress, w.RecordedAtUtc }).ToListAsync(cancellationToken);
        var byMonth = rows.ToLookup(r => Month(r.RecordedAtUtc));
        return [.. Months(filter).Select(month =>
        {
            var these = byMonth[month].ToList();
            var people = these.Select(r => r.FacilitatorId).Distinct().Count();
            var safe = SmallCells.MayShow(people);
            return new WellbeingMonth(month.Year, month.Month, SmallCells.Show(people), safe ? these.Count : null,
                safe ? Math.Round(these.Average(r => r.Energy), 1) : null, safe ? Math.Round(these.Average(r => r.Stress), 1) : null);
        })];
    }

    private async Task<IReadOnlyList<FeedbackMonth>> FeedbackAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var from = filter.FromUtc;
        var to = filter.ToUtc;
        var query = db.MeetingFeedback.AsNoTracking().Where(f => f.SubmittedAtUtc >= from && f.SubmittedAtUtc < to);
        if (filter.GroupId is { } groupId)
        {
            query = query.Where(f => f.GroupId == groupId);
        }
        var rows = await query.Select(f => new FeedbackRow(f.UserId, f.Helpful, f.FeltHeard, f.FeltSafe, f.SubmittedAtUtc)).ToListAsync(cancellationToken);
        var byMonth = rows.ToLookup(r => Month(r.SubmittedAtUtc));
        return [.. Months(filter).Select(month =>
        {
            var these = byMonth[month].ToList();
            var people = these.Select(r => r.UserId).Distinct().Count();
            var safe = SmallCells.MayShow(people);
            return new FeedbackMonth(month.Year, month.Month, SmallCells.Show(people), safe ? these.Count : null,
                safe ? ShareYes(these, r => r.Helpful) : null,
                safe ? ShareYes(these, r => r.FeltHeard) : null,
                safe ? ShareYes(these, r => r.FeltSafe) : null);
        })];
    }

    private sealed record FeedbackRow(string UserId, FeedbackAnswer? Helpful, FeedbackAnswer? FeltHeard, FeedbackAnswer? FeltSafe, DateTime SubmittedAtUtc);

    /// <summary>
    /// Share of "yes" among the answers to one question; null unless the people who said yes and the people who
    /// answered otherwise are each 11 or more.
    /// </summary>
    private static double? ShareYes(List<FeedbackRow> rows, Func<FeedbackRow, FeedbackAnswer?> question)
    {
        var answered = rows.Where(r => question(r) is not null).ToList();
        var yes = answered.Where(r => question(r) == FeedbackAnswer.Yes).ToList();
        var saidYes = yes.Select(r => r.UserId).Distinct().Count();
        var saidOtherwise = answered.Where(r => question(r) != FeedbackAnswer.Yes).Select(r => r.UserId).Distinct().Count();
        return SmallCells.MayShow(saidYes) && SmallCells.MayShow(saidOtherwise) ? (double)yes.Count / answered.Count : null;
    }

    private (int Year, int Month) Month(DateTime utc)
    {
        var local = programTime.ToLocal(utc);
        return (local.Year, local.Month);
    }

    /// <summary>The months of the range, oldest first.</summary>
    private static IEnumerable<(int Year, int Month)> Months(ReportFilter filter)
    {
        var month = new DateOnly(filter.From.Year, filter.From.Month, 1);
        while (month <= filter.To)
        {
            yield return (month.Year, month.Month);
            month = month.AddMonths(1);
        }
    }

    /// <summary>Counts of a one-per-person breakdown: they add up to the total, which is shown.</summary>
    private static CountTable Additive(IReadOnlyList<(string Label, int Count)> rows)
    {
        var table = SmallCells.SuppressList([.. rows.Select(r => r.Count)]);
        return new CountTable([.. rows.Select((r, i) => new CountRow(r.Label, table.Cell(0, i)))], table.RowTotal(0), true);
    }

    /// <summary>Counts where one person can be in several rows: no total, so each count stands alone.</summary>
    private static CountTable Overlapping(IReadOnlyList<(string Label, int Count)> rows) =>
        new([.. rows.Select(r => new CountRow(r.Label, SmallCells.Show(r.Count)))], null, false);
}
