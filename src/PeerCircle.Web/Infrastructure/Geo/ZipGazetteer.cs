using System.Collections.Frozen;
using System.Globalization;

namespace PeerCircle.Web.Infrastructure.Geo;

public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>
/// US ZIP code centroids from the Census-derived gazetteer in <c>content/geo</c>, held in memory as a frozen index.
/// </summary>
public sealed class ZipGazetteer
{
    private readonly FrozenDictionary<string, GeoPoint> _centroids;

    public ZipGazetteer(IEnumerable<KeyValuePair<string, GeoPoint>> centroids)
    {
        _centroids = centroids.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public int Count => _centroids.Count;

    public bool TryFind(string zip, out GeoPoint point) => _centroids.TryGetValue(zip.Trim(), out point);

    public static bool LooksLikeZip(string? value) =>
        value is { Length: 5 } && value.All(char.IsAsciiDigit);

    public static ZipGazetteer Load(string path)
    {
        var rows = File.ReadLines(path)
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(parts => parts.Length == 3)
            .Select(parts => KeyValuePair.Create(parts[0], new GeoPoint(
                double.Parse(parts[1], CultureInfo.InvariantCulture),
                double.Parse(parts[2], CultureInfo.InvariantCulture))));
        return new ZipGazetteer(rows);
    }

    public static ZipGazetteer LoadShipped() =>
        Load(Path.Combine(AppContext.BaseDirectory, "content", "geo", "us-zip-centroids.csv"));
}

public static class Distance
{
    private const double EarthRadiusMiles = 3958.8;

    /// <summary>Great-circle distance in miles (haversine).</summary>
    public static double Miles(GeoPoint a, GeoPoint b)
    {
        var dLat = ToRadians(b.Latitude - a.Latitude);
        var dLon = ToRadians(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(ToRadians(a.Latitude)) * Math.Cos(ToRadians(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>A latitude/longitude box that holds every point within <paramref name="miles"/> of the centre.</summary>
    public static (double MinLat, double MaxLat, double MinLon, double MaxLon) BoundingBox(GeoPoint centre, double miles)
    {
        // Miles per degree along a meridian, from the same earth radius the distance uses; padded by 1 %
        // so the box never clips a point the exact distance would keep.
        var milesPerDegree = EarthRadiusMiles * Math.PI / 180;
        var latDelta = miles / milesPerDegree * 1.01;
        var cos = Math.Max(0.01, Math.Cos(ToRadians(centre.Latitude)));
        var lonDelta = miles / (milesPerDegree * cos) * 1.01;
        return (centre.Latitude - latDelta, centre.Latitude + latDelta, centre.Longitude - lonDelta, centre.Longitude + lonDelta);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
