using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Consent;

/// <summary>A group's comfort agreement as a member of that group reads it, and when they agreed to it.</summary>
public sealed record GroupAgreementView(
    Guid GroupId, string GroupName, string GroupSlug, int? Version, string? Text, DateTime? AgreedAtUtc);

/// <summary>
/// A member of a group agrees to its newest comfort agreement. Recorded once per group and version, with the
/// SHA-256 of the agreement's exact text. Only members the group has accepted may see or agree to it.
/// </summary>
public sealed class AcknowledgeComfortAgreement(
    PeerCircleDb db, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    /// <summary>The group's newest agreement, or null when there is no such group or the person is not an accepted member.</summary>
    public async Task<GroupAgreementView?> FindAsync(string slug, string userId, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking()
            .Where(g => g.Slug == slug && db.GroupMemberships.Any(m => m.GroupId == g.Id && m.UserId == userId && m.Status == MembershipStatus.Accepted))
            .Select(g => new { g.Id, g.Name, g.Slug })
            .SingleOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }
        var agreement = await db.ComfortAgreements.AsNoTracking()
            .Where(a => a.GroupId == group.Id)
            .OrderByDescending(a => a.Version)
            .Select(a => new { a.Version, a.Text })
            .FirstOrDefaultAsync(cancellationToken);
        DateTime? agreedAt = agreement is null ? null : await db.Acknowledgements.AsNoTracking()
            .Where(a => a.UserId == userId && a.Kind == AcknowledgementKind.ComfortAgreement && a.GroupId == group.Id && a.Version == agreement.Version)
            .MinAsync(a => (DateTime?)a.AcknowledgedAtUtc, cancellationToken);
        return new GroupAgreementView(group.Id, group.Name, group.Slug, agreement?.Version, agreement?.Text, agreedAt);
    }

    /// <summary>Null when recorded (or already recorded for this version); otherwise what to tell the member.</summary>
    public async Task<string?> HandleAsync(GroupAgreementView view, string userId, AcknowledgeForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(form);
        if (view.Version is not { } version || view.Text is null)
        {
            return text["This group does not have a comfort agreement yet."];
        }
        if (form.Version != version.ToString(CultureInfo.InvariantCulture))
        {
            return text["Your facilitator updated the agreement while you were reading. Please read it again below."];
        }
        if (view.AgreedAtUtc is not null)
        {
            return null;
        }
        db.Acknowledgements.Add(new Acknowledgement
        {
            UserId = userId, Kind = AcknowledgementKind.ComfortAgreement, GroupId = view.GroupId, Version = version,
            TextSha256 = ConsentLibrary.Sha256OfExactText(view.Text), AcknowledgedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        audit.StageChange(AuditActions.ComfortAgreementAcknowledged, "Member", userId,
            string.Create(CultureInfo.InvariantCulture, $"group {view.GroupId}: comfort agreement v{version}"));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
