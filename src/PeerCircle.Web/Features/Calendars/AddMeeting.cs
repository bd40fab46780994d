using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Calendars;

/// <summary>An extra meeting as the facilitator typed it: all text, so anything wrong comes back with a message.</summary>
public sealed class AddMeetingForm
{
    /// <summary>The day, year-month-day, in the group's time zone.</summary>
    public string? Date { get; set; }

    /// <summary>The start time, 24-hour, in the group's time zone.</summary>
    public string? Time { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// Adds a one-off extra meeting to a group's schedule: in the future (at most a year ahead), at a time that exists in
/// the group's zone, and not while the group already meets. It is stored as an added <see cref="MeetingChange"/>
/// named by its start, so it can be planned, moved, cancelled or taken away like any other meeting; every member who
/// allows e-mail is told, each in a message of their own with the calendar attached.
/// </summary>
public sealed class AddMeeting(
    PeerCircleDb db, ChangeMeeting changes, MeetingNotices notices, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public static readonly TimeSpan FarthestAhead = TimeSpan.FromDays(366);

    public async Task<MeetingChangeResult> HandleAsync(Group group, AddMeetingForm form, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);
        var now = time.GetUtcNow().UtcDateTime;
        if (!GroupCalendar.Meets(group.Status))
        {
            Fail("Date", text["This group is taking a break or has closed, so it has no meetings to add to."]);
            return new MeetingChangeResult(null, errors);
        }

        var reason = (form.Reason ?? "").Trim();
        if (reason.Length == 0)
        {
            Fail("Reason", text["Please say why, in a few plain words. Members will read this, for example: “An extra meeting before the holidays.”"]);
        }
        else if (reason.Length > ChangeMeeting.ReasonMax)
        {
            Fail("Reason", text["Please keep the reason under 500 characters."]);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(group.Schedule.TimeZoneId);
        var typed = ChangeMeeting.ReadStart(form.Date, form.Time, zone);
        if (typed.BadDate)
        {
            Fail("Date", text["Please enter the date as year-month-day, like 2027-03-04."]);
        }
        if (typed.BadTime)
        {
            Fail("Time", text["Please enter the start time, like 18:30."]);
        }
        if (typed.ClocksSkipIt)
        {
            Fail("Time", text["That time does not exist on that day, because the clocks change. Please choose another time."]);
        }
        if (typed.Utc is { } start)
        {
            if (start <= now)
            {
                Fail("Date", text["That time has already passed. Please choose a time in the future."]);
            }
            else if (start > now + FarthestAhead)
            {
                Fail("Date", text["Please choose a date within the next year."]);
            }
            else if (await ClashAsync(group, start, cancellationToken) is { } clash)
            {
                Fail("Time", clash);
            }
        }
        if (errors.Count > 0)
        {
            return new MeetingChangeResult(null, errors);
        }

        var added = new MeetingChange
        {
            GroupId = group.Id, OccurrenceStartUtc = typed.Utc!.Value, Added = true, Reason = reason, ChangedById = userId, ChangedAtUtc = now,
        };
        db.MeetingChanges.Add(added);
        audit.StageChange(AuditActions.MeetingChanged, "Group", group.Id.ToString(), $"added an extra meeting at {ChangeMeeting.Utc(added.OccurrenceStartUtc)}: {reason}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added or changed a meeting at this very time a moment ago; the unique index kept theirs.
            Fail("Time", text["Someone else changed this meeting just now. Please look at the list again and try once more."]);
            return new MeetingChangeResult(null, errors);
        }

        var meeting = new GroupMeeting(group.Id, added.OccurrenceStartUtc, added.OccurrenceStartUtc, MeetingState.AsPlanned, reason, Added: true);
        var (told, failed) = await notices.SendAsync(group, MeetingNotice.Added, meeting, null, reason, null, cancellationToken);
        var done = text["An extra meeting is added on {0}.", MeetingMessages.When(added.OccurrenceStartUtc, group.Schedule.TimeZoneId)].Value;
        return new MeetingChangeResult(changes.Summary(done, told, failed), errors);
    }

    /// <summary>
    /// Why the group cannot meet at <paramref name="startUtc"/>: it overlaps a meeting it already has, or a regular
    /// meeting (even a cancelled or moved one) or an earlier extra meeting is named by that very time.
    /// </summary>
    private async Task<string?> ClashAsync(Group group, DateTime startUtc, CancellationToken cancellationToken)
    {
        var length = TimeSpan.FromMinutes(group.Schedule.DurationMinutes);
        if (GroupCalendar.IsScheduled(group.Schedule, startUtc)
            || await db.MeetingChanges.AnyAsync(c => c.GroupId == group.Id && c.OccurrenceStartUtc == startUtc, cancellationToken))
        {
            return text["The group already has a meeting at that time. Please choose another time."];
        }
        var from = startUtc - length;
        var nearby = await db.MeetingChanges.AsNoTracking()
            .Where(c => c.GroupId == group.Id && (c.OccurrenceStartUtc > from || c.MovedToStartUtc > from))
            .ToListAsync(cancellationToken);
        var overlapping = GroupCalendar.Upcoming(group, nearby, from, 3, includeCancelled: false)
            .FirstOrDefault(m => m.StartUtc < startUtc + length);
        return overlapping is null
            ? null
            : text["That would overlap the meeting on {0}. Please choose another time.", MeetingMessages.When(overlapping.StartUtc, group.Schedule.TimeZoneId)].Value;
    }
}
