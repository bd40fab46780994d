using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Data.Training;

/// <summary>A facilitator's private worksheet for sharing their own illness or recovery story with a group.</summary>
public class StoryPlan
{
    public long Id { get; set; }
    public string FacilitatorId { get; set; } = "";
    public PeerCircleUser? Facilitator { get; set; }
    public string Purpose { get; set; } = "";
    public string WhatToShare { get; set; } = "";
    public string KeepPrivate { get; set; } = "";
    public string HowItServesTheGroup { get; set; } = "";

    /// <summary>The purpose-check questions the facilitator could answer yes to, as keys separated by commas.</summary>
    public string PurposeChecks { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class StoryPlanConfiguration : IEntityTypeConfiguration<StoryPlan>
{
    public const int TextMax = 2000;

    public void Configure(EntityTypeBuilder<StoryPlan> plan)
    {
        plan.Property(p => p.Purpose).HasMaxLength(TextMax);
        plan.Property(p => p.WhatToShare).HasMaxLength(TextMax);
        plan.Property(p => p.KeepPrivate).HasMaxLength(TextMax);
        plan.Property(p => p.HowItServesTheGroup).HasMaxLength(TextMax);
        plan.Property(p => p.PurposeChecks).HasMaxLength(500);
        plan.HasIndex(p => p.FacilitatorId).IsUnique();
        plan.HasOne(p => p.Facilitator).WithMany().HasForeignKey(p => p.FacilitatorId).OnDelete(DeleteBehavior.Cascade);
    }
}
