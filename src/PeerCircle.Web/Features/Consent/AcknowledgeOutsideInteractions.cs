using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Members;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Consent;

/// <summary>The version of a text a member read before saying "I have read this", as posted.</summary>
public sealed class AcknowledgeForm
{
    public string? Version { get; set; }
}

/// <summary>
/// The member says they have read the program's policy on getting together outside the group. Recorded once per
/// version, with the SHA-256 of the exact text.
/// </summary>
public sealed class AcknowledgeOutsideInteractions(
    PeerCircleDb db, MemberDocuments documents, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    /// <summary>Null when recorded (or already recorded for this version); otherwise what to tell the member.</summary>
    public async Task<string?> HandleAsync(string userId, AcknowledgeForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var current = await documents.CurrentAsync(MemberConsent.OutsideInteractions, cancellationToken);
        if (current is null)
        {
            return text["This page is not ready yet. Please try again later."];
        }
        if (form.Version != current.Number.ToString(CultureInfo.InvariantCulture))
        {
            return text["We updated this page while you were reading. Please read it again below."];
        }
        var already = await db.Acknowledgements.AnyAsync(a => a.UserId == userId && a.Kind == AcknowledgementKind.OutsideInteractions
            && a.Version == current.Number, cancellationToken);
        if (already)
        {
            return null;
        }
        db.Acknowledgements.Add(new Acknowledgement
        {
            UserId = userId, Kind = AcknowledgementKind.OutsideInteractions, Version = current.Number,
            TextSha256 = current.TextSha256, AcknowledgedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        audit.StageChange(AuditActions.OutsideInteractionsAcknowledged, "Member", userId,
            string.Create(CultureInfo.InvariantCulture, $"{MemberConsent.OutsideInteractions} v{current.Number}"));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
