using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;

namespace PeerCircle.Data.Members;

/// <summary>
/// A member's e-signature on a version of the participant consent. Never changed or deleted: it is the record of
/// exactly what they agreed to (the SHA-256 of the text), when, and under what typed name.
/// </summary>
public class ConsentSignature
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public PeerCircleUser? User { get; set; }
    public string DocumentSlug { get; set; } = "";
    public int Version { get; set; }
    public string TextSha256 { get; set; } = "";
    public string TypedName { get; set; } = "";
    public DateTime SignedAtUtc { get; set; }
}

/// <summary>A member taking back their consent. Participation ends; the signature itself stays on record.</summary>
public class ConsentWithdrawal
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public PeerCircleUser? User { get; set; }
    public string DocumentSlug { get; set; } = "";
    public int Version { get; set; }
    public DateTime WithdrawnAtUtc { get; set; }
}

public enum AcknowledgementKind { OutsideInteractions, ComfortAgreement }

/// <summary>
/// A member saying they have read a text: the program's outside-interactions policy (once per version) or a group's
/// comfort agreement (once per group and version, before their first meeting).
/// </summary>
public class Acknowledgement
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public PeerCircleUser? User { get; set; }
    public AcknowledgementKind Kind { get; set; }

    /// <summary>The group whose comfort agreement this is; null for program-wide policies.</summary>
    public Guid? GroupId { get; set; }
    public Group? Group { get; set; }
    public int Version { get; set; }
    public string TextSha256 { get; set; } = "";
    public DateTime AcknowledgedAtUtc { get; set; }
}

internal sealed class ConsentConfiguration :
    IEntityTypeConfiguration<ConsentSignature>, IEntityTypeConfiguration<ConsentWithdrawal>, IEntityTypeConfiguration<Acknowledgement>
{
    public void Configure(EntityTypeBuilder<ConsentSignature> signature)
    {
        signature.Property(s => s.DocumentSlug).HasMaxLength(64);
        signature.Property(s => s.TextSha256).HasMaxLength(64);
        signature.Property(s => s.TypedName).HasMaxLength(AccountLimits.NameMax);
        signature.HasIndex(s => new { s.UserId, s.DocumentSlug, s.Version });
        // Kept when an account is deleted: the account row is anonymised, never removed.
        signature.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ConsentWithdrawal> withdrawal)
    {
        withdrawal.Property(w => w.DocumentSlug).HasMaxLength(64);
        withdrawal.HasIndex(w => new { w.UserId, w.DocumentSlug });
        withdrawal.HasOne(w => w.User).WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Acknowledgement> acknowledgement)
    {
        acknowledgement.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        acknowledgement.Property(a => a.TextSha256).HasMaxLength(64);
        acknowledgement.HasIndex(a => new { a.UserId, a.Kind, a.GroupId, a.Version });
        acknowledgement.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        acknowledgement.HasOne(a => a.Group).WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
