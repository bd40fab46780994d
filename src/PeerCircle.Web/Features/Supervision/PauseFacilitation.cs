using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Supervision;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Supervision;

public sealed class PauseForm
{
    public string? Reason { get; set; }
}

/// <summary>The "pause my facilitation" switch, and the way back. Coordinators see who is paused.</summary>
public sealed class PauseFacilitation(PeerCircleDb db, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int MaxReasonLength = 1000;

    public Task<FacilitationPause?> CurrentAsync(string facilitatorId, CancellationToken cancellationToken) =>
        db.FacilitationPauses.AsNoTracking()
            .Where(p => p.FacilitatorId == facilitatorId && p.ResumedAtUtc == null)
            .OrderByDescending(p => p.PausedAtUtc).FirstOrDefaultAsync(cancellationToken);

    public async Task<string?> PauseAsync(string facilitatorId, PauseForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Reason is { Length: > MaxReasonLength })
        {
            return text["Please keep the reason under 1,000 characters."];
        }
        if (await CurrentAsync(facilitatorId, cancellationToken) is not null)
        {
            return null;
        }
        db.FacilitationPauses.Add(new FacilitationPause
        {
            FacilitatorId = facilitatorId, PausedAtUtc = time.GetUtcNow().UtcDateTime,
            Reason = string.IsNullOrWhiteSpace(form.Reason) ? null : form.Reason.Trim(),
        });
        audit.StageChange(AuditActions.FacilitationPaused, "Facilitator", facilitatorId);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task ResumeAsync(string facilitatorId, CancellationToken cancellationToken)
    {
        var open = await db.FacilitationPauses.Where(p => p.FacilitatorId == facilitatorId && p.ResumedAtUtc == null).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        open.ForEach(p => p.ResumedAtUtc = now);
        audit.StageChange(AuditActions.FacilitationResumed, "Facilitator", facilitatorId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>When each of these facilitators paused, for those paused now.</summary>
    public async Task<Dictionary<string, DateTime>> PausedSinceAsync(IReadOnlyCollection<string> facilitatorIds, CancellationToken cancellationToken) =>
        (await db.FacilitationPauses.AsNoTracking()
            .Where(p => facilitatorIds.Contains(p.FacilitatorId) && p.ResumedAtUtc == null)
            .Select(p => new { p.FacilitatorId, p.PausedAtUtc }).ToListAsync(cancellationToken))
        .GroupBy(p => p.FacilitatorId).ToDictionary(g => g.Key, g => g.Min(p => p.PausedAtUtc));
}
