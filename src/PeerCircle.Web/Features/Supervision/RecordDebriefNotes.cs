using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Supervision;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Supervision;

public sealed class DebriefNotesForm
{
    public string? Notes { get; set; }
}

/// <summary>A supervisor writes up a debrief they held, which marks an urgent request as held.</summary>
public sealed class RecordDebriefNotes(PeerCircleDb db, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public async Task<string?> HandleAsync(long debriefId, string supervisorId, DebriefNotesForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Notes is { Length: > RecordWeeklyDebrief.MaxNotesLength })
        {
            return text["Please keep notes under 8,000 characters."];
        }
        var debrief = await db.Debriefs.FirstOrDefaultAsync(d => d.Id == debriefId, cancellationToken);
        if (debrief is null)
        {
            return text["That debrief does not exist."];
        }
        if (debrief.SupervisorId is not null && debrief.SupervisorId != supervisorId)
        {
            return text["Only the supervisor who took this debrief can write it up."];
        }
        debrief.SupervisorId = supervisorId;
        debrief.Notes = string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes.Trim();
        if (debrief.Status != DebriefStatus.Held)
        {
            debrief.Status = DebriefStatus.Held;
            debrief.HeldAtUtc = time.GetUtcNow().UtcDateTime;
        }
        audit.StageChange(AuditActions.DebriefRecorded, "Debrief", debrief.Id.ToString(CultureInfo.InvariantCulture), "notes");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
