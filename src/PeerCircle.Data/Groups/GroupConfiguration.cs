using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerCircle.Data.Groups;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> group)
    {
        group.Property(g => g.Name).HasMaxLength(GroupLimits.NameMax);
        group.Property(g => g.Slug).HasMaxLength(GroupLimits.NameMax + 10);
        group.HasIndex(g => g.Slug).IsUnique();
        group.Property(g => g.Description).HasMaxLength(GroupLimits.DescriptionMax);
        group.Property(g => g.Language).HasMaxLength(8);
        group.Property(g => g.Audience).HasConversion<string>().HasMaxLength(20);
        group.Property(g => g.GroupType).HasConversion<string>().HasMaxLength(20);
        group.Property(g => g.Membership).HasConversion<string>().HasMaxLength(10);
        group.Property(g => g.Modality).HasConversion<string>().HasMaxLength(20);
        group.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        group.HasIndex(g => new { g.Status, g.Audience, g.Modality });

        group.OwnsOne(g => g.Schedule, schedule =>
        {
            schedule.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(10);
            schedule.Property(s => s.TimeZoneId).HasMaxLength(64);
        });
        group.OwnsOne(g => g.Place, place =>
        {
            place.Property(p => p.VenueName).HasMaxLength(GroupLimits.NameMax);
            place.Property(p => p.AddressLine).HasMaxLength(200);
            place.Property(p => p.City).HasMaxLength(100);
            place.Property(p => p.State).HasMaxLength(2);
            place.Property(p => p.PostalCode).HasMaxLength(5);
            place.Property(p => p.MeetingLink).HasMaxLength(500);
            place.Property(p => p.DialIn).HasMaxLength(200);
            place.HasIndex(p => new { p.Latitude, p.Longitude });
        });

        group.HasMany(g => g.CancerFocus).WithOne().HasForeignKey(f => f.GroupId).OnDelete(DeleteBehavior.Cascade);
        group.HasOne(g => g.LeadFacilitator).WithMany().HasForeignKey(g => g.LeadFacilitatorId).OnDelete(DeleteBehavior.SetNull);
        group.HasOne(g => g.CoFacilitator).WithMany().HasForeignKey(g => g.CoFacilitatorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class GroupCancerFocusConfiguration : IEntityTypeConfiguration<GroupCancerFocus>
{
    public void Configure(EntityTypeBuilder<GroupCancerFocus> focus)
    {
        focus.HasKey(f => new { f.GroupId, f.CancerType });
        focus.Property(f => f.CancerType).HasConversion<string>().HasMaxLength(20);
        focus.HasIndex(f => f.CancerType);
    }
}

internal sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> membership)
    {
        membership.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        membership.Property(m => m.ReferralSource).HasConversion<string>().HasMaxLength(16);
        membership.Property(m => m.DecidedById).HasMaxLength(64);
        membership.Property(m => m.PrescreenNote).HasMaxLength(500);
        membership.Property(m => m.DeclineReason).HasMaxLength(500);
        membership.HasIndex(m => new { m.GroupId, m.Status, m.WaitlistedAtUtc });
        membership.HasIndex(m => m.UserId);
        membership.HasIndex(m => new { m.GroupId, m.UserId }).IsUnique();
        membership.HasOne(m => m.Group).WithMany(g => g.Memberships).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        membership.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Field limits shared by the database schema and form validation.</summary>
public static class GroupLimits
{
    public const int NameMax = 120;
    public const int DescriptionMax = 4000;
    public const int MinCapacity = 2;
    public const int MaxCapacity = 40;
    public const int RecommendedMaxCapacity = 12;
    public const int MinDurationMinutes = 60;
    public const int MaxDurationMinutes = 120;
}
