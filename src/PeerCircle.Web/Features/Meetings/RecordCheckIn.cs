using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Meetings;

public sealed class CheckInForm
{
    public string? Distress { get; set; }
    public string? FeelingWord { get; set; }
    public string? Note { get; set; }

    /// <summary>"yes", "no" or "skip" for the program's safety question; empty when not asked.</summary>
    public string? SafetyQuestion { get; set; }
}

/// <summary>
/// A member's check-in for their group's next meeting, open from the day before until the meeting ends. One per
/// member and meeting; checking in again replaces it. The score and words are stored whole for the safety net.
/// </summary>
public sealed class RecordCheckIn(
    PeerCircleDb db, GroupCalendar calendar, AuditTrail audit, Runner.MeetingRoom room, Safety.Signals.SafetySignals signals, TimeProvider time,
    IStringLocalizer<SharedResource> text)
{
    public const int HighDistress = 7;

    /// <summary>How urgent the safety signal from the last check-in handled was; null when none fired.</summary>
    public Data.Safety.CasePriority? LastSignal { get; private set; }
    public const int FeelingMax = 40;
    public const int NoteMax = 1000;

    /// <summary>The meeting a check-in is for right now, or null with the next meeting's start when none is open yet.</summary>
    public async Task<(GroupMeeting? Open, DateTime? NextStartUtc)> OpenMeetingAsync(Group group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var now = time.GetUtcNow().UtcDateTime;
        var meetings = await calendar.ScheduledAsync(group, now.AddMinutes(-group.Schedule.DurationMinutes), 3, cancellationToken);
        // In the order they happen: an extra meeting or a moved one can come before the next regular one.
        var next = meetings.Where(m => !m.Cancelled && m.StartUtc.AddMinutes(group.Schedule.DurationMinutes) > now).MinBy(m => m.StartUtc);
        if (next is null)
        {
            return (null, null);
        }
        return next.StartUtc.AddHours(-24) <= now ? (next, next.StartUtc) : (null, next.StartUtc);
    }

    public async Task<MeetingCheckIn?> MineAsync(Guid groupId, DateTime occurrenceUtc, string userId, CancellationToken cancellationToken) =>
        await db.MeetingCheckIns.AsNoTracking()
            .SingleOrDefaultAsync(c => c.GroupId == groupId && c.OccurrenceStartUtc == occurrenceUtc && c.UserId == userId, cancellationToken);

    public async Task<Dictionary<string, string[]>> HandleAsync(Group group, GroupMeeting meeting, string memberId, string recordedById, CheckInForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        if (!int.TryParse(form.Distress, NumberStyles.None, CultureInfo.InvariantCulture, out var distress) || distress > 10)
        {
            errors["Distress"] = [text["Please choose a number from 0 to 10 for how you are doing this week."]];
        }
        var feeling = form.FeelingWord?.Trim();
        if (feeling is { Length: > FeelingMax })
        {
            errors["FeelingWord"] = [text["Please use one or two words here (up to {0} characters).", FeelingMax]];
        }
        var note = form.Note?.Trim();
        if (note is { Length: > NoteMax })
        {
            errors["Note"] = [text["Please keep your note under {0} characters.", NoteMax]];
        }
        bool? selfHarm = form.SafetyQuestion switch { "yes" => true, "no" => false, _ => null };
        if (form.SafetyQuestion is not (null or "" or "yes" or "no" or "skip"))
        {
            errors["SafetyQuestion"] = [text["Please choose yes, no, or rather not say."]];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var checkIn = await db.MeetingCheckIns.SingleOrDefaultAsync(
            c => c.GroupId == group.Id && c.OccurrenceStartUtc == meeting.ScheduledStartUtc && c.UserId == memberId, cancellationToken);
        if (checkIn is null)
        {
            checkIn = new MeetingCheckIn { GroupId = group.Id, OccurrenceStartUtc = meeting.ScheduledStartUtc, UserId = memberId };
            db.MeetingCheckIns.Add(checkIn);
        }
        checkIn.Distress = distress;
        checkIn.FeelingWord = string.IsNullOrEmpty(feeling) ? null : feeling;
        checkIn.NoteForFacilitator = string.IsNullOrEmpty(note) ? null : note;
        checkIn.RecordedById = recordedById;
        checkIn.ThoughtsOfSelfHarm = selfHarm;
        checkIn.RecordedAtUtc = time.GetUtcNow().UtcDateTime;
        // The signal (if any) is saved with the check-in, before anyone is told.
        LastSignal = await signals.CheckInAsync(checkIn, recordedById == memberId ? "check-in" : "check-in recorded by a facilitator", cancellationToken);
        var key = ChangeMeeting.OccurrenceKey(meeting.ScheduledStartUtc);
        audit.StageChange(AuditActions.MeetingCheckInRecorded, "Member", memberId, recordedById == memberId ? key : $"{key}, recorded for them by a facilitator");
        await db.SaveChangesAsync(cancellationToken);
        // A facilitator with the meeting open in the runner sees the check-in arrive.
        room.Publish(group.Id, meeting.ScheduledStartUtc);
        return errors;
    }
}
