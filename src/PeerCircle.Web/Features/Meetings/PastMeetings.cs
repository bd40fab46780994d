using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;

namespace PeerCircle.Web.Features.Meetings;

/// <summary>
/// Meetings that have started: the one a link names by its occurrence key, and a group's recent ones. Feedback and the
/// post-meeting log both hang off a meeting that really took place, so a made-up or cancelled date finds nothing.
/// </summary>
public sealed class PastMeetings(PeerCircleDb db, TimeProvider time)
{
    /// <summary>The meeting a key names, if the group's schedule (or a one-off addition) gives it and it was not cancelled.</summary>
    public async Task<GroupMeeting?> FindAsync(Group group, string? occurrenceKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!TryParseKey(occurrenceKey, out var scheduledUtc))
        {
            return null;
        }
        var change = await db.MeetingChanges.AsNoTracking()
            .SingleOrDefaultAsync(c => c.GroupId == group.Id && c.OccurrenceStartUtc == scheduledUtc, cancellationToken);
        if (change is { Cancelled: true } || (change is not { Added: true } && !GroupCalendar.IsScheduled(group.Schedule, scheduledUtc)))
        {
            return null;
        }
        return change is null
            ? new GroupMeeting(group.Id, scheduledUtc, scheduledUtc, MeetingState.AsPlanned, null)
            : new GroupMeeting(group.Id, scheduledUtc, change.MovedToStartUtc ?? scheduledUtc, MeetingState.Moved, change.Reason);
    }

    /// <summary>True once the meeting has started.</summary>
    public bool HasStarted(GroupMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meeting.StartUtc <= time.GetUtcNow().UtcDateTime;
    }

    /// <summary>
    /// True once the meeting's time has come, or once a facilitator started it in the runner, which opens an hour
    /// early: a meeting begun and ended early can be logged straight away.
    /// </summary>
    public async Task<bool> HasBegunAsync(GroupMeeting meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return HasStarted(meeting) || await db.MeetingRuns.AnyAsync(
            r => r.GroupId == meeting.GroupId && r.OccurrenceStartUtc == meeting.ScheduledStartUtc, cancellationToken);
    }

    /// <summary>The group's meetings that started after <paramref name="sinceUtc"/> and by now, newest first.</summary>
    public Task<IReadOnlyList<GroupMeeting>> StartedSinceAsync(Group group, DateTime sinceUtc, CancellationToken cancellationToken) =>
        SinceAsync(group, sinceUtc, startedEarly: [], cancellationToken);

    /// <summary>As <see cref="StartedSinceAsync"/>, with any meeting a facilitator has started early in the runner.</summary>
    public async Task<IReadOnlyList<GroupMeeting>> BegunSinceAsync(Group group, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var runs = await db.MeetingRuns.AsNoTracking()
            .Where(r => r.GroupId == group.Id && r.OccurrenceStartUtc > sinceUtc)
            .Select(r => r.OccurrenceStartUtc)
            .ToListAsync(cancellationToken);
        return await SinceAsync(group, sinceUtc, [.. runs], cancellationToken);
    }

    private async Task<IReadOnlyList<GroupMeeting>> SinceAsync(Group group, DateTime sinceUtc, HashSet<DateTime> startedEarly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var now = time.GetUtcNow().UtcDateTime;
        var changes = await db.MeetingChanges.AsNoTracking()
            .Where(c => c.GroupId == group.Id && (c.OccurrenceStartUtc > sinceUtc || c.MovedToStartUtc > sinceUtc))
            .ToListAsync(cancellationToken);
        // A group meets at most weekly, so this many planned meetings always reach past now and the runner's early hour.
        var count = (int)Math.Ceiling((now - sinceUtc).TotalDays / 7) + 2;
        return [.. GroupCalendar.Upcoming(group, changes, sinceUtc, count, includeCancelled: false)
            .Where(m => m.StartUtc <= now || startedEarly.Contains(m.ScheduledStartUtc))
            .OrderByDescending(m => m.StartUtc)];
    }

    /// <summary>Reads a key written by <see cref="ChangeMeeting.OccurrenceKey"/>; anything else is refused.</summary>
    public static bool TryParseKey(string? key, out DateTime utc)
    {
        var parsed = DateTime.TryParseExact(key, "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return parsed;
    }
}
