using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Data.Training;

/// <summary>One try at a module's knowledge check. A learner keeps the version of the module they passed.</summary>
public class ModuleAttempt
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public PeerCircleUser? User { get; set; }
    public string ModuleSlug { get; set; } = "";

    /// <summary>Identifies the exact text of the module the learner answered.</summary>
    public string ModuleVersion { get; set; } = "";
    public int Correct { get; set; }
    public int Questions { get; set; }
    public bool Passed { get; set; }
    public DateTime AttemptedAtUtc { get; set; }
}

internal sealed class ModuleAttemptConfiguration : IEntityTypeConfiguration<ModuleAttempt>
{
    public void Configure(EntityTypeBuilder<ModuleAttempt> attempt)
    {
        attempt.Property(a => a.ModuleSlug).HasMaxLength(100);
        attempt.Property(a => a.ModuleVersion).HasMaxLength(64);
        attempt.HasIndex(a => new { a.UserId, a.ModuleSlug });
        attempt.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
