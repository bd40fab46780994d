using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerCircle.Data.Outcomes;

/// <summary>What a <see cref="CountedMonth"/> holds.</summary>
public enum CountedKind
{
    /// <summary>Paired baseline–follow-up scores completed in the month (<see cref="BenefitChangeCount"/>); UTC months.</summary>
    BenefitChanges,

    /// <summary>People and attendances at meetings held in the month (<see cref="AttendanceCount"/>); program-time months.</summary>
    Attendance,
}

/// <summary>
/// A month that has ended, counted ahead for the outcomes dashboard, so a report over a year reads a few thousand
/// counts instead of hundreds of thousands of rows. A month is listed only while its counts match the rows they came
/// from: saving a change to one of those rows removes the month (and its counts, by cascade) in the same save, and it is
/// counted again by the next sweep. Every month is also counted again once a day.
/// </summary>
public class CountedMonth
{
    public long Id { get; set; }
    public CountedKind Kind { get; set; }

    /// <summary>The first instant of the month, UTC.</summary>
    public DateTime StartUtc { get; set; }

    /// <summary>The first instant after the month, UTC.</summary>
    public DateTime EndUtc { get; set; }

    public DateTime CountedAtUtc { get; set; }

    /// <summary>Which version of the counting rules counted it: months counted under other rules are counted again.</summary>
    public int RulesVersion { get; set; }

    public List<BenefitChangeCount> BenefitChanges { get; set; } = [];
    public AttendanceCount? Attendance { get; set; }
}

/// <summary>How many baseline–follow-up pairs completed in one month had one change, on one scale, at one dose band.</summary>
public class BenefitChangeCount
{
    public long Id { get; set; }
    public long MonthId { get; set; }
    public CountedMonth? Month { get; set; }
    public long InstrumentId { get; set; }
    public string Scale { get; set; } = "";
    public int DaysAfterJoining { get; set; }

    /// <summary>The dose band of the meetings attended (the benefit analysis's <c>DoseBand</c>, as a number).</summary>
    public int DoseBand { get; set; }

    /// <summary>Follow-up score minus baseline score.</summary>
    public double Change { get; set; }

    public int Count { get; set; }
}

/// <summary>The people (each once) and attendances at meetings held in one month, across all groups.</summary>
public class AttendanceCount
{
    public long Id { get; set; }
    public long MonthId { get; set; }
    public CountedMonth? Month { get; set; }
    public int People { get; set; }
    public int Attendances { get; set; }
}

internal sealed class CountedMonthsConfiguration :
    IEntityTypeConfiguration<CountedMonth>, IEntityTypeConfiguration<BenefitChangeCount>, IEntityTypeConfiguration<AttendanceCount>
{
    public void Configure(EntityTypeBuilder<CountedMonth> month)
    {
        month.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        month.HasIndex(m => new { m.Kind, m.StartUtc }).IsUnique();
        month.HasMany(m => m.BenefitChanges).WithOne(c => c.Month).HasForeignKey(c => c.MonthId).OnDelete(DeleteBehavior.Cascade);
        month.HasOne(m => m.Attendance).WithOne(c => c.Month).HasForeignKey<AttendanceCount>(c => c.MonthId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<BenefitChangeCount> count)
    {
        count.Property(c => c.Scale).HasMaxLength(64);
        count.HasIndex(c => c.MonthId);
    }

    public void Configure(EntityTypeBuilder<AttendanceCount> count) => count.HasIndex(c => c.MonthId).IsUnique();
}
