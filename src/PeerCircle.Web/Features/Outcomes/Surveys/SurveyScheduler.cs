using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Features.Accounts;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Consent;
using PeerCircle.Web.Features.Members;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;
using PeerCircle.Web.Infrastructure.Texts;

namespace PeerCircle.Web.Features.Outcomes.Surveys;

/// <summary>
/// Keeps every member's outcome surveys on schedule. The schedule counts from when the member was first accepted into a
/// group: the baseline is offered from then, each active follow-up point of each active instrument from that many days
/// later, each open for a few weeks (see <see cref="SurveyOptions"/>). Past its closing time an unfinished survey is
/// missed. Reminders go by a channel the member allows (see <see cref="ReminderChannels.Choose"/>): one when a survey is due
/// and one a week later.
/// The versions of one questionnaire (one key) are one series: a member gets each point once, on the version their
/// series started on, and members starting get the newest version.
/// </summary>
/// <remarks>
/// The sweep, not the joining code, creates the surveys: memberships become accepted in many places (joining an open
/// group, a facilitator's decision, an offered place taken, the demo seed), and a sweep over accepted memberships
/// misses none of them. It runs at start-up and every hour, so a new member's baseline is waiting within the hour.
/// Once a member's first survey exists, its <see cref="SurveyResponse.JoinedAtUtc"/> anchors the rest of the schedule.
/// Members who left every group keep getting follow-ups up to about 6 months after joining; nobody whose consent is
/// withdrawn gets a new survey or a reminder, and their open surveys close. Deleted accounts lose their surveys.
/// The sweep asks the database only for the due, missing points (per schedule point, the members whose anchor falls in
/// its open window and who lack it), so its cost stays the same as the surveys' history grows.
/// </remarks>
public sealed partial class SurveyScheduler(
    PeerCircleDb db, AuditTrail audit, TimeProvider time, IOptions<SurveyOptions> options, EmailSender email, TextSender texts,
    AccountLinks links, IStringLocalizer<SharedResource> text, ILogger<SurveyScheduler> log)
{
    private readonly SurveyOptions _options = options.Value;

    public sealed record Result(int Scheduled, int Missed, int Reminded);

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var (scheduled, missed) = await ScheduleAsync(ct);
        // The schedule is saved: the reminders start from an empty change tracker and keep it small (see RemindAsync).
        db.ChangeTracker.Clear();
        var reminded = await RemindAsync(ct);
        await BaselinePairing.RepairAsync(db, ct);
        return new Result(scheduled, missed, reminded);
    }

    /// <summary>Creates the surveys that are due and not yet created, and closes the ones past their time.</summary>
    public async Task<(int Scheduled, int Missed)> ScheduleAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var withdrawnQuery = WithdrawnMembers();

        var missed = 0;
        // Past their time (a survey closes after it is due, so the (status, due) index narrows this to open ones), and
        // every open survey of members who withdrew consent.
        var withdrawn = await withdrawnQuery.ToListAsync(ct);
        var closing = await db.SurveyResponses
            .Where(r => (r.Status == SurveyStatus.Due || r.Status == SurveyStatus.InProgress) && r.DueAtUtc <= now && r.ClosesAtUtc <= now)
            .ToListAsync(ct);
        if (withdrawn.Count > 0)
        {
            closing.AddRange(await db.SurveyResponses
                .Where(r => (r.Status == SurveyStatus.Due || r.Status == SurveyStatus.InProgress) && r.ClosesAtUtc > now && withdrawn.Contains(r.MemberId))
                .ToListAsync(ct));
        }
        foreach (var response in closing)
        {
            response.Status = SurveyStatus.Missed;
            audit.StageChange(AuditActions.OutcomesSurveyMissed, "Member", response.MemberId,
                string.Create(CultureInfo.InvariantCulture, $"Survey {response.Id} (instrument {response.InstrumentId}, day {response.DaysAfterJoining}) closed unfinished."));
            missed++;
        }

        var points = await db.SurveySchedulePoints.AsNoTracking()
            .Where(p => p.Active && p.Instrument!.Active)
            .OrderBy(p => p.InstrumentId).ThenBy(p => p.DaysAfterJoining)
            .Select(p => new SchedulePoint(p.Id, p.InstrumentId, p.Instrument!.Key, p.DaysAfterJoining))
            .ToListAsync(ct);
        var scheduled = 0;
        if (points.Count > 0)
        {
            // A questionnaire's versions (one key) are one series: a member answers one version of it at each point.
            // Which one is the member's is settled by their first survey of the series (see VersionFor).
            var series = await Series(points, ct);
            var newest = points.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Max(p => p.InstrumentId), StringComparer.Ordinal);
            var scheduledIds = points.Select(p => p.InstrumentId).ToHashSet();

            // Members whose schedule has started: their surveys' join time is the anchor. A point is due and still open
            // only for anchors in one window of a few weeks (due ≤ now < closes), so each schedule day asks only for the
            // members who joined in its window and lack one of that day's surveys: an index-only range scan whose cost
            // grows with the members joining in a few weeks, not with the surveys' history.
            foreach (var day in points.GroupBy(p => p.DaysAfterJoining))
            {
                var days = day.Key;
                var keys = day.Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList();
                var instrumentIds = series.Where(s => keys.Contains(s.Value, StringComparer.Ordinal)).Select(s => s.Key).ToList();
                var latest = now.AddDays(-days);                   // joined ≤ latest: due by now
                var earliest = latest - _options.OpenFor(days);    // joined > earliest: not yet closed
                var lacking = await db.SurveyResponses.AsNoTracking()
                    .Where(r => r.JoinedAtUtc > earliest && r.JoinedAtUtc <= latest)
                    .GroupBy(r => r.MemberId)
                    .Where(g => g.Count(r => r.DaysAfterJoining == days && instrumentIds.Contains(r.InstrumentId)) < keys.Count)
                    .Select(g => g.Key)
                    .ToListAsync(ct);
                if (lacking.Count == 0)
                {
                    continue;
                }
                // The few members lacking some: their anchor (the earliest join time of all their surveys), their
                // surveys of these series (what they have at this day, and which version is theirs), and whether they
                // may be asked.
                var needsGroup = days > _options.FollowUpsAfterLeavingUpToDays;
                var members = await db.SurveyResponses.AsNoTracking()
                    .Where(r => lacking.Contains(r.MemberId) && !withdrawnQuery.Contains(r.MemberId)
                        && (!needsGroup || db.GroupMemberships.Any(g => g.UserId == r.MemberId
                            && (g.Status == MembershipStatus.Accepted || g.Status == MembershipStatus.Paused))))
                    .GroupBy(r => r.MemberId)
                    .Select(g => new { MemberId = g.Key, Joined = g.Min(r => r.JoinedAtUtc) })
                    .ToListAsync(ct);
                var taken = (await db.SurveyResponses.AsNoTracking()
                        .Where(r => lacking.Contains(r.MemberId) && instrumentIds.Contains(r.InstrumentId))
                        .Select(r => new { r.MemberId, r.InstrumentId, r.DaysAfterJoining })
                        .ToListAsync(ct))
                    .ToLookup(r => r.MemberId, r => (r.InstrumentId, r.DaysAfterJoining), StringComparer.Ordinal);
                foreach (var member in members.OrderBy(m => m.MemberId, StringComparer.Ordinal))
                {
                    var mine = taken[member.MemberId].ToList();
                    foreach (var key in keys)
                    {
                        if (mine.Any(t => t.DaysAfterJoining == days && series[t.InstrumentId] == key))
                        {
                            continue;
                        }
                        var version = VersionFor(key, mine, series, scheduledIds, newest);
                        if (day.FirstOrDefault(p => p.InstrumentId == version) is { } point)
                        {
                            scheduled += Schedule(member.MemberId, member.Joined, point, now) ? 1 : 0;
                        }
                    }
                }
            }

            // Members in a group with no survey yet: the schedule starts from their earliest accepted membership, on
            // the newest version of each questionnaire. Only members accepted recently enough for a point to be open
            // can have one due, so only they are looked at.
            var recentEnough = now - points.Max(p => TimeSpan.FromDays(p.DaysAfterJoining) + _options.OpenFor(p.DaysAfterJoining));
            var recent = db.GroupMemberships
                .Where(m => m.Status == MembershipStatus.Accepted && (m.StatusChangedAtUtc ?? m.CreatedAtUtc) > recentEnough)
                .Select(m => m.UserId);
            var starting = await db.GroupMemberships.AsNoTracking()
                .Where(m => m.Status == MembershipStatus.Accepted && recent.Contains(m.UserId)
                    && !db.SurveyResponses.Any(r => r.MemberId == m.UserId) && !withdrawnQuery.Contains(m.UserId))
                .GroupBy(m => m.UserId)
                .Select(g => new { MemberId = g.Key, Joined = g.Min(m => m.StatusChangedAtUtc ?? m.CreatedAtUtc) })
                .ToListAsync(ct);
            var newestPoints = points.Where(p => newest[p.Key] == p.InstrumentId).ToList();
            foreach (var member in starting.OrderBy(m => m.MemberId, StringComparer.Ordinal))
            {
                foreach (var point in newestPoints)
                {
                    scheduled += Schedule(member.MemberId, member.Joined, point, now) ? 1 : 0;
                }
            }
        }

        if (scheduled > 0 || missed > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return (scheduled, missed);
    }

    private sealed record SchedulePoint(long Id, long InstrumentId, string Key, int DaysAfterJoining);

    /// <summary>Every instrument (active or not) of the keys that have schedule points: instrument id → key.</summary>
    private async Task<Dictionary<long, string>> Series(List<SchedulePoint> points, CancellationToken ct)
    {
        var keys = points.Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList();
        return await db.Instruments.AsNoTracking()
            .Where(i => keys.Contains(i.Key))
            .ToDictionaryAsync(i => i.Id, i => i.Key, ct);
    }

    /// <summary>
    /// The version of the questionnaire <paramref name="key"/> a member answers: the one of their first survey of it
    /// (their baseline), so every follow-up pairs with it, while that version has schedule points; otherwise (they have
    /// none, or a coordinator removed all of that version's points) the newest version that has some.
    /// </summary>
    private static long VersionFor(
        string key, List<(long InstrumentId, int DaysAfterJoining)> mine, Dictionary<long, string> series,
        HashSet<long> scheduled, Dictionary<string, long> newest)
    {
        var first = mine.Where(t => series[t.InstrumentId] == key)
            .OrderBy(t => t.DaysAfterJoining).ThenBy(t => t.InstrumentId)
            .Select(t => (long?)t.InstrumentId)
            .FirstOrDefault();
        return first is { } started && scheduled.Contains(started) ? started : newest[key];
    }

    /// <summary>Adds the survey at <paramref name="point"/> when it is due and not yet closed (the caller knows it is missing).</summary>
    private bool Schedule(string memberId, DateTime joined, SchedulePoint point, DateTime now)
    {
        var due = joined.AddDays(point.DaysAfterJoining);
        var closes = due + _options.OpenFor(point.DaysAfterJoining);
        // Not yet due, or closed before it could be offered (the sweep was off, or the point was added later).
        if (due > now || closes <= now)
        {
            return false;
        }
        db.SurveyResponses.Add(new SurveyResponse
        {
            MemberId = memberId, InstrumentId = point.InstrumentId, SchedulePointId = point.Id,
            DaysAfterJoining = point.DaysAfterJoining, JoinedAtUtc = joined, DueAtUtc = due, ClosesAtUtc = closes,
            Status = SurveyStatus.Due,
        });
        audit.StageChange(AuditActions.OutcomesSurveyScheduled, "Member", memberId,
            string.Create(CultureInfo.InvariantCulture, $"Instrument {point.InstrumentId}, day {point.DaysAfterJoining}, open until {closes:u}."));
        return true;
    }

    /// <summary>
    /// Reminds members whose survey is waiting: one message per person however many surveys wait, with only a link
    /// (nothing about their health or their answers), by e-mail or text (see <see cref="ReminderChannels.Choose"/>).
    /// </summary>
    private async Task<int> RemindAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var again = now.AddDays(-_options.RemindAgainAfterDays);
        var withdrawnQuery = WithdrawnMembers();
        var waiting = await db.SurveyResponses
            .Where(r => (r.Status == SurveyStatus.Due || r.Status == SurveyStatus.InProgress)
                && r.DueAtUtc <= now && r.ClosesAtUtc > now
                && r.Reminders < _options.MaxReminders
                && (r.LastReminderAtUtc == null || r.LastReminderAtUtc <= again)
                && !db.MemberProfiles.Any(p => p.UserId == r.MemberId && !p.MayEmail && !p.MayText)
                && !withdrawnQuery.Contains(r.MemberId))
            .OrderBy(r => r.MemberId).ThenBy(r => r.DueAtUtc)
            .AsNoTracking()
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return 0;
        }
        var memberIds = waiting.Select(r => r.MemberId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, ct);
        var profiles = await db.MemberProfiles.AsNoTracking().Where(p => memberIds.Contains(p.UserId))
            .Select(p => new MemberProfile
            {
                UserId = p.UserId, Languages = p.Languages, MayEmail = p.MayEmail, MayText = p.MayText, PreferredChannel = p.PreferredChannel, Phone = p.Phone,
            })
            .ToDictionaryAsync(p => p.UserId, ct);
        var sent = 0;
        foreach (var mine in waiting.GroupBy(r => r.MemberId))
        {
            if (!people.TryGetValue(mine.Key, out var person) || person.Email?.EndsWith("@deleted.invalid", StringComparison.OrdinalIgnoreCase) == true)
            {
                continue;
            }
            var profile = profiles.GetValueOrDefault(mine.Key);
            var mobile = profile is { MayText: true } ? texts.TextableNumber(profile.Phone) : null;
            var channel = ReminderChannels.Choose(profile, !string.IsNullOrWhiteSpace(person.Email), mobile is not null);
            if (channel is null)
            {
                continue;
            }
            var surveys = mine.ToList();
            var link = links.To(surveys.Count == 1 ? $"/me/surveys/{surveys[0].Id}" : "/me/surveys");
            // In Spanish for members who read Spanish and not English (the survey itself is in Spanish for them too).
            var spoken = profile?.Languages ?? [];
            var language = spoken.Contains("es") && !spoken.Contains("en") ? "es" : "en";
            try
            {
                if (channel == ReminderChannel.Text)
                {
                    var message = MeetingMessages.InLanguage(language, () =>
                        text["PeerCircle: a short survey is waiting for you (about 3 minutes). Answering is up to you: {0} Reply STOP to stop texts.", link].Value);
                    await texts.SendAsync(mobile!, message, ct);
                }
                else
                {
                    var (subject, body) = MeetingMessages.InLanguage(language, () => (
                        text["A short survey is waiting for you"].Value,
                        string.Join("\n\n",
                            text["Hello {0},", person.DisplayName],
                            text["A short survey is waiting for you in PeerCircle. It takes about 3 minutes."],
                            text["Your answers help us learn how the groups help people, and make them better. Answering is up to you."],
                            link,
                            text["Thank you,"] + "\nPeerCircle")));
                    await email.SendAsync(person.Email!, subject, body, ct);
                }
            }
            catch (TextNotSentException refused) when (refused.OptedOut)
            {
                // They replied STOP to an earlier text: no more texts; the next sweep reminds them by e-mail if allowed.
                await ReminderChannels.StopTextingAsync(db, audit, mine.Key, ct);
                db.ChangeTracker.Clear();
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogReminderFailed(log, mine.Key, ex);
                continue;
            }
            // Only this member's surveys are tracked while they are saved, so each save looks at a few rows rather
            // than every survey still waiting (thousands after the app has been down a while).
            db.SurveyResponses.AttachRange(surveys);
            foreach (var response in surveys)
            {
                response.Reminders++;
                response.LastReminderAtUtc = now;
                audit.StageChange(AuditActions.OutcomesSurveyReminded, "Member", mine.Key,
                    string.Create(CultureInfo.InvariantCulture, $"Survey {response.Id}: {(channel == ReminderChannel.Text ? "text" : "e-mail")} reminder {response.Reminders}."));
            }
            // Saved person by person, so a crash part-way never sends anyone a second message.
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
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
