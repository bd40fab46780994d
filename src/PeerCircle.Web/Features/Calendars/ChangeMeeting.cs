using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Web.Features.Calendars;

/// <summary>A facilitator's change to one meeting, as posted: all text, so anything wrong comes back with a message.</summary>
public sealed class MeetingChangeForm
{
    /// <summary>"cancel", "move" or "undo".</summary>
    public string? Action { get; set; }

    /// <summary>The meeting's planned start, in UTC, as the page wrote it.</summary>
    public string? Occurrence { get; set; }
    public string? Reason { get; set; }
    public string? NewDate { get; set; }
    public string? NewTime { get; set; }
}

/// <summary>What a change did: a message for the facilitator, or what to fix (keyed by field name).</summary>
public sealed record MeetingChangeResult(string? Message, Dictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Cancels or moves one meeting of a group, or undoes that, and tells every member who allows e-mail, each in a
/// message of their own with the updated calendar attached. The change and its audit event are saved together.
/// </summary>
public sealed class ChangeMeeting(
    PeerCircleDb db, GroupCalendar calendar, MeetingRecipients recipients, AuditTrail audit, EmailSender email,
    CalendarLinks links, TimeProvider time, IStringLocalizer<SharedResource> text, ILogger<ChangeMeeting> logger)
{
    public const int UpcomingCount = 8;
    public const int ReasonMax = 500;

    /// <summary>The group, when this person leads or co-leads it or is a coordinator; otherwise null.</summary>
    public async Task<Group?> FindGroupAsync(Guid groupId, string? userId, bool isCoordinator, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return null;
        }
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        return group is not null && (isCoordinator || group.LeadFacilitatorId == userId || group.CoFacilitatorId == userId)
            ? group
            : null;
    }

    /// <summary>The next meetings the schedule gives, each with its change, as the facilitator's page lists them.</summary>
    public Task<IReadOnlyList<GroupMeeting>> UpcomingAsync(Group group, CancellationToken cancellationToken) =>
        calendar.ScheduledAsync(group, time.GetUtcNow().UtcDateTime, UpcomingCount, cancellationToken);

    /// <summary>The planned start as the page writes it into each form, read back by <see cref="HandleAsync"/>.</summary>
    public static string OccurrenceKey(DateTime scheduledUtc) =>
        DateTime.SpecifyKind(scheduledUtc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    public async Task<MeetingChangeResult> HandleAsync(Group group, MeetingChangeForm form, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];
        var now = time.GetUtcNow().UtcDateTime;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(group.Schedule.TimeZoneId);

        var upcoming = await calendar.ScheduledAsync(group, now, UpcomingCount, cancellationToken);
        var meeting = upcoming.FirstOrDefault(m => OccurrenceKey(m.ScheduledStartUtc) == form.Occurrence);
        if (meeting is null)
        {
            Fail("Occurrence", text["That meeting is not on the list any more. It may have started already. Please choose one from the list."]);
            return new MeetingChangeResult(null, errors);
        }
        var action = form.Action?.Trim().ToLowerInvariant();
        if (action is not ("cancel" or "move" or "undo"))
        {
            Fail("Action", text["Please choose whether to cancel or move the meeting."]);
            return new MeetingChangeResult(null, errors);
        }

        var reason = (form.Reason ?? "").Trim();
        if (action != "undo" && reason.Length == 0)
        {
            Fail("Reason", text["Please say why, in a few plain words. Members will read this, for example: “The library is closed for the holiday.”"]);
        }
        else if (reason.Length > ReasonMax)
        {
            Fail("Reason", text["Please keep the reason under 500 characters."]);
        }

        DateTime? movedToUtc = null;
        if (action == "move")
        {
            var hasDate = DateOnly.TryParseExact(form.NewDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            var hasTime = TimeOnly.TryParseExact(form.NewTime?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start);
            if (!hasDate)
            {
                Fail("NewDate", text["Please enter the new date as year-month-day, like 2027-03-04."]);
            }
            if (!hasTime)
            {
                Fail("NewTime", text["Please enter the new start time, like 18:30."]);
            }
            if (hasDate && hasTime)
            {
                var local = date.ToDateTime(start, DateTimeKind.Unspecified);
                if (zone.IsInvalidTime(local))
                {
                    Fail("NewTime", text["That time does not exist on that day, because the clocks change. Please choose another time."]);
                }
                else
                {
                    var utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
                    var taken = upcoming.Any(m => m != meeting && !m.Cancelled && m.StartUtc == utc)
                        || (utc != meeting.ScheduledStartUtc && GroupCalendar.IsScheduled(group.Schedule, utc));
                    if (utc <= now)
                    {
                        Fail("NewDate", text["That time has already passed. Please choose a time in the future."]);
                    }
                    else if (utc == meeting.ScheduledStartUtc)
                    {
                        Fail("NewDate", text["That is the usual time. To keep the meeting as planned, choose “Put it back as planned” instead."]);
                    }
                    else if (taken)
                    {
                        Fail("NewDate", text["The group already meets at that time. Please choose another time."]);
                    }
                    movedToUtc = utc;
                }
            }
        }
        if (errors.Count > 0)
        {
            return new MeetingChangeResult(null, errors);
        }

        var change = await db.MeetingChanges
            .SingleOrDefaultAsync(c => c.GroupId == group.Id && c.OccurrenceStartUtc == meeting.ScheduledStartUtc, cancellationToken);
        if (action == "undo")
        {
            if (change is null)
            {
                Fail("Action", text["This meeting has no change to undo."]);
                return new MeetingChangeResult(null, errors);
            }
            db.MeetingChanges.Remove(change);
        }
        else
        {
            if (change is null)
            {
                change = new MeetingChange { GroupId = group.Id, OccurrenceStartUtc = meeting.ScheduledStartUtc };
                db.MeetingChanges.Add(change);
            }
            change.Cancelled = action == "cancel";
            change.MovedToStartUtc = movedToUtc;
            change.Reason = reason;
            change.ChangedById = userId;
            change.ChangedAtUtc = now;
        }
        var detail = action switch
        {
            "cancel" => $"cancelled the meeting of {Utc(meeting.ScheduledStartUtc)}: {reason}",
            "move" => $"moved the meeting of {Utc(meeting.ScheduledStartUtc)} to {Utc(movedToUtc!.Value)}: {reason}",
            _ => $"put the meeting of {Utc(meeting.ScheduledStartUtc)} back as planned",
        };
        audit.StageChange(AuditActions.MeetingChanged, "Group", group.Id.ToString(), detail);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else changed the same meeting at the same moment; the unique index kept one change.
            Fail("Occurrence", text["Someone else changed this meeting just now. Please look at the list again and try once more."]);
            return new MeetingChangeResult(null, errors);
        }

        var (told, failed) = await NotifyMembersAsync(group, action, meeting, movedToUtc, reason, cancellationToken);
        var when = MeetingMessages.When(meeting.ScheduledStartUtc, group.Schedule.TimeZoneId);
        var done = action switch
        {
            "cancel" => text["The meeting on {0} is cancelled.", when].Value,
            "move" => text["The meeting on {0} is moved to {1}.", when, MeetingMessages.When(movedToUtc!.Value, group.Schedule.TimeZoneId)].Value,
            _ => text["The meeting on {0} is back as planned.", when].Value,
        };
        var message = new StringBuilder(done).Append(' ').Append(text["We e-mailed {0} members.", told].Value);
        if (failed > 0)
        {
            message.Append(' ').Append(text["{0} e-mails could not be sent; please tell those members yourself.", failed].Value);
        }
        return new MeetingChangeResult(message.ToString(), errors);
    }

    private async Task<(int Told, int Failed)> NotifyMembersAsync(
        Group group, string action, GroupMeeting meeting, DateTime? movedToUtc, string reason, CancellationToken cancellationToken)
    {
        var people = await recipients.ForGroupsAsync([group.Id], cancellationToken);
        if (people.Count == 0)
        {
            return (0, 0);
        }
        var changes = await calendar.AllChangesAsync([group.Id], cancellationToken);
        var ics = MeetingMessages.InGroupLanguage(group, () => MeetingCalendarFile.ToIcs(
            [new CalendarEntry(group, changes, ShowPrivateDetails: true, links.GroupPage(group.Slug))],
            group.Name, time.GetUtcNow().UtcDateTime, text));
        var attachment = new CalendarAttachment($"{group.Slug}.ics", ics);
        var (told, failed) = (0, 0);
        foreach (var person in people)
        {
            var (subject, body) = MeetingMessages.InGroupLanguage(group, () => Compose(group, action, meeting, movedToUtc, reason, person));
            try
            {
                await email.SendAsync(person.Email, subject, body, attachment, cancellationToken);
                told++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The change is saved; one address that fails must not stop the others hearing about it.
                logger.LogError(exception, "Could not e-mail a member about a change to group {GroupId}", group.Id);
                failed++;
            }
        }
        return (told, failed);
    }

    private (string Subject, string Body) Compose(
        Group group, string action, GroupMeeting meeting, DateTime? movedToUtc, string reason, MeetingRecipient person)
    {
        var planned = MeetingMessages.WhenFor(meeting.ScheduledStartUtc, group, person.TimeZoneId, text);
        var day = MeetingMessages.When(meeting.ScheduledStartUtc, group.Schedule.TimeZoneId);
        var body = new StringBuilder()
            .Append(text["Hello {0},", person.DisplayName].Value).Append("\n\n");
        string subject;
        switch (action)
        {
            case "cancel":
                subject = text["Cancelled: {0} on {1}", group.Name, day].Value;
                body.Append(text["The meeting of {0} on {1} is cancelled.", group.Name, planned].Value).Append("\n\n")
                    .Append(text["Your facilitator says: {0}", reason].Value).Append("\n\n")
                    .Append(text["The next meetings are on the group's page. We are sorry for the change."].Value).Append("\n\n");
                break;
            case "move":
                subject = text["New time: {0} on {1}", group.Name, day].Value;
                body.Append(text["The meeting of {0} planned for {1} is moved.", group.Name, planned].Value).Append("\n\n")
                    .Append(text["New time: {0}", MeetingMessages.WhenFor(movedToUtc!.Value, group, person.TimeZoneId, text)].Value).Append("\n\n")
                    .Append(text["Your facilitator says: {0}", reason].Value).Append("\n\n")
                    .Append(MeetingMessages.HowToAttend(group, text)).Append("\n\n");
                break;
            default:
                subject = text["Back on: {0} on {1}", group.Name, day].Value;
                body.Append(text["Good news: the meeting of {0} on {1} will happen as planned after all.", group.Name, planned].Value).Append("\n\n")
                    .Append(MeetingMessages.HowToAttend(group, text)).Append("\n\n");
                break;
        }
        body.Append(text["The attached calendar file updates the group's meetings in your calendar."].Value).Append("\n\n")
            .Append(MeetingMessages.Footer(group, links, text));
        return (subject, body.ToString());
    }

    private static string Utc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
