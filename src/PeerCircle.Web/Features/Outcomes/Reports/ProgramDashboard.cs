using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
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
    PeerCircleDb db, BenefitAnalysis benefits, OutcomeScales scales, UserManager<PeerCircleUser> users, CurriculumLibrary curriculum,
    ZipGazetteer gazetteer, ProgramTime programTime, TimeProvider time, IMemoryCache cache, IServiceScopeFactory scopes)
{
    /// <summary>
    /// How long a computed dashboard is shown again for the same filters. Computing it reads every survey score of the
    /// range and a year of attendance (seconds at 50,000 members); the figures are for planning, not for the minute.
    /// </summary>
    public static readonly TimeSpan ComputedFor = TimeSpan.FromMinutes(5);

    public static readonly int[] RetentionWeeks = [4, 8, 12];
    public const int ExpiringWithinDays = 60;

    private static readonly MembershipStatus[] Served = [MembershipStatus.Accepted, MembershipStatus.Paused, MembershipStatus.Left];
    private static readonly AttendanceStatus[] Attended = [AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.LeftEarly];

    /// <summary>The dashboard for these filters: computed, or the same filters' figures from the last <see cref="ComputedFor"/>.</summary>
    public async Task<DashboardData> BuildAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var key = "outcomes-dashboard:" + filter.QueryString;
        if (cache.TryGetValue(key, out DashboardData? computed) && computed is not null)
        {
            return computed with { Filter = filter };
        }
        var data = await ComputeAsync(filter, cancellationToken);
        cache.Set(key, data, ComputedFor);
        return data;
    }

    private async Task<DashboardData> ComputeAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // The two parts that keep the database busiest and need nothing from the rest run beside it, each in its own
        // scope (its own connection): the benefit analysis and the facilitator pipeline.
        var benefitsTask = InOwnScopeAsync(d => d.BenefitsAsync(filter, cancellationToken));
        var pipelineTask = InOwnScopeAsync(d => d.PipelineAsync(now, cancellationToken));
        try
        {
            var served = ServedMemberships(filter);

            var memberships = await served
                .Select(m => new { m.UserId, m.Group!.Modality, m.Group.Place.Latitude, m.Group.Place.Longitude, GroupZip = m.Group.Place.PostalCode })
                .ToListAsync(cancellationToken);
            var profiles = await db.MemberProfiles.AsNoTracking()
                .Where(p => served.Any(m => m.UserId == p.UserId))
                .Select(p => new { p.UserId, p.JourneyRole, p.CancerTypes, p.Languages, p.PostalCode })
                .ToListAsync(cancellationToken);
            var people = memberships.Select(m => m.UserId).Distinct().ToList();
            var profileOf = profiles.ToDictionary(p => p.UserId);

            // Role: one per person, so the rows add up to the people served (shown), with complementary suppression.
            var roleLabels = new (string Label, Data.Members.JourneyRole? Role)[]
            {
                ("Patients and survivors", Data.Members.JourneyRole.PatientOrSurvivor),
                ("Caregivers", Data.Members.JourneyRole.Caregiver),
                ("Bereaved relatives", Data.Members.JourneyRole.BereavedRelative),
                ("Not given", null),
            };
            var roles = people.Select(p => profileOf.GetValueOrDefault(p)?.JourneyRole).ToList();
            var byRole = Additive(roleLabels.Select(r => (r.Label, roles.Count(role => role == r.Role))).ToList());
            var peopleServed = byRole.Total;

            var byCancer = Overlapping(Enum.GetValues<CancerType>()
                .Select(c => (GroupLabels.Of(c), people.Count(p => profileOf.GetValueOrDefault(p)?.CancerTypes.Contains(c) == true)))
                .Append(("Not given", people.Count(p => profileOf.GetValueOrDefault(p) is not { CancerTypes.Count: > 0 })))
                .ToList());
            var byModality = Overlapping(Enum.GetValues<Modality>()
                .Select(m => (GroupLabels.Of(m), memberships.Where(x => x.Modality == m).Select(x => x.UserId).Distinct().Count()))
                .ToList());
            var languages = profiles.SelectMany(p => p.Languages).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
            var byLanguage = Overlapping(languages
                .Select(l => (GroupLanguages.NameOf(l), profiles.Count(p => p.Languages.Contains(l, StringComparer.OrdinalIgnoreCase))))
                .ToList());

            var bands = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var label in DistanceBands)
            {
                bands[label] = [];
            }
            foreach (var m in memberships)
            {
                bands[DistanceBand(m.Modality, profileOf.GetValueOrDefault(m.UserId)?.PostalCode, m.Latitude, m.Longitude, m.GroupZip)].Add(m.UserId);
            }
            var byDistance = Overlapping([.. DistanceBands.Select(b => (b, bands[b].Count))]);

            return new DashboardData(
                filter, peopleServed, byRole, byCancer, byModality, byLanguage, byDistance,
                await TimeToFirstMeetingAsync(filter, served, cancellationToken),
                await RetentionAsync(filter, served, now, cancellationToken),
                await AttendanceAsync(filter, cancellationToken),
                await pipelineTask,
                await SafetyAsync(filter, served, now, cancellationToken) is var (rows, total) ? rows : [], total,
                await ReferralsAsync(filter, served, cancellationToken),
                await benefitsTask,
                await WellbeingAsync(filter, cancellationToken),
                await FeedbackAsync(filter, cancellationToken),
                now);
        }
        catch
        {
            // Never leave the side parts running (and holding connections) after this request has failed: wait for
            // them; their own errors, if any, matter less than the one being passed on.
            await Task.WhenAll(benefitsTask, pipelineTask).ContinueWith(
                _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }

    private async Task<T> InOwnScopeAsync<T>(Func<ProgramDashboard, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ProgramDashboard>());
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
        if (modality is Modality.Video or Modality.Phone or Modality.OnlineText)
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

    private async Task<IReadOnlyList<MonthMedian>> TimeToFirstMeetingAsync(ReportFilter filter, IQueryable<GroupMembership> served, CancellationToken cancellationToken)
    {
        var from = filter.FromUtc;
        var to = filter.ToUtc;
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.CreatedAtUtc >= from && u.CreatedAtUtc < to && served.Any(m => m.UserId == u.Id))
            .Select(u => new
            {
                u.CreatedAtUtc,
                First = db.MeetingAttendances.Where(a => a.UserId == u.Id && Attended.Contains(a.Status)).Min(a => (DateTime?)a.OccurrenceStartUtc),
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Where(r => r.First is not null && r.First >= r.CreatedAtUtc)
            .GroupBy(r => Month(r.CreatedAtUtc))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var days = g.Select(r => (r.First!.Value - r.CreatedAtUtc).TotalDays).ToList();
                var median = BenefitStatistics.Median(days);
                return new MonthMedian(g.Key.Year, g.Key.Month, SmallCells.Show(days.Count), SmallCells.MayShow(days.Count) ? Math.Round(median!.Value, 1) : null);
            })];
    }

    private async Task<IReadOnlyList<RetentionRow>> RetentionAsync(ReportFilter filter, IQueryable<GroupMembership> served, DateTime now, CancellationToken cancellationToken)
    {
        var from = filter.FromUtc;
        var joined = await served.GroupBy(m => m.UserId)
            .Select(g => new { UserId = g.Key, Joined = g.Min(m => m.CreatedAtUtc) })
            .Where(j => j.Joined >= from)
            .ToListAsync(cancellationToken);
        var lastAttended = await db.MeetingAttendances.AsNoTracking()
            .Where(a => a.UserId != null && Attended.Contains(a.Status) && served.Any(m => m.UserId == a.UserId))
            .GroupBy(a => a.UserId!)
            .Select(g => new { UserId = g.Key, Last = g.Max(a => a.OccurrenceStartUtc) })
            .ToDictionaryAsync(x => x.UserId, x => x.Last, cancellationToken);
        return [.. RetentionWeeks.Select(weeks =>
        {
            var eligible = joined.Where(j => j.Joined.AddDays(7 * weeks) <= now).ToList();
            var still = eligible.Count(j => lastAttended.TryGetValue(j.UserId, out var last) && last >= j.Joined.AddDays(7 * weeks));
            // Joined = still + stopped: both parts must be 11 or more, or the share reveals a small group.
            var safe = SmallCells.MayShow(eligible.Count) && SmallCells.MayShow(still) && SmallCells.MayShow(eligible.Count - still);
            return new RetentionRow(weeks, SmallCells.Show(eligible.Count), safe ? still : null, safe ? (double)still / eligible.Count : null);
        })];
    }

    private async Task<IReadOnlyList<AttendanceMonth>> AttendanceAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var from = filter.FromUtc;
        var to = filter.ToUtc;
        var query = db.MeetingAttendances.AsNoTracking()
            .Where(a => a.OccurrenceStartUtc >= from && a.OccurrenceStartUtc < to && Attended.Contains(a.Status));
        if (filter.GroupId is { } groupId)
        {
            query = query.Where(a => a.GroupId == groupId);
        }
        var rows = await query.Select(a => new { a.UserId, a.Name, a.OccurrenceStartUtc }).ToListAsync(cancellationToken);
        var byMonth = rows.ToLookup(r => Month(r.OccurrenceStartUtc));
        return [.. Months(filter).Select(month =>
        {
            var these = byMonth[month].ToList();
            var people = these.Select(r => r.UserId ?? "name:" + r.Name).Distinct().Count();
            var safe = SmallCells.MayShow(people);
            return new AttendanceMonth(month.Year, month.Month, SmallCells.Show(people), safe ? these.Count : null);
        })];
    }

    private async Task<CountTable> PipelineAsync(DateTime now, CancellationToken cancellationToken)
    {
        var facilitators = await users.GetUsersInRoleAsync(Roles.Facilitator);
        var ids = facilitators.Select(f => f.Id).ToList();
        // Everyone's training records in four queries (FacilitatorCertification.StatusAsync asks four per person: 20,000
        // round trips for 5,000 facilitators), put together into the same facts for the same rules.
        var passes = (await db.ModuleAttempts.AsNoTracking()
            .Where(a => a.Passed && ids.Contains(a.UserId))
            .Select(a => new { a.UserId, a.ModuleSlug, a.AttemptedAtUtc })
            .ToListAsync(cancellationToken)).ToLookup(a => a.UserId);
        var ratings = (await db.CompetencyRatings.AsNoTracking()
            .Where(r => ids.Contains(r.FacilitatorId) && r.CoordinatorRating != null && r.SignedOffAtUtc != null)
            .Select(r => new { r.FacilitatorId, r.CompetencyKey, Rating = r.CoordinatorRating!.Value, At = r.SignedOffAtUtc!.Value })
            .ToListAsync(cancellationToken)).ToLookup(r => r.FacilitatorId);
        var rolePlays = (await db.RolePlaySignOffs.AsNoTracking()
            .Where(r => ids.Contains(r.FacilitatorId))
            .Select(r => new { r.FacilitatorId, r.SignedOffAtUtc })
            .ToListAsync(cancellationToken)).ToLookup(r => r.FacilitatorId, r => r.SignedOffAtUtc);
        var signatures = (await db.PolicySignatures.AsNoTracking()
            .Where(s => ids.Contains(s.UserId))
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
            .Where(p => p.ResumedAtUtc == null && ids.Contains(p.FacilitatorId))
            .Select(p => p.FacilitatorId).Distinct().CountAsync(cancellationToken);
        return Overlapping([
            ("In training", inTraining), ("Certified", certified), ("Certified, expiring within 60 days", expiring),
            ("Certification lapsed", lapsed), ("Paused", paused),
        ]);
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
            double? ack = shown && SmallCells.MayShow(ackJudged.Count)
                ? (double)ackJudged.Count(c => c.AcknowledgedAtUtc is { } at && at <= c.DueAtUtc) / ackJudged.Count : null;
            double? resolved = shown && SmallCells.MayShow(resolveJudged.Count)
                ? (double)resolveJudged.Count(c => c.ResolvedAtUtc is { } at && at <= ResponseTimeReport.ResolveBy(c.OpenedAtUtc, c.DueAtUtc)) / resolveJudged.Count
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
        return new ReferralSummary(
            SmallCells.Show(membersReferred), SmallCells.Show(membersConnected),
            SmallCells.MayShow(membersReferred) ? referrals.Count : null,
            SmallCells.MayShow(membersConnected) ? connected.Count : null);
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
        var rows = await query.Select(f => new { f.UserId, f.Helpful, f.FeltHeard, f.FeltSafe, f.SubmittedAtUtc }).ToListAsync(cancellationToken);
        var byMonth = rows.ToLookup(r => Month(r.SubmittedAtUtc));
        return [.. Months(filter).Select(month =>
        {
            var these = byMonth[month].ToList();
            var people = these.Select(r => r.UserId).Distinct().Count();
            var safe = SmallCells.MayShow(people);
            return new FeedbackMonth(month.Year, month.Month, SmallCells.Show(people), safe ? these.Count : null,
                safe ? ShareYes(these.Select(r => r.Helpful)) : null,
                safe ? ShareYes(these.Select(r => r.FeltHeard)) : null,
                safe ? ShareYes(these.Select(r => r.FeltSafe)) : null);
        })];
    }

    /// <summary>Share of "yes" among those who answered; null when fewer than 11 answered.</summary>
    private static double? ShareYes(IEnumerable<FeedbackAnswer?> answers)
    {
        var answered = answers.Where(a => a is not null).ToList();
        return SmallCells.MayShow(answered.Count) ? (double)answered.Count(a => a == FeedbackAnswer.Yes) / answered.Count : null;
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
