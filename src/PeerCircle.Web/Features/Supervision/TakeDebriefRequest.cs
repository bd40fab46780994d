using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Supervision;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Supervision;

/// <summary>A coordinator takes an open "debrief now" request and becomes its supervisor.</summary>
public sealed class TakeDebriefRequest(PeerCircleDb db, AuditTrail audit, IStringLocalizer<SharedResource> text)
{
    public async Task<string?> HandleAsync(long debriefId, string supervisorId, CancellationToken cancellationToken)
    {
        var debrief = await db.Debriefs.FirstOrDefaultAsync(
            d => d.Id == debriefId && d.Kind == DebriefKind.Urgent && d.Status == DebriefStatus.Requested, cancellationToken);
        if (debrief is null)
        {
            return text["That request is no longer open."];
        }
        if (debrief.SupervisorId is not null)
        {
            return debrief.SupervisorId == supervisorId ? null : text["Another supervisor has already taken that request."].Value;
        }
        debrief.SupervisorId = supervisorId;
        audit.StageChange(AuditActions.DebriefTaken, "Debrief", debrief.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
