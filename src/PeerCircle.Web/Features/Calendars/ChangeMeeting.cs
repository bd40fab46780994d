using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Infrastructure.Audit;

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

/// <summary>A date and time as typed, read in the group's zone: the instant, or what is wrong with it.</summary>
/// <param name="ClocksSkipIt">The time does not exist that day, because the clocks spring forward over it.</param>
public sealed record TypedStart(DateTime? Utc, bool BadDate, bool BadTime, bool ClocksSkipIt);

/// <summary>
/// Cancels or moves one meeting of a group, or undoes that (for an extra meeting, undoing takes it away), and tells
/// every member who allows e-mail, each in a message of their own with the updated calendar attached. The change and
/// its audit event are saved together.
/// </summary>
public sealed class ChangeMeeting(
    PeerCircleDb db, GroupCalendar calendar, MeetingNotices notices, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
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

    /// <summary>The next meetings the schedule gives and the extra ones, each with its change, as the facilitator's page lists them.</summary>
    public Task<IReadOnlyList<GroupMeeting>> UpcomingAsync(Group group, CancellationToken cancellationToken) =>
        calendar.ScheduledAsync(group, time.GetUtcNow().UtcDateTime, UpcomingCount, cancellationToken);

    /// <summary>
    /// The meeting under way (until it ends) and the next ones: a plan or a print-out is still needed at the door and
    /// while the meeting runs.
    /// </summary>
    public Task<IReadOnlyList<GroupMeeting>> UnderWayAndUpcomingAsync(Group group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        return calendar.ScheduledAsync(group, time.GetUtcNow().UtcDateTime.AddMinutes(-group.Schedule.DurationMinutes), UpcomingCount, cancellationToken);
    }

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
        DateTime? newStartUtc = null;
        if (action == "move")
        {
            var typed = ReadStart(form.NewDate, form.NewTime, zone);
            if (typed.BadDate)
            {
                Fail("NewDate", text["Please enter the new date as year-month-day, like 2027-03-04."]);
            }
            if (typed.BadTime)
            {
                Fail("NewTime", text["Please enter the new start time, like 18:30."]);
            }
            if (typed.ClocksSkipIt)
            {
                Fail("NewTime", text["That time does not exist on that day, because the clocks change. Please choose another time."]);
            }
            if (typed.Utc is { } start)
            {
                var taken = upcoming.Any(m => m != meeting && !m.Cancelled && m.StartUtc == start)
                    || (start != meeting.ScheduledStartUtc && GroupCalendar.IsScheduled(group.Schedule, start));
                if (start <= now)
                {
                    Fail("NewDate", text["That time has already passed. Please choose a time in the future."]);
                }
                else if (start == meeting.ScheduledStartUtc && !meeting.Added)
                {
                    Fail("NewDate", text["That is the usual time. To keep the meeting as planned, choose “Put it back as planned” instead."]);
                }
                else if (start == meeting.StartUtc && meeting.Added && !meeting.Cancelled)
                {
                    Fail("NewDate", text["The extra meeting is already at that time. Please choose another time to move it to."]);
                }
                else if (taken)
                {
                    Fail("NewDate", text["The group already meets at that time. Please choose another time."]);
                }
                // An extra meeting moved back to the time it was added with is simply on again at that time.
                movedToUtc = start == meeting.ScheduledStartUtc ? null : start;
                newStartUtc = start;
            }
        }
        if (errors.Count > 0)
        {
            return new MeetingChangeResult(null, errors);
        }

        var change = await db.MeetingChanges
            .SingleOrDefaultAsync(c => c.GroupId == group.Id && c.OccurrenceStartUtc == meeting.ScheduledStartUtc, cancellationToken);
        MeetingChange? takenAway = null;
        if (action == "undo")
        {
            if (change is null)
            {
                Fail("Action", text["This meeting has no change to undo."]);
                return new MeetingChangeResult(null, errors);
            }
            db.MeetingChanges.Remove(change);
            if (meeting.Added)
            {
                // What calendars that imported the extra meeting need to drop it, though the row is gone.
                takenAway = new MeetingChange
                {
                    GroupId = group.Id, OccurrenceStartUtc = change.OccurrenceStartUtc, Added = true, Cancelled = true,
                    Reason = "", ChangedById = userId, ChangedAtUtc = now,
                };
            }
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
        var what = meeting.Added ? "extra meeting" : "meeting";
        var detail = action switch
        {
            "cancel" => $"cancelled the {what} of {Utc(meeting.ScheduledStartUtc)}: {reason}",
            "move" => $"moved the {what} of {Utc(meeting.ScheduledStartUtc)} to {Utc(newStartUtc!.Value)}: {reason}",
            _ when meeting.Added => $"took away the extra meeting of {Utc(meeting.ScheduledStartUtc)}",
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

        // Members already told that an extra meeting is cancelled need no second message when it leaves the list.
        var notice = action switch
        {
            "cancel" => MeetingNotice.Cancelled,
            "move" => MeetingNotice.Moved,
            _ when meeting.Added => meeting.Cancelled ? (MeetingNotice?)null : MeetingNotice.TakenAway,
            _ => MeetingNotice.BackOn,
        };
        var (told, failed) = notice is { } n
            ? await notices.SendAsync(group, n, meeting, newStartUtc, reason, takenAway, cancellationToken)
            : (0, 0);
        var when = MeetingMessages.When(meeting.ScheduledStartUtc, group.Schedule.TimeZoneId);
        var done = action switch
        {
            "cancel" => text["The meeting on {0} is cancelled.", when].Value,
            "move" => text["The meeting on {0} is moved to {1}.", when, MeetingMessages.When(newStartUtc!.Value, group.Schedule.TimeZoneId)].Value,
            _ when meeting.Added => text["The extra meeting on {0} is taken away.", MeetingMessages.When(meeting.StartUtc, group.Schedule.TimeZoneId)].Value,
            _ => text["The meeting on {0} is back as planned.", when].Value,
        };
        return new MeetingChangeResult(Summary(done, notice is null ? null : told, failed), errors);
    }

    /// <summary>
    /// Reads a date and start time typed in the group's zone. A time the clocks skip (spring forward) does not exist;
    /// in the repeated hour (fall back) the standard-time one is meant.
    /// </summary>
    public static TypedStart ReadStart(string? date, string? start, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var hasDate = DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
        var hasTime = TimeOnly.TryParseExact(start?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock);
        if (!hasDate || !hasTime)
        {
            return new TypedStart(null, !hasDate, !hasTime, ClocksSkipIt: false);
        }
        var local = day.ToDateTime(clock, DateTimeKind.Unspecified);
        return zone.IsInvalidTime(local)
            ? new TypedStart(null, false, false, ClocksSkipIt: true)
            : new TypedStart(TimeZoneInfo.ConvertTimeToUtc(local, zone), false, false, ClocksSkipIt: false);
    }

    /// <summary>What the facilitator reads after a change: what happened and who was told.</summary>
    public string Summary(string done, int? told, int failed)
    {
        var message = new StringBuilder(done);
        if (told is { } count)
        {
            message.Append(' ').Append(text["We e-mailed {0} members.", count].Value);
        }
        if (failed > 0)
        {
            message.Append(' ').Append(text["{0} e-mails could not be sent; please tell those members yourself.", failed].Value);
        }
        return message.ToString();
    }

    public static string Utc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
