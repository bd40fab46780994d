using System.Net;
using System.Text.Json;
using PeerCircle.Data;

namespace PeerCircle.IntegrationTests.Infrastructure;

public class WebPlatformTests(SharedApps apps)
{
    [Theory, AllProviders]
    public async Task HealthChecks_AnswerHealthyWithoutSigningIn(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var client = app.CreateClientWithCookies();

        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }

    [Theory, AllProviders]
    public async Task OpenApiDocument_DescribesTheGroupSearchAndItsFilters(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var client = app.CreateClientWithCookies();

        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var paths = document.RootElement.GetProperty("paths");
        var search = paths.EnumerateObject().SingleOrDefault(p => p.Name.TrimEnd('/') == "/api/groups");
        Assert.True(search.Value.ValueKind == JsonValueKind.Object,
            $"No /api/groups path in: {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
        var parameters = search.Value.GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query")
            .Select(p => p.GetProperty("name").GetString())
            .ToHashSet();
        Assert.Superset(
            new HashSet<string?> { "audience", "cancer", "modality", "language", "day", "time", "zip", "radius", "page" },
            parameters);
        Assert.Contains(paths.EnumerateObject(), p => p.Name == "/api/groups/{idOrSlug}");
    }

    [Theory]
    [AllProviders]
    public async Task UnknownPage_ShowsTheNotFoundPageToSignedOutVisitors(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var client = app.CreateClientWithCookies();

        using var response = await client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
