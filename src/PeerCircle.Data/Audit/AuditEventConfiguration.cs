using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PeerCircle.Data.Audit;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.Property(a => a.ActorUserId).HasMaxLength(64);
        audit.Property(a => a.ActorName).HasMaxLength(256);
        audit.Property(a => a.Action).HasMaxLength(64);
        audit.Property(a => a.RecordType).HasMaxLength(64);
        audit.Property(a => a.RecordId).HasMaxLength(64);
        audit.Property(a => a.IpAddress).HasMaxLength(64);
        audit.Property(a => a.Detail).HasMaxLength(1000);
        audit.HasIndex(a => a.OccurredAtUtc);
        audit.HasIndex(a => new { a.RecordType, a.RecordId });
        audit.HasIndex(a => a.ActorUserId);
    }
}
