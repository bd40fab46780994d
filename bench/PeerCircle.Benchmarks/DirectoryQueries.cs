using System.Text;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.Benchmarks;

public enum QueryKind { Bare, SearchWithZip, SearchWithoutZip }

public sealed record LoadRequest(string Url, QueryKind Kind);

/// <summary>
/// A fixed, seeded pool of realistic directory queries against <c>GET /api/groups</c>, as the /groups page and
/// API clients send them: most with a ZIP where groups are (some where none are), radius 10–100 miles, and a mix of
/// filters; some without a ZIP; pages 1–3.
/// </summary>
public static class DirectoryQueries
{
    public const string BarePath = "/health/live";

    public static LoadRequest[] Build(SeedResult seed, ZipCentroids centroids, int count, int randomSeed)
    {
        var random = new Random(randomSeed);
        var requests = new LoadRequest[count];
        int[] radii = [10, 15, 25, 25, 25, 50, 50, 75, 100];
        var languages = new[] { "es", "es", "es", "zh", "vi", "ko", "en" };
        for (var i = 0; i < count; i++)
        {
            var url = new StringBuilder("/api/groups?");
            var withZip = random.NextDouble() < 0.65;
            if (withZip)
            {
                var roll = random.NextDouble();
                var zip = roll < 0.70 ? seed.PopulatedZips[random.Next(seed.PopulatedZips.Count)]
                    : roll < 0.85 ? seed.MetroZips[random.Next(seed.MetroZips.Count)]
                    // Somewhere no group may be near: rural visitors get mostly remote groups.
                    : centroids.Rows[random.Next(centroids.Rows.Count)].Zip;
                url.Append("zip=").Append(zip).Append("&radius=").Append(radii[random.Next(radii.Length)]).Append('&');
            }
            if (random.NextDouble() < 0.40)
            {
                url.Append("audience=").Append(EnumText.ToKebab(Any<Audience>(random))).Append('&');
            }
            if (random.NextDouble() < 0.35)
            {
                url.Append("cancer=").Append(EnumText.ToKebab(Any<CancerType>(random))).Append('&');
            }
            if (random.NextDouble() < 0.25)
            {
                url.Append("modality=").Append(EnumText.ToKebab(Any<Modality>(random))).Append('&');
            }
            if (random.NextDouble() < 0.15)
            {
                url.Append("language=").Append(languages[random.Next(languages.Length)]).Append('&');
            }
            if (random.NextDouble() < 0.15)
            {
                url.Append("day=").Append(Any<DayOfWeek>(random).ToString().ToLowerInvariant()).Append('&');
            }
            if (random.NextDouble() < 0.20)
            {
                url.Append("time=").Append(EnumText.ToKebab(Any<TimeOfDay>(random))).Append('&');
            }
            var page = random.NextDouble() switch { < 0.70 => 1, < 0.90 => 2, _ => 3 };
            if (page > 1)
            {
                url.Append("page=").Append(page).Append('&');
            }
            url.Length--; // the trailing '&' or '?'
            requests[i] = new LoadRequest(url.ToString(), withZip ? QueryKind.SearchWithZip : QueryKind.SearchWithoutZip);
        }
        return requests;
    }

    private static T Any<T>(Random random) where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[random.Next(values.Length)];
    }
}
