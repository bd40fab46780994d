using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Data.Supervision;

/// <summary>
/// A debrief between a facilitator and a supervisor: a weekly one, or an urgent "I need to debrief now" request.
/// Its notes live apart from member records; only the two people and coordinators may read them.
/// </summary>
public class Debrief
{
    public long Id { get; set; }
    public string FacilitatorId { get; set; } = "";
    public PeerCircleUser? Facilitator { get; set; }

    /// <summary>Empty while an urgent request waits for a supervisor to take it.</summary>
    public string? SupervisorId { get; set; }
    public PeerCircleUser? Supervisor { get; set; }
    public DebriefKind Kind { get; set; }
    public DebriefStatus Status { get; set; }

    /// <summary>For urgent requests: what the facilitator said they need, in their words.</summary>
    public string? Request { get; set; }
    public DateTime? RequestedAtUtc { get; set; }
    public DateTime? HeldAtUtc { get; set; }
    public string? Notes { get; set; }
}

public enum DebriefKind { Weekly, Urgent }

public enum DebriefStatus { Requested, Held }

/// <summary>A facilitator's short well-being check-in.</summary>
public class WellbeingCheckIn
{
    public long Id { get; set; }
    public string FacilitatorId { get; set; } = "";
    public PeerCircleUser? Facilitator { get; set; }

    /// <summary>0 (empty) to 10 (full of energy).</summary>
    public int Energy { get; set; }

    /// <summary>0 (calm) to 10 (overwhelmed).</summary>
    public int Stress { get; set; }

    /// <summary>Signs of compassion fatigue the facilitator ticked, as keys separated by commas.</summary>
    public string FatigueSigns { get; set; } = "";
    public string? Note { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>A facilitator pausing their facilitation for a while; coordinators see it.</summary>
public class FacilitationPause
{
    public long Id { get; set; }
    public string FacilitatorId { get; set; } = "";
    public PeerCircleUser? Facilitator { get; set; }
    public string? Reason { get; set; }
    public DateTime PausedAtUtc { get; set; }
    public DateTime? ResumedAtUtc { get; set; }
}

internal sealed class SupervisionConfiguration :
    IEntityTypeConfiguration<Debrief>, IEntityTypeConfiguration<WellbeingCheckIn>, IEntityTypeConfiguration<FacilitationPause>
{
    public void Configure(EntityTypeBuilder<Debrief> debrief)
    {
        debrief.Property(d => d.Kind).HasConversion<string>().HasMaxLength(10);
        debrief.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        debrief.Property(d => d.Request).HasMaxLength(1000);
        debrief.Property(d => d.Notes).HasMaxLength(8000);
        debrief.HasIndex(d => new { d.FacilitatorId, d.Status });
        debrief.HasIndex(d => new { d.SupervisorId, d.Status });
        debrief.HasOne(d => d.Facilitator).WithMany().HasForeignKey(d => d.FacilitatorId).OnDelete(DeleteBehavior.Cascade);
        debrief.HasOne(d => d.Supervisor).WithMany().HasForeignKey(d => d.SupervisorId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<WellbeingCheckIn> checkIn)
    {
        checkIn.Property(c => c.FatigueSigns).HasMaxLength(500);
        checkIn.Property(c => c.Note).HasMaxLength(2000);
        checkIn.HasIndex(c => new { c.FacilitatorId, c.RecordedAtUtc });
        checkIn.HasOne(c => c.Facilitator).WithMany().HasForeignKey(c => c.FacilitatorId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<FacilitationPause> pause)
    {
        pause.Property(p => p.Reason).HasMaxLength(1000);
        pause.HasIndex(p => new { p.FacilitatorId, p.ResumedAtUtc });
        pause.HasOne(p => p.Facilitator).WithMany().HasForeignKey(p => p.FacilitatorId).OnDelete(DeleteBehavior.Cascade);
    }
}
