namespace PeerCircle.Data.Audit;

/// <summary>
/// One read or change of personal data. Rows are only ever inserted;
/// <see cref="PeerCircleDb"/> refuses to update or delete them.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public string? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string RecordType { get; set; } = "";
    public string RecordId { get; set; } = "";
    public string? IpAddress { get; set; }
    public string? Detail { get; set; }
}
