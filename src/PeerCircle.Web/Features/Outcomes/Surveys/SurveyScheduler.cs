using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Features.Accounts;
using PeerCircle.Web.Features.Consent;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Web.Features.Outcomes.Surveys;

/// <summary>
/// Keeps every member's outcome surveys on schedule. The schedule counts from when the member was first accepted into a
/// group: the baseline is offered from then, each active follow-up point of each active instrument from that many days
/// later, each open for a few weeks (see <see cref="SurveyOptions"/>). Past its closing time an unfinished survey is
/// missed. Reminders go by e-mail only to members who allow e-mail: one when a survey is due and one a week later.
/// </summary>
/// <remarks>
/// The sweep, not the joining code, creates the surveys: memberships become accepted in many places (joining an open
/// group, a facilitator's decision, an offered place taken, the demo seed), and a sweep over accepted memberships
/// misses none of them. It runs at start-up and every hour, so a new member's baseline is waiting within the hour.
/// Once a member's first survey exists, its <see cref="SurveyResponse.JoinedAtUtc"/> anchors the rest of the schedule.
/// Members who left every group keep getting follow-ups up to about 6 months after joining; nobody whose consent is
/// withdrawn gets a new survey or a reminder, and their open surveys close. Deleted accounts lose their surveys.
/// </remarks>
public sealed partial class SurveyScheduler(
    PeerCircleDb db, AuditTrail audit, TimeProvider time, IOptions<SurveyOptions> options, EmailSender email,
    AccountLinks links, IStringLocalizer<SharedResource> text, ILogger<SurveyScheduler> log)
{
    private readonly SurveyOptions _options = options.Value;

    public sealed record Result(int Scheduled, int Missed, int Reminded);

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var (scheduled, missed) = await ScheduleAsync(ct);
        var reminded = await RemindAsync(ct);
        return new Result(scheduled, missed, reminded);
    }

    /// <summary>Creates the surveys that are due and not yet created, and closes the ones past their time.</summary>
    public async Task<(int Scheduled, int Missed)> ScheduleAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var withdrawnQuery = WithdrawnMembers();
        var withdrawn = (await withdrawnQuery.ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var missed = 0;
        var closing = await db.SurveyResponses
            .Where(r => (r.Status == SurveyStatus.Due || r.Status == SurveyStatus.InProgress)
                && (r.ClosesAtUtc <= now || withdrawnQuery.Contains(r.MemberId)))
            .ToListAsync(ct);
        foreach (var response in closing)
        {
            response.Status = SurveyStatus.Missed;
            audit.StageChange(AuditActions.OutcomesSurveyMissed, "Member", response.MemberId,
                string.Create(CultureInfo.InvariantCulture, $"Survey {response.Id} (instrument {response.InstrumentId}, day {response.DaysAfterJoining}) closed unfinished."));
            missed++;
        }

        var points = await db.SurveySchedulePoints.AsNoTracking()
            .Where(p => p.Active && p.Instrument!.Active)
            .Select(p => new { p.Id, p.InstrumentId, p.DaysAfterJoining })
            .ToListAsync(ct);
        var scheduled = 0;
        if (points.Count > 0)
        {
            // The anchor: the join time the member's surveys already count from, else their earliest accepted membership.
            var anchors = (await db.SurveyResponses.AsNoTracking()
                    .GroupBy(r => r.MemberId)
                    .Select(g => new { MemberId = g.Key, Joined = g.Min(r => r.JoinedAtUtc) })
                    .ToListAsync(ct))
                .ToDictionary(a => a.MemberId, a => a.Joined, StringComparer.Ordinal);
            var holding = (await db.GroupMemberships.AsNoTracking()
                    .Where(m => m.Status == MembershipStatus.Accepted || m.Status == MembershipStatus.Paused)
                    .Select(m => new { m.UserId, m.Status, Since = m.StatusChangedAtUtc ?? m.CreatedAtUtc })
                    .ToListAsync(ct))
                .GroupBy(m => m.UserId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Where(m => m.Status == MembershipStatus.Accepted).Select(m => (DateTime?)m.Since).Min(), StringComparer.Ordinal);
            foreach (var (memberId, acceptedSince) in holding)
            {
                if (acceptedSince is { } since && !anchors.ContainsKey(memberId))
                {
                    anchors[memberId] = since;
                }
            }
            var existing = (await db.SurveyResponses.AsNoTracking()
                    .Select(r => new { r.MemberId, r.InstrumentId, r.DaysAfterJoining })
                    .ToListAsync(ct))
                .Select(r => (r.MemberId, r.InstrumentId, r.DaysAfterJoining))
                .ToHashSet();

            foreach (var (memberId, joined) in anchors)
            {
                if (withdrawn.Contains(memberId))
                {
                    continue;
                }
                var stillInAGroup = holding.ContainsKey(memberId);
                foreach (var point in points)
                {
                    if (!stillInAGroup && point.DaysAfterJoining > _options.FollowUpsAfterLeavingUpToDays)
                    {
                        continue;
                    }
                    var due = joined.AddDays(point.DaysAfterJoining);
                    var closes = due + _options.OpenFor(point.DaysAfterJoining);
                    // Not yet due, or closed before it could be offered (the sweep was off, or the point was added later).
                    if (due > now || closes <= now || existing.Contains((memberId, point.InstrumentId, point.DaysAfterJoining)))
                    {
                        continue;
                    }
                    db.SurveyResponses.Add(new SurveyResponse
                    {
                        MemberId = memberId, InstrumentId = point.InstrumentId, SchedulePointId = point.Id,
                        DaysAfterJoining = point.DaysAfterJoining, JoinedAtUtc = joined, DueAtUtc = due, ClosesAtUtc = closes,
                        Status = SurveyStatus.Due,
                    });
                    existing.Add((memberId, point.InstrumentId, point.DaysAfterJoining));
                    audit.StageChange(AuditActions.OutcomesSurveyScheduled, "Member", memberId,
                        string.Create(CultureInfo.InvariantCulture, $"Instrument {point.InstrumentId}, day {point.DaysAfterJoining}, open until {closes:u}."));
                    scheduled++;
                }
            }
        }
        if (scheduled > 0 || missed > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return (scheduled, missed);
    }

    /// <summary>
    /// E-mails members whose survey is waiting: one message per person however many surveys wait, with only a link
    /// (nothing about their health or their answers). Members who do not allow e-mail see the card on their page only.
    /// </summary>
    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var again = now.AddDays(-_options.RemindAgainAfterDays);
        var withdrawnQuery = WithdrawnMembers();
        var waiting = await db.SurveyResponses
            .Where(r => (r.Status == SurveyStatus.Due || r.Status == SurveyStatus.InProgress)
                && r.DueAtUtc <= now && r.ClosesAtUtc > now
                && r.Reminders < _options.MaxReminders
                && (r.LastReminderAtUtc == null || r.LastReminderAtUtc <= again)
                && !db.MemberProfiles.Any(p => p.UserId == r.MemberId && !p.MayEmail)
                && !withdrawnQuery.Contains(r.MemberId))
            .OrderBy(r => r.MemberId).ThenBy(r => r.DueAtUtc)
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return 0;
        }
        var memberIds = waiting.Select(r => r.MemberId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, ct);
        var sent = 0;
        foreach (var mine in waiting.GroupBy(r => r.MemberId))
        {
            if (!people.TryGetValue(mine.Key, out var person) || string.IsNullOrWhiteSpace(person.Email)
                || person.Email.EndsWith("@deleted.invalid", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var surveys = mine.ToList();
            var path = surveys.Count == 1 ? $"/me/surveys/{surveys[0].Id}" : "/me/surveys";
            var body = string.Join("\n\n",
                text["Hello {0},", person.DisplayName],
                text["A short survey is waiting for you in PeerCircle. It takes about 3 minutes."],
                text["Your answers help us learn how the groups help people, and make them better. Answering is up to you."],
                links.To(path),
                text["Thank you,"] + "\nPeerCircle");
            try
            {
                await email.SendAsync(person.Email, text["A short survey is waiting for you"], body, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReminderFailed(log, mine.Key, ex);
                continue;
            }
            foreach (var response in surveys)
            {
                response.Reminders++;
                response.LastReminderAtUtc = now;
                audit.StageChange(AuditActions.OutcomesSurveyReminded, "Member", mine.Key,
                    string.Create(CultureInfo.InvariantCulture, $"Survey {response.Id}: e-mail reminder {response.Reminders}."));
            }
            // Saved person by person, so a crash part-way never sends anyone a second message.
            await db.SaveChangesAsync(ct);
            sent++;
        }
        return sent;
    }

    /// <summary>Members whose latest word on the participant consent is a withdrawal.</summary>
    private IQueryable<string> WithdrawnMembers() =>
        db.ConsentWithdrawals
            .Where(w => w.DocumentSlug == MemberConsent.ParticipantConsent
                && !db.ConsentSignatures.Any(s => s.UserId == w.UserId && s.DocumentSlug == MemberConsent.ParticipantConsent && s.SignedAtUtc > w.WithdrawnAtUtc))
            .Select(w => w.UserId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A survey reminder to member {MemberId} could not be sent; it will be tried at the next sweep.")]
    private static partial void LogReminderFailed(ILogger logger, string memberId, Exception exception);
}

/// <summary>Runs <see cref="SurveyScheduler"/> every hour (and once at start-up, from <see cref="SurveysExtensions"/>).</summary>
public sealed partial class SurveySweepService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<SurveyOptions> options, ILogger<SurveySweepService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundSweep)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SurveyScheduler>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(log, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The survey sweep failed; it will run again in an hour.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
