using System.Text;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Members;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;
using PeerCircle.Web.Infrastructure.Texts;

namespace PeerCircle.Web.Features.Calendars;

/// <summary>What happened to one meeting, as members are told about it.</summary>
public enum MeetingNotice { Cancelled, Moved, BackOn, Added, TakenAway }

/// <summary>
/// Tells every member of a group who allows e-mail that one meeting changed, each in a message of their own (in the
/// group's language, with times in their own zone) with the group's updated calendar attached. Members whose chosen
/// channel is text (<see cref="ReminderChannels.Choose"/>) get a short text too, which names no group.
/// </summary>
public sealed class MeetingNotices(
    GroupCalendar calendar, MeetingRecipients recipients, EmailSender email, TextSender texts, PeerCircleDb db, AuditTrail audit,
    CalendarLinks links, TimeProvider time, IStringLocalizer<SharedResource> text, ILogger<MeetingNotices> logger)
{
    /// <summary>Sends the messages and returns how many went out and how many could not be sent.</summary>
    /// <param name="newStartUtc">The new time of a moved meeting.</param>
    /// <param name="takenAway">
    /// An extra meeting that was just taken away: it is no longer stored, but the attached file must still carry it,
    /// cancelled, so calendars that imported it drop it.
    /// </param>
    public async Task<(int Told, int Failed)> SendAsync(
        Group group, MeetingNotice notice, GroupMeeting meeting, DateTime? newStartUtc, string reason, MeetingChange? takenAway,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(meeting);
        var people = await recipients.ForGroupsAsync([group.Id], cancellationToken);
        var texted = (await recipients.ForRemindersAsync([group.Id], cancellationToken)).Where(p => p.Channel == ReminderChannel.Text).ToList();
        // On top of the e-mails, which the counts returned are about.
        await TextAsync(group, notice, meeting, newStartUtc, texted, cancellationToken);
        if (people.Count == 0)
        {
            return (0, 0);
        }
        var changes = await calendar.AllChangesAsync([group.Id], cancellationToken);
        if (takenAway is not null)
        {
            changes.Add(takenAway);
        }
        var ics = MeetingMessages.InGroupLanguage(group, () => MeetingCalendarFile.ToIcs(
            [new CalendarEntry(group, changes, ShowPrivateDetails: true, links.GroupPage(group.Slug)) { Imported = true }],
            group.Name, time.GetUtcNow().UtcDateTime, text));
        var attachment = new CalendarAttachment($"{group.Slug}.ics", ics);
        var (told, failed) = (0, 0);
        foreach (var person in people)
        {
            var (subject, body) = MeetingMessages.InGroupLanguage(group, () => Compose(group, notice, meeting, newStartUtc, reason, person));
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

    /// <summary>The short texts: what changed and when, and where to read more; never the group's name.</summary>
    private async Task TextAsync(
        Group group, MeetingNotice notice, GroupMeeting meeting, DateTime? newStartUtc, List<ReminderRecipient> people, CancellationToken cancellationToken)
    {
        foreach (var person in people)
        {
            var message = MeetingMessages.InGroupLanguage(group, () =>
            {
                var current = MeetingMessages.WhenFor(meeting.StartUtc, group, person.TimeZoneId, text);
                var planned = MeetingMessages.WhenFor(meeting.ScheduledStartUtc, group, person.TimeZoneId, text);
                return (notice switch
                {
                    MeetingNotice.Cancelled => text["PeerCircle: your group's meeting on {0} is cancelled. More on your page: {1} Reply STOP to stop texts.", current, links.MyGroups],
                    MeetingNotice.Moved => text["PeerCircle: your group's meeting planned for {0} is moved to {1}. More on your page: {2} Reply STOP to stop texts.",
                        planned, MeetingMessages.WhenFor(newStartUtc!.Value, group, person.TimeZoneId, text), links.MyGroups],
                    MeetingNotice.Added => text["PeerCircle: your group has an extra meeting on {0}. More on your page: {1} Reply STOP to stop texts.", current, links.MyGroups],
                    MeetingNotice.TakenAway => text["PeerCircle: your group's extra meeting on {0} will not happen after all. More on your page: {1} Reply STOP to stop texts.", current, links.MyGroups],
                    _ => text["PeerCircle: good news, your group's meeting on {0} will happen as planned after all. More on your page: {1} Reply STOP to stop texts.", planned, links.MyGroups],
                }).Value;
            });
            try
            {
                await texts.SendAsync(person.Address, message, cancellationToken);
            }
            catch (TextNotSentException refused) when (refused.OptedOut)
            {
                await ReminderChannels.StopTextingAsync(db, audit, person.UserId, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The change is saved; one number that fails must not stop the others hearing about it.
                logger.LogError(exception, "Could not text a member about a change to group {GroupId}", group.Id);
            }
        }
    }

    private (string Subject, string Body) Compose(
        Group group, MeetingNotice notice, GroupMeeting meeting, DateTime? newStartUtc, string reason, MeetingRecipient person)
    {
        var planned = MeetingMessages.WhenFor(meeting.ScheduledStartUtc, group, person.TimeZoneId, text);
        // A cancelled or dropped meeting is named by the time members know it at, which is its new time if it was moved.
        var current = MeetingMessages.WhenFor(meeting.StartUtc, group, person.TimeZoneId, text);
        var day = MeetingMessages.When(meeting.ScheduledStartUtc, group.Schedule.TimeZoneId);
        var currentDay = MeetingMessages.When(meeting.StartUtc, group.Schedule.TimeZoneId);
        var body = new StringBuilder()
            .Append(text["Hello {0},", person.DisplayName].Value).Append("\n\n");
        string subject;
        switch (notice)
        {
            case MeetingNotice.Cancelled:
                subject = text["Cancelled: {0} on {1}", group.Name, currentDay].Value;
                body.Append(text["The meeting of {0} on {1} is cancelled.", group.Name, current].Value).Append("\n\n")
                    .Append(text["Your facilitator says: {0}", reason].Value).Append("\n\n")
                    .Append(text["The next meetings are on the group's page. We are sorry for the change."].Value).Append("\n\n");
                break;
            case MeetingNotice.Moved:
                subject = text["New time: {0} on {1}", group.Name, day].Value;
                body.Append(text["The meeting of {0} planned for {1} is moved.", group.Name, planned].Value).Append("\n\n")
                    .Append(text["New time: {0}", MeetingMessages.WhenFor(newStartUtc!.Value, group, person.TimeZoneId, text)].Value).Append("\n\n")
                    .Append(text["Your facilitator says: {0}", reason].Value).Append("\n\n")
                    .Append(MeetingMessages.HowToAttend(group, text)).Append("\n\n");
                break;
            case MeetingNotice.Added:
                subject = text["Extra meeting: {0} on {1}", group.Name, currentDay].Value;
                body.Append(text["{0} has an extra meeting on {1}, as well as the usual ones.", group.Name, current].Value).Append("\n\n")
                    .Append(text["Your facilitator says: {0}", reason].Value).Append("\n\n")
                    .Append(text["Come if you can. If you cannot, that is all right."].Value).Append("\n\n")
                    .Append(MeetingMessages.HowToAttend(group, text)).Append("\n\n");
                break;
            case MeetingNotice.TakenAway:
                subject = text["Off: the extra meeting of {0} on {1}", group.Name, currentDay].Value;
                body.Append(text["The extra meeting of {0} on {1} will not happen after all.", group.Name, current].Value).Append("\n\n")
                    .Append(text["Your usual meetings go on as planned. The next meetings are on the group's page."].Value).Append("\n\n");
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
}
