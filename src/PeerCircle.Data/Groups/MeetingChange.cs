using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerCircle.Data.Groups;

/// <summary>
/// One meeting of a group's regular schedule that was cancelled or moved, as iCalendar models it: the occurrence is
/// named by its original start, and calendars show it cancelled or at its new time.
/// </summary>
public class MeetingChange
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }

    /// <summary>The start the schedule gave this meeting (UTC); the iCalendar RECURRENCE-ID.</summary>
    public DateTime OccurrenceStartUtc { get; set; }
    public bool Cancelled { get; set; }

    /// <summary>
    /// A one-off meeting the regular schedule does not give (an iCalendar RDATE), added by a facilitator. It can still
    /// be cancelled or moved like any other.
    /// </summary>
    public bool Added { get; set; }

    /// <summary>The new start when the meeting was moved rather than cancelled.</summary>
    public DateTime? MovedToStartUtc { get; set; }

    /// <summary>What members are told, e.g. "The library is closed for the holiday."</summary>
    public string Reason { get; set; } = "";
    public string ChangedById { get; set; } = "";
    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>A reminder sent for one meeting to one member, so each person gets it once.</summary>
public class MeetingReminder
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime OccurrenceStartUtc { get; set; }
    public DateTime SentAtUtc { get; set; }
}

internal sealed class MeetingChangeConfiguration : IEntityTypeConfiguration<MeetingChange>, IEntityTypeConfiguration<MeetingReminder>
{
    public void Configure(EntityTypeBuilder<MeetingChange> change)
    {
        change.Property(c => c.Reason).HasMaxLength(500);
        change.Property(c => c.ChangedById).HasMaxLength(64);
        change.HasIndex(c => new { c.GroupId, c.OccurrenceStartUtc }).IsUnique();
        change.HasOne(c => c.Group).WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingReminder> reminder)
    {
        reminder.Property(r => r.UserId).HasMaxLength(64);
        reminder.HasIndex(r => new { r.GroupId, r.OccurrenceStartUtc, r.UserId }).IsUnique();
    }
}
