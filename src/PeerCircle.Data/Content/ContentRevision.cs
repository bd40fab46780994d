using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerCircle.Data.Content;

/// <summary>
/// One version of a piece of program content (a training module today), kept whole and never changed.
/// The newest number is what learners see; older numbers stay readable for people who passed them.
/// </summary>
public class ContentRevision
{
    public long Id { get; set; }

    /// <summary>What kind of content this is, such as <see cref="ContentKinds.Module"/>.</summary>
    public string Kind { get; set; } = "";
    public string Slug { get; set; } = "";

    /// <summary>1, 2, 3… per kind and slug.</summary>
    public int Number { get; set; }

    /// <summary>The whole text as authored: front matter and Markdown.</summary>
    public string Source { get; set; } = "";

    /// <summary>A short hash of <see cref="Source"/>; learners' attempts record it.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>What changed and why, in the editor's words.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The coordinator who saved it; null for text shipped with PeerCircle.</summary>
    public string? EditedById { get; set; }
    public string EditedByName { get; set; } = "";
    public DateTime SavedAtUtc { get; set; }
}

public static class ContentKinds
{
    public const string Module = "module";

    /// <summary>A document members sign or acknowledge: the participant consent, the outside-interactions policy.</summary>
    public const string MemberDocument = "member-document";

    /// <summary>A planned meeting topic from the topic library.</summary>
    public const string Topic = "topic";
}

internal sealed class ContentRevisionConfiguration : IEntityTypeConfiguration<ContentRevision>
{
    public void Configure(EntityTypeBuilder<ContentRevision> revision)
    {
        revision.Property(r => r.Kind).HasMaxLength(32);
        revision.Property(r => r.Slug).HasMaxLength(100);
        revision.Property(r => r.Fingerprint).HasMaxLength(64);
        revision.Property(r => r.Summary).HasMaxLength(500);
        revision.Property(r => r.EditedById).HasMaxLength(64);
        revision.Property(r => r.EditedByName).HasMaxLength(200);
        revision.HasIndex(r => new { r.Kind, r.Slug, r.Number }).IsUnique();
    }
}
