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
public sealed class SearchGroups(PeerCircleDb db, ZipGazetteer gazetteer)
{
    public async Task<GroupSearchResult> HandleAsync(GroupSearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matching = ApplyFilters(db.Groups.AsNoTracking(), query);
        var skip = (query.Page - 1) * GroupSearchQuery.PageSize;

        if (query.Zip is null || !gazetteer.TryFind(query.Zip, out var origin))
        {
            var total = await matching.CountAsync(cancellationToken);
            var page = await matching.OrderBy(g => g.Name).ThenBy(g => g.Id)
                .Skip(skip).Take(GroupSearchQuery.PageSize)
                .Select(ToListing(null)).ToListAsync(cancellationToken);
            return new GroupSearchResult(page, total, query.Page, GroupSearchQuery.PageSize, null);
        }

        var (minLat, maxLat, minLon, maxLon) = Distance.BoundingBox(origin, query.RadiusMiles);
        var nearbyCandidates = await matching
            .Where(g => (g.Modality == Modality.InPerson || g.Modality == Modality.Hybrid)
                && g.Place.Latitude >= minLat && g.Place.Latitude <= maxLat
                && g.Place.Longitude >= minLon && g.Place.Longitude <= maxLon)
            .Select(ToListing(null))
            .ToListAsync(cancellationToken);

        var nearby = nearbyCandidates
            .Select(g => g with
            {
                DistanceMiles = Math.Round(Distance.Miles(origin, new GeoPoint(g.Latitude ?? 0, g.Longitude ?? 0)), 1),
            })
            .Where(g => g.DistanceMiles <= query.RadiusMiles || g.Modality == Modality.Hybrid)
            .OrderBy(g => g.DistanceMiles).ThenBy(g => g.Name)
            .ToList();

        var nearbyIds = nearby.Select(g => g.Id).ToList();
        var remote = matching.Where(g => g.Modality != Modality.InPerson && !nearbyIds.Contains(g.Id));
        var remoteTotal = await remote.CountAsync(cancellationToken);

        var results = nearby.Skip(skip).Take(GroupSearchQuery.PageSize).ToList();
        if (results.Count < GroupSearchQuery.PageSize)
        {
            var remoteSkip = Math.Max(0, skip - nearby.Count);
            results.AddRange(await remote.OrderBy(g => g.Name).ThenBy(g => g.Id)
                .Skip(remoteSkip).Take(GroupSearchQuery.PageSize - results.Count)
                .Select(ToListing(null)).ToListAsync(cancellationToken));
        }
        return new GroupSearchResult(results, nearby.Count + remoteTotal, query.Page, GroupSearchQuery.PageSize, query.Zip);
    }

    internal static IQueryable<Group> ApplyFilters(IQueryable<Group> groups, GroupSearchQuery query)
    {
        groups = groups.Where(g => g.Status == GroupStatus.Recruiting || g.Status == GroupStatus.Active);
        if (query.Audience is { } audience)
        {
            // Mixed groups welcome everyone, so they match every audience.
            groups = groups.Where(g => g.Audience == audience || g.Audience == Audience.Mixed);
        }
        if (query.CancerType is { } cancer)
        {
            // A group with no cancer focus is open to people with any cancer.
            groups = groups.Where(g => !g.CancerFocus.Any() || g.CancerFocus.Any(f => f.CancerType == cancer));
        }
        if (query.Modality is { } modality)
        {
            groups = modality switch
            {
                Modality.InPerson or Modality.Video =>
                    groups.Where(g => g.Modality == modality || g.Modality == Modality.Hybrid),
                _ => groups.Where(g => g.Modality == modality),
            };
        }
        if (query.Language is { } language)
        {
            groups = groups.Where(g => g.Language == language);
        }
        if (query.Day is { } day)
        {
            groups = groups.Where(g => g.Schedule.DayOfWeek == day);
        }
        if (query.TimeOfDay is { } time)
        {
            var (from, to) = TimeOfDayRanges.Minutes(time);
            groups = groups.Where(g => g.Schedule.StartMinuteOfDay >= from && g.Schedule.StartMinuteOfDay < to);
        }
        return groups;
    }

    internal static Expression<Func<Group, GroupListing>> ToListing(double? distance) => g => new GroupListing(
        g.Id, g.Slug, g.Name, g.Description, g.Audience,
        g.CancerFocus.Select(f => f.CancerType).ToList(),
        g.GroupType, g.Membership, g.Modality, g.Language, g.Status, g.Capacity,
        g.Place.City, g.Place.State, g.Place.Latitude, g.Place.Longitude,
        g.Schedule.Frequency, g.Schedule.DayOfWeek, g.Schedule.WeekOfMonth, g.Schedule.StartMinuteOfDay,
        g.Schedule.DurationMinutes, g.Schedule.TimeZoneId, distance);
}
