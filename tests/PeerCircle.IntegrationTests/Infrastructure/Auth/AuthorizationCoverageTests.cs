using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;

namespace PeerCircle.IntegrationTests.Infrastructure.Auth;

/// <summary>Deny by default, checked: every endpoint states who may reach it.</summary>
public class AuthorizationCoverageTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static IReadOnlyList<RouteEndpoint> Endpoints(PeerCircleAppFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    /// <summary>Endpoints the framework adds itself, which take no authorization metadata from our code.</summary>
    private static readonly HashSet<string> FrameworkEndpoints =
    [
        // MapStaticAssets adds this in Development only, to serve files created after the build; the fallback
        // policy still covers it, and production has no such endpoint.
        "{**path:file}",
        // MapRazorComponents adds this for enhanced navigation to redirect the browser; the app ships no
        // blazor.web.js, so nothing calls it, and the fallback policy covers it.
        "/_framework/opaque-redirect",
    ];

    private static bool StatesItsAccess(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    private static bool RequiresSignIn(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;

    private static bool AnswersGet(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
        || methods.HttpMethods.Count == 0
        || methods.HttpMethods.Contains(HttpMethods.Get);

    private static string Describe(RouteEndpoint endpoint) =>
        $"{endpoint.RoutePattern.RawText} ({endpoint.DisplayName})";

    [Theory, AllProviders]
    public async Task EveryEndpoint_SaysWhoMayReachIt(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        var unstated = Endpoints(app)
            .Where(e => !StatesItsAccess(e) && !FrameworkEndpoints.Contains(e.RoutePattern.RawText ?? ""))
            .Select(Describe)
            .ToList();

        Assert.True(unstated.Count == 0,
            "These endpoints rely on the fallback policy; add [Authorize(Policy = ...)] or [AllowAnonymous]:\n"
            + string.Join("\n", unstated));
    }

    [Theory, AllProviders]
    public async Task GroupDirectoryApi_AnswersAnonymousVisitors(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var client = app.CreateClientWithCookies();

        using var response = await client.GetAsync("/api/groups", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory, AllProviders]
    public async Task PagesThatNeedSignIn_SendAnonymousVisitorsToTheSignInPage(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var pages = Endpoints(app)
            .Where(e => RequiresSignIn(e) && AnswersGet(e) && e.RoutePattern.Parameters.Count == 0
                && !(e.RoutePattern.RawText ?? "").StartsWith("/api", StringComparison.OrdinalIgnoreCase))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .ToList();
        if (pages.Count == 0)
        {
            Assert.Skip("No page without route parameters requires sign-in yet.");
        }
        using var client = app.CreateClientWithCookies();

        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page, Cancel);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {page} answered {(int)response.StatusCode}, not 302.");
            Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
            Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(page), response.Headers.Location.Query, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory, AllProviders]
    public async Task ApiEndpointsThatNeedSignIn_AnswerUnauthorizedInsteadOfRedirecting(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var endpoints = Endpoints(app)
            .Where(e => RequiresSignIn(e) && AnswersGet(e) && e.RoutePattern.Parameters.Count == 0
                && (e.RoutePattern.RawText ?? "").StartsWith("/api", StringComparison.OrdinalIgnoreCase))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .ToList();
        if (endpoints.Count == 0)
        {
            Assert.Skip("No API endpoint without route parameters requires sign-in yet.");
        }
        using var client = app.CreateClientWithCookies();

        foreach (var path in endpoints)
        {
            using var response = await client.GetAsync(path, Cancel);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"GET {path} answered {(int)response.StatusCode}, not 401.");
        }
    }
}
