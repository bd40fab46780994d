using System.Net;
using PeerCircle.Data;

namespace PeerCircle.IntegrationTests.Infrastructure.Security;

public class SecurityHeadersTests(SharedApps apps)
{
    [Theory, AllProviders]
    public async Task HomePage_SendsTheSecurityHeaders(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var client = app.CreateClientWithCookies();

        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.DoesNotContain("'unsafe-inline'", directives["script-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", directives["script-src"], StringComparison.Ordinal);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Theory, AllProviders]
    public async Task ApiResponses_SendTheSecurityHeadersToo(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var client = app.CreateClientWithCookies();

        using var response = await client.GetAsync("/api/groups?audience=nobody", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
