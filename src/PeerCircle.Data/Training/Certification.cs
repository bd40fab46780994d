using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Data.Training;

/// <summary>A facilitator's own rating and a coordinator's rating and sign-off on one competency.</summary>
public class CompetencyRating
{
    public long Id { get; set; }
    public string FacilitatorId { get; set; } = "";
    public PeerCircleUser? Facilitator { get; set; }
    public string CompetencyKey { get; set; } = "";

    /// <summary>1 = not yet, 2 = growing, 3 = meets, 4 = strong.</summary>
    public int? SelfRating { get; set; }
    public DateTime? SelfRatedAtUtc { get; set; }
    public int? CoordinatorRating { get; set; }
    public string? SignedOffById { get; set; }
    public DateTime? SignedOffAtUtc { get; set; }
    public string? Notes { get; set; }
}

/// <summary>A live role-play in a training workshop, signed off by a coordinator.</summary>
public class RolePlaySignOff
{
    public long Id { get; set; }
    public string FacilitatorId { get; set; } = "";
    public PeerCircleUser? Facilitator { get; set; }
    public string Scenario { get; set; } = "";

    /// <summary>The workshop the role play happened in, when it was recorded from one.</summary>
    public long? WorkshopId { get; set; }
    public Workshop? Workshop { get; set; }
    public string SignedOffById { get; set; } = "";
    public DateTime SignedOffAtUtc { get; set; }
    public string? Notes { get; set; }
}

/// <summary>A signed policy (confidentiality pledge, boundary policy). Never changed once written.</summary>
public class PolicySignature
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public PeerCircleUser? User { get; set; }
    public string PolicySlug { get; set; } = "";
    public int PolicyVersion { get; set; }

    /// <summary>SHA-256 of the exact text signed.</summary>
    public string TextSha256 { get; set; } = "";
    public string TypedName { get; set; } = "";
    public DateTime SignedAtUtc { get; set; }
}

internal sealed class CertificationConfiguration :
    IEntityTypeConfiguration<CompetencyRating>, IEntityTypeConfiguration<RolePlaySignOff>, IEntityTypeConfiguration<PolicySignature>
{
    public void Configure(EntityTypeBuilder<CompetencyRating> rating)
    {
        rating.Property(r => r.CompetencyKey).HasMaxLength(64);
        rating.Property(r => r.Notes).HasMaxLength(2000);
        rating.Property(r => r.SignedOffById).HasMaxLength(64);
        rating.HasIndex(r => new { r.FacilitatorId, r.CompetencyKey }).IsUnique();
        rating.HasOne(r => r.Facilitator).WithMany().HasForeignKey(r => r.FacilitatorId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<RolePlaySignOff> rolePlay)
    {
        rolePlay.Property(r => r.Scenario).HasMaxLength(200);
        rolePlay.Property(r => r.Notes).HasMaxLength(2000);
        rolePlay.Property(r => r.SignedOffById).HasMaxLength(64);
        rolePlay.HasIndex(r => r.FacilitatorId);
        rolePlay.HasOne(r => r.Workshop).WithMany().HasForeignKey(r => r.WorkshopId).OnDelete(DeleteBehavior.SetNull);
        rolePlay.HasOne(r => r.Facilitator).WithMany().HasForeignKey(r => r.FacilitatorId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PolicySignature> signature)
    {
        signature.Property(s => s.PolicySlug).HasMaxLength(64);
        signature.Property(s => s.TextSha256).HasMaxLength(64);
        signature.Property(s => s.TypedName).HasMaxLength(AccountLimits.NameMax);
        signature.HasIndex(s => new { s.UserId, s.PolicySlug });
        signature.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
