using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Consent;

/// <summary>A member who has not signed the current consent: the version they last signed (null: never) and when.</summary>
public sealed record UnsignedMember(string UserId, string FullName, int? LastSignedVersion, DateTime? LastSignedAtUtc, bool Withdrawn);

public sealed record UnsignedMembersList(int CurrentVersion, int Total, IReadOnlyList<UnsignedMember> Shown);

/// <summary>
/// The members a coordinator may need to follow up with: those who have not signed the current participant
/// consent, or who withdrew it. Opening the list is audited, as it names members.
/// </summary>
public sealed class UnsignedMembers(PeerCircleDb db, AuditTrail audit)
{
    public const int Limit = 500;

    public async Task<UnsignedMembersList> ListAsync(CancellationToken cancellationToken)
    {
        const string slug = MemberConsent.ParticipantConsent;
        var current = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == PeerCircle.Data.Content.ContentKinds.MemberDocument && r.Slug == slug)
            .MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
        var memberRoleId = await db.Roles.Where(r => r.Name == Roles.Member).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var rows = db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == memberRoleId))
            .Select(u => new
            {
                u.Id,
                u.FullName,
                SignedCurrentAt = db.ConsentSignatures
                    .Where(s => s.UserId == u.Id && s.DocumentSlug == slug && s.Version == current)
                    .Max(s => (DateTime?)s.SignedAtUtc),
                LastVersion = db.ConsentSignatures
                    .Where(s => s.UserId == u.Id && s.DocumentSlug == slug)
                    .OrderByDescending(s => s.SignedAtUtc)
                    .Select(s => (int?)s.Version)
                    .FirstOrDefault(),
                LastSignedAt = db.ConsentSignatures
                    .Where(s => s.UserId == u.Id && s.DocumentSlug == slug)
                    .Max(s => (DateTime?)s.SignedAtUtc),
                WithdrawnAt = db.ConsentWithdrawals
                    .Where(w => w.UserId == u.Id && w.DocumentSlug == slug)
                    .Max(w => (DateTime?)w.WithdrawnAtUtc),
            })
            // The same rule as MemberConsent.HasSignedCurrentAsync, for every member at once.
            .Where(r => r.SignedCurrentAt == null || (r.WithdrawnAt != null && r.WithdrawnAt >= r.SignedCurrentAt));
        var total = await rows.CountAsync(cancellationToken);
        var shown = await rows.OrderBy(r => r.FullName).ThenBy(r => r.Id).Take(Limit).ToListAsync(cancellationToken);
        await audit.RecordReadAsync(AuditActions.MemberListViewed, "Member", "*",
            $"Members who have not signed consent version {current}: {shown.Count} of {total} shown", cancellationToken);
        return new UnsignedMembersList(current, total, [.. shown.Select(r => new UnsignedMember(
            r.Id, r.FullName, r.LastVersion, r.LastSignedAt,
            r.WithdrawnAt is { } withdrawn && (r.LastSignedAt is null || withdrawn >= r.LastSignedAt)))]);
    }
}
