using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;

namespace PeerCircle.Web.Features.Calendars;

/// <summary>A member who gets e-mail about a group's meetings.</summary>
public sealed record MeetingRecipient(Guid GroupId, string UserId, string Email, string DisplayName, string TimeZoneId);

/// <summary>
/// Who may be e-mailed about a group's meetings: accepted members with a confirmed address who have not said no to
/// e-mail. A member with no profile yet signed up with their e-mail address, so e-mail is allowed for them.
/// </summary>
public sealed class MeetingRecipients(PeerCircleDb db)
{
    public async Task<List<MeetingRecipient>> ForGroupsAsync(IReadOnlyCollection<Guid> groupIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        var rows = await db.GroupMemberships.AsNoTracking()
            .Where(m => groupIds.Contains(m.GroupId) && m.Status == MembershipStatus.Accepted)
            .Where(m => m.User!.EmailConfirmed && m.User.Email != null && m.User.Email != "")
            .Where(m => !db.MemberProfiles.Any(p => p.UserId == m.UserId && !p.MayEmail))
            .OrderBy(m => m.GroupId).ThenBy(m => m.UserId)
            .Select(m => new { m.GroupId, m.UserId, m.User!.Email, m.User.DisplayName, m.User.TimeZoneId })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MeetingRecipient(r.GroupId, r.UserId, r.Email!, r.DisplayName, r.TimeZoneId))];
    }
}
