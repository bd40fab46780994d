using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerCircle.Data.Groups;

/// <summary>
/// A facilitator's plan for one meeting of a group, named by the meeting's scheduled start: minutes for each of the
/// six phases of the program's format, the topic and exercise from the library, who will present, and notes for the
/// co-facilitator.
/// </summary>
public class MeetingPlan
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public DateTime OccurrenceStartUtc { get; set; }
    public string? TopicSlug { get; set; }

    /// <summary>The topic's version when the plan was saved, so a later edit of the topic does not change this plan.</summary>
    public int? TopicVersion { get; set; }

    /// <summary>Which of the topic's exercises (0 or 1).</summary>
    public int? ExerciseIndex { get; set; }
    public int CheckInMinutes { get; set; }
    public int PresentationsMinutes { get; set; }
    public int ExerciseMinutes { get; set; }
    public int FeedbackMinutes { get; set; }
    public int ConfidentialityMinutes { get; set; }
    public int ContactMinutes { get; set; }

    /// <summary>Members who offered to present, by the names they use in the group.</summary>
    public string? Presenters { get; set; }
    public string? CoFacilitatorNotes { get; set; }
    public string UpdatedById { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class MeetingPlanConfiguration : IEntityTypeConfiguration<MeetingPlan>
{
    public void Configure(EntityTypeBuilder<MeetingPlan> plan)
    {
        plan.Property(p => p.TopicSlug).HasMaxLength(100);
        plan.Property(p => p.Presenters).HasMaxLength(300);
        plan.Property(p => p.CoFacilitatorNotes).HasMaxLength(2000);
        plan.Property(p => p.UpdatedById).HasMaxLength(64);
        plan.HasIndex(p => new { p.GroupId, p.OccurrenceStartUtc }).IsUnique();
        plan.HasOne(p => p.Group).WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// A member's check-in for one meeting: distress this week from 0 (doing well) to 10 (the worst it has been), an
/// optional feeling word, and an optional note for the facilitator. Kept whole so the safety net can act on it.
/// </summary>
public class MeetingCheckIn
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public DateTime OccurrenceStartUtc { get; set; }
    public string UserId { get; set; } = "";
    public Accounts.PeerCircleUser? User { get; set; }
    public int Distress { get; set; }
    public string? FeelingWord { get; set; }
    public string? NoteForFacilitator { get; set; }

    /// <summary>The program's safety question (thoughts of harming themself); null when not answered. Yes is urgent.</summary>
    public bool? ThoughtsOfSelfHarm { get; set; }

    /// <summary>The member themself, or the facilitator who recorded it for them.</summary>
    public string RecordedById { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}

internal sealed class MeetingCheckInConfiguration : IEntityTypeConfiguration<MeetingCheckIn>
{
    public void Configure(EntityTypeBuilder<MeetingCheckIn> checkIn)
    {
        checkIn.Property(c => c.FeelingWord).HasMaxLength(40);
        checkIn.Property(c => c.NoteForFacilitator).HasMaxLength(1000);
        checkIn.Property(c => c.RecordedById).HasMaxLength(64);
        checkIn.HasIndex(c => new { c.GroupId, c.OccurrenceStartUtc, c.UserId }).IsUnique();
        checkIn.HasOne(c => c.Group).WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.Cascade);
        checkIn.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
