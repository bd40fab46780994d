using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerCircle.Data.Members;

namespace PeerCircle.Data.Groups;

/// <summary>One look at a group's public page, with where the visitor came from when the link said so. No visitor identity is kept.</summary>
public class GroupPageView
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public DateTime ViewedAtUtc { get; set; }
    public ReferralSource? Source { get; set; }
}

internal sealed class GroupPageViewConfiguration : IEntityTypeConfiguration<GroupPageView>
{
    public void Configure(EntityTypeBuilder<GroupPageView> view)
    {
        view.Property(v => v.Source).HasConversion<string>().HasMaxLength(16);
        view.HasIndex(v => new { v.GroupId, v.ViewedAtUtc });
        view.HasOne(v => v.Group).WithMany().HasForeignKey(v => v.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
