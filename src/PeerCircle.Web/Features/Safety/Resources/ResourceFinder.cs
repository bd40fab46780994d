using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Web.Features.Safety.Resources;

/// <summary>Where to look for help from: a ZIP code (its state and its map point) or only a state.</summary>
public sealed record ResourcePlace(string? Zip, string? State, GeoPoint? Point)
{
    public static readonly ResourcePlace Anywhere = new(null, null, null);
}

/// <summary>
/// Finds active resources that reach a place: national ones, ones serving the place's state, and ones whose ZIP radius
/// covers it. Crisis lines always come first.
/// </summary>
public sealed class ResourceFinder(PeerCircleDb db, ZipGazetteer gazetteer)
{
    public ResourcePlace PlaceOf(string? zip)
    {
        var trimmed = zip?.Trim();
        if (!ZipGazetteer.LooksLikeZip(trimmed))
        {
            return ResourcePlace.Anywhere;
        }
        return new ResourcePlace(trimmed, UsStates.OfZip(trimmed), gazetteer.TryFind(trimmed!, out var point) ? point : null);
    }

    public async Task<List<Resource>> FindAsync(
        ResourcePlace place, ResourceCategory? category, IReadOnlyCollection<string>? languages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        var query = db.Resources.AsNoTracking().Where(r => r.Active);
        if (category is { } wanted)
        {
            query = query.Where(r => r.Category == wanted);
        }
        var all = await query.ToListAsync(cancellationToken);
        return all
            .Where(r => Reaches(r, place))
            .Where(r => languages is not { Count: > 0 } || ResourceLabels.LanguagesOf(r).Any(languages.Contains))
            .OrderBy(r => r.Category == ResourceCategory.CrisisLine ? 0 : 1)
            .ThenBy(r => r.Area == AreaServed.National ? 1 : 0)
            .ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>True when a resource serves the place; with no place known, only national resources do.</summary>
    public static bool Reaches(Resource resource, ResourcePlace place)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(place);
        return resource.Area switch
        {
            AreaServed.National => true,
            AreaServed.State => place.State is not null && ResourceLabels.StatesOf(resource).Contains(place.State, StringComparer.OrdinalIgnoreCase),
            _ => place.Point is { } point && resource.Latitude is { } lat && resource.Longitude is { } lon && resource.RadiusMiles is { } miles
                && Distance.Miles(point, new GeoPoint(lat, lon)) <= miles,
        };
    }
}
