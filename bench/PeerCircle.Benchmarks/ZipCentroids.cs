using System.Globalization;
using System.Text;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Benchmarks;

/// <summary>The shipped ZIP gazetteer (<c>content/geo/us-zip-centroids.csv</c>) read as rows, for seeding and queries.</summary>
public sealed class ZipCentroids
{
    public const string RelativePath = "content/geo/us-zip-centroids.csv";

    public required IReadOnlyList<(string Zip, GeoPoint Point)> Rows { get; init; }

    public static ZipCentroids Load(string path)
    {
        var rows = File.ReadLines(path)
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(parts => parts.Length == 3)
            .Select(parts => (parts[0], new GeoPoint(
                double.Parse(parts[1], CultureInfo.InvariantCulture),
                double.Parse(parts[2], CultureInfo.InvariantCulture))))
            .ToList();
        return new ZipCentroids { Rows = rows };
    }

    /// <summary>
    /// Writes the real rows plus synthetic centroids up to <paramref name="total"/>. Synthetic codes are five-digit
    /// numbers absent from the real file, placed next to a real centroid; the load never asks for them, they only
    /// make the in-memory index as large as the scenario says. Returns the first synthetic code (for a check).
    /// </summary>
    public string? WritePadded(string path, int total, int seed)
    {
        var random = new Random(seed);
        var taken = Rows.Select(r => r.Zip).ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder("zip,latitude,longitude\n");
        foreach (var (zip, point) in Rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{zip},{point.Latitude},{point.Longitude}\n");
        }
        string? firstSynthetic = null;
        for (var code = 1; code <= 99_999 && taken.Count < total; code++)
        {
            var zip = code.ToString("D5", CultureInfo.InvariantCulture);
            if (!taken.Add(zip))
            {
                continue;
            }
            firstSynthetic ??= zip;
            var near = Rows[random.Next(Rows.Count)].Point;
            text.Append(CultureInfo.InvariantCulture,
                $"{zip},{near.Latitude + ((random.NextDouble() - 0.5) * 0.1):F6},{near.Longitude + ((random.NextDouble() - 0.5) * 0.1):F6}\n");
        }
        File.WriteAllText(path, text.ToString());
        return firstSynthetic;
    }
}
