using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Content;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;

namespace PeerCircle.Web.Features.Consent;

/// <summary>A group whose current comfort agreement a member has not yet acknowledged.</summary>
public sealed record PendingAgreement(Guid GroupId, string GroupName, string GroupSlug, int Version);

/// <summary>
/// Where a member stands with the program's documents: the participant consent (signed at its current version and
/// not withdrawn), the outside-interactions policy (acknowledged at its current version), and the comfort agreements
/// of the groups they belong to. Versions are the <see cref="ContentRevision"/> numbers of kind
/// <see cref="ContentKinds.MemberDocument"/>.
/// </summary>
public sealed class MemberConsent(PeerCircleDb db)
{
    public const string ParticipantConsent = "participant-consent";
    public const string OutsideInteractions = "outside-interactions";

    /// <summary>The newest published version of a member document, or 0 when none is published.</summary>
    public async Task<int> CurrentVersionAsync(string slug, CancellationToken cancellationToken) =>
        await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == ContentKinds.MemberDocument && r.Slug == slug)
            .MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;

    /// <summary>True when the member signed the current consent and has not withdrawn since.</summary>
    public async Task<bool> HasSignedCurrentAsync(string userId, CancellationToken cancellationToken)
    {
        var current = await CurrentVersionAsync(ParticipantConsent, cancellationToken);
        if (current == 0)
        {
            return false;
        }
        var signedAt = await db.ConsentSignatures.AsNoTracking()
            .Where(s => s.UserId == userId && s.DocumentSlug == ParticipantConsent && s.Version == current)
            .MaxAsync(s => (DateTime?)s.SignedAtUtc, cancellationToken);
        if (signedAt is null)
        {
            return false;
        }
        return !await db.ConsentWithdrawals.AsNoTracking()
            .AnyAsync(w => w.UserId == userId && w.DocumentSlug == ParticipantConsent && w.WithdrawnAtUtc >= signedAt, cancellationToken);
    }

    public async Task<bool> HasAcknowledgedOutsideInteractionsAsync(string userId, CancellationToken cancellationToken)
    {
        var current = await CurrentVersionAsync(OutsideInteractions, cancellationToken);
        return current > 0 && await db.Acknowledgements.AsNoTracking()
            .AnyAsync(a => a.UserId == userId && a.Kind == AcknowledgementKind.OutsideInteractions && a.Version == current, cancellationToken);
    }

    /// <summary>Groups the member belongs to whose newest comfort agreement they have not acknowledged.</summary>
    public async Task<IReadOnlyList<PendingAgreement>> PendingAgreementsAsync(string userId, CancellationToken cancellationToken)
    {
        var latest = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status == MembershipStatus.Accepted)
            .Select(m => new
            {
                m.GroupId,
                m.Group!.Name,
                m.Group.Slug,
                Version = db.ComfortAgreements.Where(a => a.GroupId == m.GroupId).Max(a => (int?)a.Version),
            })
            .ToListAsync(cancellationToken);
        var acknowledged = await db.Acknowledgements.AsNoTracking()
            .Where(a => a.UserId == userId && a.Kind == AcknowledgementKind.ComfortAgreement)
            .Select(a => new { a.GroupId, a.Version })
            .ToListAsync(cancellationToken);
        return [.. latest
            .Where(g => g.Version is not null && !acknowledged.Any(a => a.GroupId == g.GroupId && a.Version == g.Version))
            .Select(g => new PendingAgreement(g.GroupId, g.Name, g.Slug, g.Version!.Value))];
    }
}
