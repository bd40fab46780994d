using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Contact;

/// <summary>One member on a contact sheet: only what they chose to share is filled in.</summary>
public sealed record ContactSheetRow(bool IsYou, string? DisplayName, string? Email, string? Phone);

public sealed record ContactSheet(
    Guid GroupId, string GroupName, string GroupSlug, bool ViewerIsMember, bool ViewerIsFacilitator, IReadOnlyList<ContactSheetRow> Rows);

/// <summary>
/// A group's contact sheet, for its accepted members and its facilitators only. Members appear only when they chose
/// to, and only with what they chose: unshared fields never leave the database. Every look is audited.
/// </summary>
public sealed class ReadContactSheet(PeerCircleDb db, AuditTrail audit)
{
    /// <summary>The sheet, or null when there is no such group or the viewer may not see it.</summary>
    public async Task<ContactSheet?> HandleAsync(string slug, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(userId);
        if (slug.Length is 0 or > 200)
        {
            return null;
        }
        var key = slug.ToLowerInvariant();
        var group = await db.Groups.AsNoTracking()
            .Where(g => g.Slug == key)
            .Select(g => new { g.Id, g.Name, g.Slug, g.LeadFacilitatorId, g.CoFacilitatorId })
            .FirstOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }
        var isFacilitator = group.LeadFacilitatorId == userId || group.CoFacilitatorId == userId;
        var isMember = await db.GroupMemberships.AnyAsync(
            m => m.GroupId == group.Id && m.UserId == userId && m.Status == MembershipStatus.Accepted, cancellationToken);
        if (!isFacilitator && !isMember)
        {
            return null;
        }

        var shared = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == group.Id && m.Status == MembershipStatus.Accepted
                && (m.ShareNameOnContactSheet || m.ShareEmailOnContactSheet || m.SharePhoneOnContactSheet))
            .Select(m => new
            {
                m.UserId,
                Name = m.ShareNameOnContactSheet ? m.User!.DisplayName : null,
                Email = m.ShareEmailOnContactSheet ? m.User!.Email : null,
                Phone = m.SharePhoneOnContactSheet ? db.MemberProfiles.Where(p => p.UserId == m.UserId).Select(p => p.Phone).FirstOrDefault() : null,
            })
            .ToListAsync(cancellationToken);
        var rows = shared
            .Select(s => new ContactSheetRow(s.UserId == userId, Blank(s.Name), Blank(s.Email), Blank(s.Phone)))
            .Where(r => r.DisplayName is not null || r.Email is not null || r.Phone is not null)
            .OrderBy(r => r.DisplayName ?? r.Email ?? r.Phone, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        await audit.RecordReadAsync(AuditActions.ContactSheetViewed, "Group", group.Id.ToString(),
            $"{rows.Count} members listed", cancellationToken);
        return new ContactSheet(group.Id, group.Name, group.Slug, isMember, isFacilitator, rows);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
