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
    /// <remarks>One query: the layout's banner asks on every page a member opens.</remarks>
    public async Task<IReadOnlyList<PendingAgreement>> PendingAgreementsAsync(string userId, CancellationToken cancellationToken) =>
        await db.GroupMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status == MembershipStatus.Accepted)
            .Select(m => new
            {
                m.GroupId,
                m.Group!.Name,
                m.Group.Slug,
                Version = db.ComfortAgreements.Where(a => a.GroupId == m.GroupId).Max(a => (int?)a.Version),
            })
            .Where(g => g.Version != null && !db.Acknowledgements.Any(a =>
                a.UserId == userId && a.Kind == AcknowledgementKind.ComfortAgreement && a.GroupId == g.GroupId && a.Version == g.Version))
            .OrderBy(g => g.Name)
            .Select(g => new PendingAgreement(g.GroupId, g.Name, g.Slug, g.Version!.Value))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Where the member stands with the participant consent, in one query: the current version, their latest
    /// signature, and whether they withdrew after it. <see cref="ConsentStanding.SignedCurrent"/> agrees with
    /// <see cref="HasSignedCurrentAsync"/>.
    /// </summary>
    public async Task<ConsentStanding> StandingAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                Current = db.ContentRevisions
                    .Where(r => r.Kind == ContentKinds.MemberDocument && r.Slug == ParticipantConsent)
                    .Max(r => (int?)r.Number),
                // Scalar subqueries (not one row object), which SQLite can run without APPLY.
                LatestId = db.ConsentSignatures
                    .Where(s => s.UserId == userId && s.DocumentSlug == ParticipantConsent)
                    .OrderByDescending(s => s.SignedAtUtc).ThenByDescending(s => s.Id)
                    .Select(s => (long?)s.Id)
                    .FirstOrDefault(),
                LatestVersion = db.ConsentSignatures
                    .Where(s => s.UserId == userId && s.DocumentSlug == ParticipantConsent)
                    .OrderByDescending(s => s.SignedAtUtc).ThenByDescending(s => s.Id)
                    .Select(s => (int?)s.Version)
                    .FirstOrDefault(),
                LatestAt = db.ConsentSignatures
                    .Where(s => s.UserId == userId && s.DocumentSlug == ParticipantConsent)
                    .Max(s => (DateTime?)s.SignedAtUtc),
                WithdrawnAt = db.ConsentWithdrawals
                    .Where(w => w.UserId == userId && w.DocumentSlug == ParticipantConsent)
                    .Max(w => (DateTime?)w.WithdrawnAtUtc),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return new ConsentStanding(0, null, null, null, null);
        }
        return new ConsentStanding(row.Current ?? 0, row.LatestId, row.LatestVersion, row.LatestAt, row.WithdrawnAt);
    }
}

/// <summary>A member's latest signature on the participant consent, if any, against the current version.</summary>
public sealed record ConsentStanding(int CurrentVersion, long? SignatureId, int? SignedVersion, DateTime? SignedAtUtc, DateTime? WithdrawnAtUtc)
{
    /// <summary>They withdrew after their latest signature (or without ever signing again since).</summary>
    public bool Withdrawn => WithdrawnAtUtc is { } withdrawn && (SignedAtUtc is null || withdrawn >= SignedAtUtc);

    /// <summary>Signed the current version and have not withdrawn since: they may take part.</summary>
    public bool SignedCurrent => CurrentVersion > 0 && SignedVersion == CurrentVersion && !Withdrawn;

    /// <summary>Their consent stands, but for an older version: they must sign the new one before taking part.</summary>
    public bool SignedOlderVersion => SignedVersion is not null && SignedVersion != CurrentVersion && !Withdrawn;

    /// <summary>There is a consent to sign and they have not signed it (never, or withdrawn, or an older version).</summary>
    public bool MustSign => CurrentVersion > 0 && !SignedCurrent;
}
