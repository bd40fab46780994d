using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Supervision;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Supervision;

public sealed class WeeklyDebriefForm
{
    public string? FacilitatorId { get; set; }
    public string? HeldOn { get; set; }
    public string? Notes { get; set; }
}

/// <summary>A supervisor records a weekly debrief they held with a facilitator.</summary>
public sealed class RecordWeeklyDebrief(
    PeerCircleDb db, UserManager<PeerCircleUser> users, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int MaxNotesLength = 8000;

    public async Task<string?> HandleAsync(string supervisorId, WeeklyDebriefForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var facilitator = form.FacilitatorId is { Length: > 0 and <= 64 } id ? await users.FindByIdAsync(id) : null;
        if (facilitator is null || !await users.IsInRoleAsync(facilitator, Roles.Facilitator))
        {
            return text["Please choose a facilitator from the list."];
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!DateOnly.TryParseExact(form.HeldOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var heldOn)
            || heldOn > today.AddDays(1) || heldOn < today.AddYears(-1))
        {
            return text["Please give the date the debrief was held, within the last year."];
        }
        if (form.Notes is { Length: > MaxNotesLength })
        {
            return text["Please keep notes under 8,000 characters."];
        }
        var debrief = new Debrief
        {
            FacilitatorId = facilitator.Id, SupervisorId = supervisorId, Kind = DebriefKind.Weekly, Status = DebriefStatus.Held,
            HeldAtUtc = DateTime.SpecifyKind(heldOn.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc),
            Notes = string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes.Trim(),
        };
        db.Debriefs.Add(debrief);
        audit.StageChange(AuditActions.DebriefRecorded, "Facilitator", facilitator.Id, "weekly");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
