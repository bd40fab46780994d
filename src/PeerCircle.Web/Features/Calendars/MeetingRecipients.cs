using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Members;
using PeerCircle.Web.Infrastructure.Texts;

namespace PeerCircle.Web.Features.Calendars;

/// <summary>A member who gets e-mail about a group's meetings.</summary>
public sealed record MeetingRecipient(Guid GroupId, string UserId, string Email, string DisplayName, string TimeZoneId);

/// <summary>A member who gets the day-before reminder, and where: an e-mail address, or a mobile number in E.164 form.</summary>
public sealed record ReminderRecipient(Guid GroupId, string UserId, string DisplayName, string TimeZoneId, ReminderChannel Channel, string Address);

/// <summary>
/// Who may be e-mailed about a group's meetings: accepted members with a confirmed address who have not said no to
/// e-mail. A member with no profile yet signed up with their e-mail address, so e-mail is allowed for them.
/// </summary>
public sealed class MeetingRecipients(PeerCircleDb db, TextSender texts)
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

    /// <summary>
    /// Who gets the day-before reminder and how (see <see cref="ReminderChannels.Choose"/>): accepted members reached by
    /// e-mail (a confirmed address) or by text (a number that can take one), as each allows and prefers.
    /// </summary>
    public async Task<List<ReminderRecipient>> ForRemindersAsync(IReadOnlyCollection<Guid> groupIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        var rows = await db.GroupMemberships.AsNoTracking()
            .Where(m => groupIds.Contains(m.GroupId) && m.Status == MembershipStatus.Accepted)
            .OrderBy(m => m.GroupId).ThenBy(m => m.UserId)
            .Select(m => new { m.GroupId, m.UserId, m.User!.Email, m.User.EmailConfirmed, m.User.DisplayName, m.User.TimeZoneId })
            .ToListAsync(cancellationToken);
        var userIds = rows.Select(r => r.UserId).Distinct().ToList();
        var profiles = await db.MemberProfiles.AsNoTracking().Where(p => userIds.Contains(p.UserId))
            .Select(p => new MemberProfile { UserId = p.UserId, MayEmail = p.MayEmail, MayText = p.MayText, PreferredChannel = p.PreferredChannel, Phone = p.Phone })
            .ToDictionaryAsync(p => p.UserId, cancellationToken);
        var recipients = new List<ReminderRecipient>();
        foreach (var row in rows)
        {
            var profile = profiles.GetValueOrDefault(row.UserId);
            var email = row.EmailConfirmed && !string.IsNullOrWhiteSpace(row.Email) ? row.Email : null;
            var mobile = profile is { MayText: true } ? texts.TextableNumber(profile.Phone) : null;
            switch (ReminderChannels.Choose(profile, email is not null, mobile is not null))
            {
                case ReminderChannel.Email:
                    recipients.Add(new ReminderRecipient(row.GroupId, row.UserId, row.DisplayName, row.TimeZoneId, ReminderChannel.Email, email!));
                    break;
                case ReminderChannel.Text:
                    recipients.Add(new ReminderRecipient(row.GroupId, row.UserId, row.DisplayName, row.TimeZoneId, ReminderChannel.Text, mobile!));
                    break;
            }
        }
        return recipients;
    }
}
