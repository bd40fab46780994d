using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Data.Training;

/// <summary>A live training session for a cohort: role plays with a coordinator, in a room or on video.</summary>
public class Workshop
{
    public long Id { get; set; }
    public string Title { get; set; } = "";

    /// <summary>What the cohort will practise, shown on the invitation.</summary>
    public string Agenda { get; set; } = "";
    public DateTime StartsAtUtc { get; set; }
    public int Minutes { get; set; }

    /// <summary>The IANA time zone the coordinator planned it in; invitations show local time there.</summary>
    public string TimeZoneId { get; set; } = "";

    /// <summary>A street address or a video link.</summary>
    public string Location { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? CancelledAtUtc { get; set; }
    public List<WorkshopSeat> Seats { get; set; } = [];
}

public enum WorkshopAttendance
{
    Invited = 0,
    Present = 1,
    Absent = 2,
    Excused = 3,
}

/// <summary>One facilitator invited to a workshop, and whether they came.</summary>
public class WorkshopSeat
{
    public long Id { get; set; }
    public long WorkshopId { get; set; }
    public Workshop? Workshop { get; set; }
    public string FacilitatorId { get; set; } = "";
    public PeerCircleUser? Facilitator { get; set; }
    public WorkshopAttendance Attendance { get; set; }
    public DateTime? AttendanceRecordedAtUtc { get; set; }
}

internal sealed class WorkshopConfiguration : IEntityTypeConfiguration<Workshop>, IEntityTypeConfiguration<WorkshopSeat>
{
    public void Configure(EntityTypeBuilder<Workshop> workshop)
    {
        workshop.Property(w => w.Title).HasMaxLength(120);
        workshop.Property(w => w.Agenda).HasMaxLength(2000);
        workshop.Property(w => w.TimeZoneId).HasMaxLength(64);
        workshop.Property(w => w.Location).HasMaxLength(300);
        workshop.Property(w => w.CreatedById).HasMaxLength(64);
        workshop.HasIndex(w => w.StartsAtUtc);
        workshop.HasMany(w => w.Seats).WithOne(s => s.Workshop).HasForeignKey(s => s.WorkshopId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<WorkshopSeat> seat)
    {
        seat.Property(s => s.Attendance).HasConversion<string>().HasMaxLength(16);
        seat.HasIndex(s => new { s.WorkshopId, s.FacilitatorId }).IsUnique();
        seat.HasIndex(s => s.FacilitatorId);
        seat.HasOne(s => s.Facilitator).WithMany().HasForeignKey(s => s.FacilitatorId).OnDelete(DeleteBehavior.Cascade);
    }
}
