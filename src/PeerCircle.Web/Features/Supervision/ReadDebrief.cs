using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Supervision;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Supervision;

public sealed record DebriefRow(
    long Id, string FacilitatorName, string? SupervisorName, DebriefKind Kind, DebriefStatus Status, DateTime? RequestedAtUtc, DateTime? HeldAtUtc);

public sealed record DebriefDetail(
    long Id, string FacilitatorId, string FacilitatorName, string? SupervisorId, string? SupervisorName, DebriefKind Kind, DebriefStatus Status,
    string? Request, DateTime? RequestedAtUtc, DateTime? HeldAtUtc, string? Notes);

/// <summary>
/// Reads debriefs. Notes live apart from member records: only the facilitator, their supervisor and coordinators may
/// read one, and every read of notes is audited.
/// </summary>
public sealed class ReadDebrief(PeerCircleDb db, AuditTrail audit)
{
    /// <summary>The debrief, or null when it does not exist or this person may not see it.</summary>
    public async Task<DebriefDetail?> DetailAsync(long id, string viewerId, bool viewerIsCoordinator, CancellationToken cancellationToken)
    {
        var detail = await db.Debriefs.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new DebriefDetail(d.Id, d.FacilitatorId, d.Facilitator!.FullName, d.SupervisorId, d.Supervisor == null ? null : d.Supervisor.FullName,
                d.Kind, d.Status, d.Request, d.RequestedAtUtc, d.HeldAtUtc, d.Notes))
            .SingleOrDefaultAsync(cancellationToken);
        if (detail is null || !(viewerIsCoordinator || detail.FacilitatorId == viewerId || detail.SupervisorId == viewerId))
        {
            return null;
        }
        await audit.RecordReadAsync(AuditActions.DebriefViewed, "Debrief", id.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return detail;
    }

    /// <summary>The debriefs this facilitator is part of, newest first; no notes.</summary>
    public Task<List<DebriefRow>> MineAsync(string facilitatorId, CancellationToken cancellationToken) =>
        Rows(db.Debriefs.Where(d => d.FacilitatorId == facilitatorId || d.SupervisorId == facilitatorId)).ToListAsync(cancellationToken);

    /// <summary>Every debrief, newest first; no notes. For coordinators.</summary>
    public Task<List<DebriefRow>> AllAsync(CancellationToken cancellationToken) =>
        Rows(db.Debriefs).Take(200).ToListAsync(cancellationToken);

    private static IQueryable<DebriefRow> Rows(IQueryable<Debrief> debriefs) =>
        debriefs.AsNoTracking()
            .OrderByDescending(d => d.HeldAtUtc ?? d.RequestedAtUtc)
            .Select(d => new DebriefRow(d.Id, d.Facilitator!.FullName, d.Supervisor == null ? null : d.Supervisor.FullName,
                d.Kind, d.Status, d.RequestedAtUtc, d.HeldAtUtc));
}
