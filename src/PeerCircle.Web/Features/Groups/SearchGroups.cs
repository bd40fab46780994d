using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Web.Features.Groups;

/// <summary>One group as the public directory lists it. Never carries meeting links or dial-in details.</summary>
public sealed record GroupListing(
    Guid Id,
    string Slug,
    string Name,
    string Description,
    Audience Audience,
    IReadOnlyList<CancerType> CancerFocus,
    GroupType GroupType,
    MembershipPolicy Membership,
    Modality Modality,
    string Language,
    GroupStatus Status,
    int Capacity,
    string? City,
    string? State,
    double? Latitude,
    double? Longitude,
    Frequency Frequency,
    DayOfWeek DayOfWeek,
    int WeekOfMonth,
    int StartMinuteOfDay,
    int DurationMinutes,
    string TimeZoneId,
    double? DistanceMiles)
{
    public bool IsRemote => Modality is not Modality.InPerson;
    public bool IsRemoteOnly => Modality is Modality.Video or Modality.Phone or Modality.OnlineText;

    public bool MeetsInPerson() => Modality is Modality.InPerson or Modality.Hybrid;
}

public sealed record GroupSearchResult(
    IReadOnlyList<GroupListing> Groups, int Total, int Page, int PageSize, string? OriginZip)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The public directory search. With a ZIP code, groups that meet in person within the radius come first,
/// nearest first; groups that meet remotely follow, because they are open to everyone wherever they live.
/// </summary>
public sealed class SearchGroups(DirectorySnapshot directory, ZipGazetteer gazetteer)
{
    public async Task<GroupSearchResult> HandleAsync(GroupSearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var all = await directory.GetAsync(cancellationToken);
        var filter = new DirectoryFilter(query);
        var skip = (query.Page - 1) * GroupSearchQuery.PageSize;

        if (query.Zip is null || !gazetteer.TryFind(query.Zip, out var origin))
        {
            var total = 0;
            var page = new List<GroupListing>(GroupSearchQuery.PageSize);
            for (var i = 0; i < all.ByName.Length; i++)
            {
                if (!filter.Matches(all.ByNameKeys[i]))
                {
                    continue;
                }
                if (total >= skip && page.Count < GroupSearchQuery.PageSize)
                {
                    page.Add(all.ByName[i]);
                }
                total++;
            }
            return new GroupSearchResult(page, total, query.Page, GroupSearchQuery.PageSize, null);
        }

        var (minLat, maxLat, minLon, maxLon) = Distance.BoundingBox(origin, query.RadiusMiles);
        var nearby = new List<GroupListing>();
        for (var i = all.FirstAtOrAbove(minLat); i < all.LocatedByLatitude.Length; i++)
        {
            var g = all.LocatedByLatitude[i];
            var lat = g.Latitude!.Value;
            if (lat > maxLat)
            {
                break;
            }
            if (g.Longitude is { } lon && lon >= minLon && lon <= maxLon && filter.Matches(all.LocatedKeys[i]))
            {
                var miles = Math.Round(Distance.Miles(origin, new GeoPoint(lat, lon)), 1);
                if (miles <= query.RadiusMiles || g.Modality == Modality.Hybrid)
                {
                    nearby.Add(g with { DistanceMiles = miles });
                }
            }
        }
        nearby.Sort((a, b) => a.DistanceMiles!.Value.CompareTo(b.DistanceMiles!.Value) is var c && c != 0
            ? c : StringComparer.InvariantCultureIgnoreCase.Compare(a.Name, b.Name));
        var nearbyIds = nearby.Select(g => g.Id).ToHashSet();

        var results = nearby.Skip(skip).Take(GroupSearchQuery.PageSize).ToList();
        var remoteSkip = Math.Max(0, skip - nearby.Count);
        var remoteTotal = 0;
        for (var i = 0; i < all.RemoteByName.Length; i++)
        {
            var g = all.RemoteByName[i];
            if (!filter.Matches(all.RemoteKeys[i]) || (nearbyIds.Count > 0 && nearbyIds.Contains(g.Id)))
            {
                continue;
            }
            if (remoteTotal >= remoteSkip && results.Count < GroupSearchQuery.PageSize)
            {
                results.Add(g);
            }
            remoteTotal++;
        }
        return new GroupSearchResult(results, nearby.Count + remoteTotal, query.Page, GroupSearchQuery.PageSize, query.Zip);
    }

    /// <summary>The groups the public directory lists: recruiting or meeting now.</summary>
    internal static IQueryable<Group> Listed(IQueryable<Group> groups) =>
        groups.Where(g => g.Status == GroupStatus.Recruiting || g.Status == GroupStatus.Active);

    /// <summary>A group as the directory lists it; the distance is filled in per search.</summary>
    internal static readonly Expression<Func<Group, GroupListing>> ToListing = g => new GroupListing(
        g.Id, g.Slug, g.Name, g.Description, g.Audience,
        g.CancerFocus.Select(f => f.CancerType).ToList(),
        g.GroupType, g.Membership, g.Modality, g.Language, g.Status, g.Capacity,
        g.Place.City, g.Place.State, g.Place.Latitude, g.Place.Longitude,
        g.Schedule.Frequency, g.Schedule.DayOfWeek, g.Schedule.WeekOfMonth, g.Schedule.StartMinuteOfDay,
        g.Schedule.DurationMinutes, g.Schedule.TimeZoneId, null);
}
