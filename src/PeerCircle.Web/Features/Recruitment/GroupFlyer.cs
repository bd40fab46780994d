using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;

namespace PeerCircle.Web.Features.Recruitment;

/// <summary>What a printed flyer may say about a group: public facts only, never a meeting link or dial-in.</summary>
public sealed record FlyerDetails(
    string Slug, string Name, string Description, string Language, Audience Audience, IReadOnlyList<CancerType> CancerFocus,
    MeetingSchedule Schedule, Modality Modality, MembershipPolicy Membership, string? City, string? State, string QrTargetUrl);

/// <summary>Finds a group that is recruiting or meeting, for its flyer and QR code; null for any other group.</summary>
public sealed class GetFlyer(PeerCircleDb db, ReferralLinks links)
{
    /// <summary>Long descriptions are cut at a word so the flyer stays on one page.</summary>
    public const int DescriptionMax = 420;

    public async Task<FlyerDetails?> HandleAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        if (slug.Length is 0 or > 200)
        {
            return null;
        }
        var key = slug.ToLowerInvariant();
        var group = await db.Groups.AsNoTracking()
            .Include(g => g.CancerFocus)
            .Where(g => g.Slug == key && (g.Status == GroupStatus.Recruiting || g.Status == GroupStatus.Active))
            .FirstOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }
        return new FlyerDetails(
            group.Slug, group.Name, Shorten(group.Description), group.Language, group.Audience,
            [.. group.CancerFocus.Select(f => f.CancerType).Order()], group.Schedule, group.Modality, group.Membership,
            group.MeetsInPerson ? group.Place.City : null, group.MeetsInPerson ? group.Place.State : null,
            FlyerQrCode.TargetUrl(links.BaseUrl, group.Slug));
    }

    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= DescriptionMax)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', DescriptionMax - 1);
        return text[..(cut > 0 ? cut : DescriptionMax - 1)].TrimEnd(' ', ',', ';', ':', '.') + "…";
    }
}
