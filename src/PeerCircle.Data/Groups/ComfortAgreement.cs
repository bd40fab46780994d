using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerCircle.Data.Groups;

/// <summary>
/// One version of a group's comfort agreement, composed by its facilitator from the program's library of ideas.
/// A change makes a new version; members acknowledge a specific version before their first meeting.
/// </summary>
public class ComfortAgreement
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public int Version { get; set; }

    /// <summary>The keys of the library ideas chosen, in order, separated by commas.</summary>
    public string IdeaKeys { get; set; } = "";

    /// <summary>The agreement as members read it (Markdown), frozen for this version.</summary>
    public string Text { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class ComfortAgreementConfiguration : IEntityTypeConfiguration<ComfortAgreement>
{
    public void Configure(EntityTypeBuilder<ComfortAgreement> agreement)
    {
        agreement.Property(a => a.IdeaKeys).HasMaxLength(1000);
        agreement.Property(a => a.Text).HasMaxLength(20000);
        agreement.Property(a => a.CreatedById).HasMaxLength(64);
        agreement.HasIndex(a => new { a.GroupId, a.Version }).IsUnique();
        agreement.HasOne(a => a.Group).WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
