using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Calendars;

/// <summary>
/// A member's secret calendar link: a random 32-byte token in the address, of which only the SHA-256 is stored, so
/// the link is shown once and cannot be read back from the database. A new link replaces the old one.
/// </summary>
public sealed class PersonalCalendarLink(
    PeerCircleDb db, GroupCalendar calendar, AuditTrail audit, CalendarLinks links, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int TokenBytes = 32;

    public async Task<bool> IsOnAsync(string userId, CancellationToken cancellationToken) =>
        await db.MemberProfiles.AnyAsync(p => p.UserId == userId && p.CalendarFeedTokenHash != null, cancellationToken);

    /// <summary>Makes a new link, which replaces any earlier one, and returns its full address (the only time it is known).</summary>
    public async Task<string> CreateAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));
        var profile = await ProfileAsync(userId, cancellationToken);
        var replaced = profile.CalendarFeedTokenHash is not null;
        profile.CalendarFeedTokenHash = HashOf(token);
        profile.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.StageChange(AuditActions.CalendarLinkChanged, "MemberProfile", userId, replaced ? "new calendar link; the old one stopped working" : "calendar link turned on");
        await db.SaveChangesAsync(cancellationToken);
        return links.PersonalFeed(token);
    }

    public async Task TurnOffAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var profile = await db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile?.CalendarFeedTokenHash is null)
        {
            return;
        }
        profile.CalendarFeedTokenHash = null;
        profile.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.StageChange(AuditActions.CalendarLinkChanged, "MemberProfile", userId, "calendar link turned off");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The calendar behind a link: every group the member belongs to (or leads), with the private details, since the
    /// link is theirs alone. Null for a link that is malformed, replaced or turned off.
    /// </summary>
    public async Task<string?> FeedAsync(string? token, CancellationToken cancellationToken)
    {
        if (HashOf(token) is not { } hash)
        {
            return null;
        }
        var userId = await db.MemberProfiles.Where(p => p.CalendarFeedTokenHash == hash).Select(p => p.UserId).SingleOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return null;
        }
        var groups = await db.Groups.AsNoTracking()
            .Where(g => g.LeadFacilitatorId == userId || g.CoFacilitatorId == userId
                || g.Memberships.Any(m => m.UserId == userId && m.Status == MembershipStatus.Accepted))
            .OrderBy(g => g.Name)
            .ToListAsync(cancellationToken);
        var changes = await calendar.AllChangesAsync([.. groups.Select(g => g.Id)], cancellationToken);
        await audit.RecordReadAsync(AuditActions.CalendarFeedRead, "MemberProfile", userId,
            $"personal calendar link read: {groups.Count} groups", cancellationToken);
        return MeetingCalendarFile.ToIcs(
            [.. groups.Select(g => new CalendarEntry(g, changes, ShowPrivateDetails: true, links.GroupPage(g.Slug)))],
            text["My PeerCircle groups"], time.GetUtcNow().UtcDateTime, text);
    }

    /// <summary>SHA-256 (lower-case hex) of the token's bytes; null unless it is a well-formed token.</summary>
    public static string? HashOf(string? token)
    {
        if (token is not { Length: 43 })
        {
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return null;
        }
        return bytes.Length == TokenBytes ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : null;
    }

    private async Task<MemberProfile> ProfileAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            // A member without intake answers yet: the profile starts from its defaults (e-mail allowed, nothing else).
            profile = new MemberProfile { UserId = userId };
            db.MemberProfiles.Add(profile);
        }
        return profile;
    }
}
