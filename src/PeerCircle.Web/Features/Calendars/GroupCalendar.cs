using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.Web.Features.Calendars;

public enum MeetingState { AsPlanned, Moved, Cancelled }

/// <summary>
/// One meeting of a group: the start its schedule gave it (which names it, like an iCalendar RECURRENCE-ID) and the
/// start it really has, after a facilitator cancelled or moved it.
/// </summary>
/// <param name="Added">
/// A one-off extra meeting a facilitator added to the schedule; <paramref name="ScheduledStartUtc"/> is the start it
/// was added with, and names it the same way.
/// </param>
public sealed record GroupMeeting(Guid GroupId, DateTime ScheduledStartUtc, DateTime StartUtc, MeetingState State, string? Reason, bool Added = false)
{
    public bool Cancelled => State == MeetingState.Cancelled;
}

/// <summary>
/// The one place that knows when a group really meets: its regular schedule with one-off cancellations and moves
/// applied, and the extra meetings facilitators added. Pages, reminders and calendar files all ask here.
/// </summary>
public sealed class GroupCalendar(PeerCircleDb db, TimeProvider time)
{
    /// <summary>The next meetings that will happen, at their real time; cancelled ones are left out.</summary>
    public async Task<IReadOnlyList<DateTime>> NextMeetingsAsync(Group group, int count, CancellationToken cancellationToken) =>
        [.. (await NextAsync(group, count, cancellationToken)).Select(m => m.StartUtc)];

    /// <summary>The next meetings that will happen, in time order, extra meetings among them; cancelled ones are left out.</summary>
    public async Task<IReadOnlyList<GroupMeeting>> NextAsync(Group group, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var now = time.GetUtcNow().UtcDateTime;
        if (!Meets(group.Status))
        {
            return [];
        }
        var changes = await ChangesFromAsync([group.Id], now, cancellationToken);
        return Upcoming(group, changes, now, count, includeCancelled: false);
    }

    /// <summary>
    /// The next <paramref name="count"/> meetings the schedule gives after <paramref name="afterUtc"/>, each with
    /// what happened to it, and every extra meeting added after then, in the order they were planned; for
    /// facilitators, who change meetings by the date they were planned for. Extra meetings are listed however far
    /// ahead they are, so they can always be planned, moved or cancelled.
    /// </summary>
    public async Task<IReadOnlyList<GroupMeeting>> ScheduledAsync(Group group, DateTime afterUtc, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!Meets(group.Status))
        {
            return [];
        }
        var changes = await ChangesFromAsync([group.Id], afterUtc, cancellationToken);
        var byStart = changes.ToDictionary(c => c.OccurrenceStartUtc);
        var extras = Extras(group.Schedule, changes).Where(c => c.OccurrenceStartUtc > afterUtc).Select(c => FromChange(group.Id, c));
        return [.. MeetingTimes.Next(group.Schedule, afterUtc, count)
            .Select(start => Apply(group.Id, start, byStart))
            .Concat(extras)
            .OrderBy(m => m.ScheduledStartUtc)];
    }

    /// <summary>Changes to the groups' meetings that still matter after <paramref name="afterUtc"/>.</summary>
    public async Task<List<MeetingChange>> ChangesFromAsync(IReadOnlyCollection<Guid> groupIds, DateTime afterUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        return await db.MeetingChanges.AsNoTracking()
            .Where(c => groupIds.Contains(c.GroupId) && (c.OccurrenceStartUtc > afterUtc || c.MovedToStartUtc > afterUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every change ever made to the groups' meetings, for calendar files.</summary>
    public async Task<List<MeetingChange>> AllChangesAsync(IReadOnlyCollection<Guid> groupIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        return await db.MeetingChanges.AsNoTracking()
            .Where(c => groupIds.Contains(c.GroupId))
            .OrderBy(c => c.OccurrenceStartUtc)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Paused and closed groups have no meetings coming up.</summary>
    public static bool Meets(GroupStatus status) => status is GroupStatus.Active or GroupStatus.Recruiting;

    /// <summary>
    /// The group's meetings that start after <paramref name="afterUtc"/>, in the order they happen: moved meetings at
    /// their new time (also when the planned time has passed), extra meetings among the regular ones, cancelled ones
    /// marked or left out.
    /// </summary>
    public static IReadOnlyList<GroupMeeting> Upcoming(
        Group group, IEnumerable<MeetingChange> changes, DateTime afterUtc, int count, bool includeCancelled)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(changes);
        var mine = changes.Where(c => c.GroupId == group.Id).ToList();
        var byStart = mine.ToDictionary(c => c.OccurrenceStartUtc);
        // Each change can take at most one meeting out of the list, so this many planned ones always suffice.
        var planned = MeetingTimes.Next(group.Schedule, afterUtc, count + mine.Count(c => c.OccurrenceStartUtc > afterUtc));
        var meetings = planned.Select(start => Apply(group.Id, start, byStart)).ToList();
        meetings.AddRange(mine
            .Where(c => !c.Cancelled && c.OccurrenceStartUtc <= afterUtc && c.MovedToStartUtc > afterUtc
                && IsScheduled(group.Schedule, c.OccurrenceStartUtc))
            .Select(c => new GroupMeeting(group.Id, c.OccurrenceStartUtc, c.MovedToStartUtc!.Value, MeetingState.Moved, c.Reason)));
        meetings.AddRange(Extras(group.Schedule, mine).Select(c => FromChange(group.Id, c)));
        return [.. meetings
            .Where(m => m.StartUtc > afterUtc && (includeCancelled || !m.Cancelled))
            .OrderBy(m => m.StartUtc)
            .Take(count)];
    }

    /// <summary>True when the schedule really has a meeting starting at this instant.</summary>
    public static bool IsScheduled(MeetingSchedule schedule, DateTime startUtc)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var next = MeetingTimes.Next(schedule, startUtc.AddMinutes(-1), 1);
        return next.Count == 1 && next[0] == startUtc;
    }

    /// <summary>
    /// The extra meetings among these changes. One added at a time the schedule now gives itself (because the
    /// schedule was edited later) is that regular meeting's change instead, so the group never meets twice at once.
    /// </summary>
    public static IEnumerable<MeetingChange> Extras(MeetingSchedule schedule, IEnumerable<MeetingChange> changes)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(changes);
        return changes.Where(c => c.Added && !IsScheduled(schedule, c.OccurrenceStartUtc));
    }

    private static GroupMeeting Apply(Guid groupId, DateTime scheduledUtc, Dictionary<DateTime, MeetingChange> changes) =>
        changes.TryGetValue(scheduledUtc, out var change)
            ? FromChange(groupId, change)
            : new GroupMeeting(groupId, scheduledUtc, scheduledUtc, MeetingState.AsPlanned, null);

    private static GroupMeeting FromChange(Guid groupId, MeetingChange change)
    {
        var planned = change.OccurrenceStartUtc;
        if (change.Cancelled)
        {
            return new GroupMeeting(groupId, planned, planned, MeetingState.Cancelled, change.Reason, change.Added);
        }
        // An extra meeting that was not moved is simply on; the reason is why it was added.
        var state = change.Added && change.MovedToStartUtc is null ? MeetingState.AsPlanned : MeetingState.Moved;
        return new GroupMeeting(groupId, planned, change.MovedToStartUtc ?? planned, state, change.Reason, change.Added);
    }
}
