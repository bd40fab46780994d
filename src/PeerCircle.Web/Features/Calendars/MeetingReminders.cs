using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Members;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;
using PeerCircle.Web.Infrastructure.Texts;

namespace PeerCircle.Web.Features.Calendars;

/// <summary>
/// The day-before reminders: for each meeting that starts 24 to 25 hours from now and is not cancelled, one message
/// to each accepted member, by e-mail or text as they allow and prefer (members who allow neither get none). A text
/// says only that "your group" meets, and when: a group's name can tell a stranger glancing at a phone too much.
/// Each reminder is logged before it is sent, and the log's unique index means two app nodes (or two runs) never
/// send the same reminder twice.
/// </summary>
public sealed class MeetingReminders(
    PeerCircleDb db, MeetingRecipients recipients, EmailSender email, TextSender texts, AuditTrail audit, CalendarLinks links, TimeProvider time,
    IStringLocalizer<SharedResource> text, ILogger<MeetingReminders> logger)
{
    public static readonly TimeSpan WindowStart = TimeSpan.FromHours(24);
    public static readonly TimeSpan WindowEnd = TimeSpan.FromHours(25);

    /// <summary>Sends the reminders that are due now and returns how many went out.</summary>
    public async Task<int> SendDueRemindersAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (from, until) = (now + WindowStart, now + WindowEnd);
        var groups = await db.Groups.AsNoTracking()
            .Where(g => g.Status == GroupStatus.Active || g.Status == GroupStatus.Recruiting)
            .ToListAsync(cancellationToken);
        var after = from.AddTicks(-1);
        var changes = await db.MeetingChanges.AsNoTracking()
            .Where(c => c.OccurrenceStartUtc > after || c.MovedToStartUtc > after)
            .ToListAsync(cancellationToken);
        var due = groups
            .SelectMany(g => GroupCalendar.Upcoming(g, changes, after, 3, includeCancelled: false)
                .Where(m => m.StartUtc < until)
                .Select(m => (Group: g, Meeting: m)))
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var groupIds = due.Select(d => d.Group.Id).Distinct().ToList();
        var people = (await recipients.ForRemindersAsync(groupIds, cancellationToken)).ToLookup(p => p.GroupId);
        var earliest = due.Min(d => d.Meeting.ScheduledStartUtc);
        var latest = due.Max(d => d.Meeting.ScheduledStartUtc);
        var sentBefore = (await db.MeetingReminders.AsNoTracking()
            .Where(r => groupIds.Contains(r.GroupId) && r.OccurrenceStartUtc >= earliest && r.OccurrenceStartUtc <= latest)
            .Select(r => new { r.GroupId, r.OccurrenceStartUtc, r.UserId })
            .ToListAsync(cancellationToken))
            .Select(r => (r.GroupId, r.OccurrenceStartUtc, r.UserId))
            .ToHashSet();

        var sent = 0;
        foreach (var (group, meeting) in due)
        {
            foreach (var person in people[group.Id].Where(p => !sentBefore.Contains((group.Id, meeting.ScheduledStartUtc, p.UserId))))
            {
                if (await SendOneAsync(group, meeting, person, now, cancellationToken))
                {
                    sent++;
                }
            }
        }
        return sent;
    }

    private async Task<bool> SendOneAsync(Group group, GroupMeeting meeting, ReminderRecipient person, DateTime now, CancellationToken cancellationToken)
    {
        var log = new MeetingReminder { GroupId = group.Id, UserId = person.UserId, OccurrenceStartUtc = meeting.ScheduledStartUtc, SentAtUtc = now };
        db.MeetingReminders.Add(log);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node logged this reminder first, so it sends it.
            db.Entry(log).State = EntityState.Detached;
            return false;
        }

        try
        {
            if (person.Channel == ReminderChannel.Text)
            {
                var message = MeetingMessages.InGroupLanguage(group, () => text[
                    "PeerCircle: your group meets tomorrow, {0}. The details are on your page: {1} Reply STOP to stop texts.",
                    MeetingMessages.WhenFor(meeting.StartUtc, group, person.TimeZoneId, text), links.MyGroups].Value);
                await texts.SendAsync(person.Address, message, cancellationToken);
                return true;
            }
            var (subject, body) = MeetingMessages.InGroupLanguage(group, () => Compose(group, meeting, person));
            await email.SendAsync(person.Address, subject, body, cancellationToken);
            return true;
        }
        catch (TextNotSentException refused) when (refused.OptedOut)
        {
            // They replied STOP to an earlier text: no more texts; the next run reminds them by e-mail if allowed.
            db.MeetingReminders.Remove(log);
            await db.SaveChangesAsync(cancellationToken);
            await ReminderChannels.StopTextingAsync(db, audit, person.UserId, cancellationToken);
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not sent: forget the log entry so the next run tries again while the meeting is still a day away.
            logger.LogError(exception, "Could not send a meeting reminder for group {GroupId}", group.Id);
            db.MeetingReminders.Remove(log);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
    }

    private (string Subject, string Body) Compose(Group group, GroupMeeting meeting, ReminderRecipient person)
    {
        var body = new StringBuilder()
            .Append(text["Hello {0},", person.DisplayName].Value).Append("\n\n")
            .Append(text["This is a friendly reminder: {0} meets tomorrow.", group.Name].Value).Append("\n\n")
            .Append(text["When: {0}", MeetingMessages.WhenFor(meeting.StartUtc, group, person.TimeZoneId, text)].Value).Append('\n');
        if (meeting.Added)
        {
            body.Append(text["Please note: this is an extra meeting, as well as the usual ones."].Value).Append('\n');
        }
        else if (meeting.State == MeetingState.Moved)
        {
            body.Append(text["Please note: this meeting was moved from its usual time."].Value).Append('\n');
        }
        body.Append(MeetingMessages.HowToAttend(group, text)).Append("\n\n")
            .Append(text["We look forward to seeing you. If you cannot come, that is all right."].Value).Append("\n\n")
            .Append(MeetingMessages.Footer(group, links, text));
        return (text["Reminder: {0} meets tomorrow", group.Name].Value, body.ToString());
    }
}

/// <summary>Settings for the reminder loop (section <c>Reminders</c>).</summary>
public sealed class ReminderOptions
{
    /// <summary>Turn the loop off, e.g. in tests, which call <see cref="MeetingReminders.SendDueRemindersAsync"/> themselves.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Runs the day-before reminders at start-up and then every 15 minutes.</summary>
public sealed partial class MeetingReminderService(
    IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider time, ILogger<MeetingReminderService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled(logger);
            return;
        }
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var sent = await scope.ServiceProvider.GetRequiredService<MeetingReminders>().SendDueRemindersAsync(stoppingToken);
            if (sent > 0)
            {
                LogSent(logger, sent);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A database hiccup must not end the loop; the next run covers the same hour.
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting reminders are turned off (Reminders:Enabled = false).")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} meeting reminders.")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending meeting reminders failed; the next run tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
