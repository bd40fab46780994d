using Microsoft.AspNetCore.Authorization;
using PeerCircle.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace PeerCircle.Web.Infrastructure;

/// <summary>Hosting pieces every area shares: Razor components, error pages, problem details, OpenAPI and health.</summary>
public static class WebPlatform
{
    public static WebApplicationBuilder AddWebPlatform(this WebApplicationBuilder builder)
    {
        // Pages render on the server without script; only the live meeting runner and the clinician case queue are interactive (Blazor Server).
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        // No stack trace ever reaches a person: pages get a calm error page, the API a problem body.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = _ => StatusCodes.Status500InternalServerError,
        });
        // The API answers empty error responses with a problem body; pages show the friendly not-found page.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing runs after the error handlers so a re-executed request finds the error page's endpoint.
        app.UseRouting();
        return app;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    public static WebApplication MapPlatformEndpoints<TApp>(this WebApplication app) where TApp : Microsoft.AspNetCore.Components.IComponent
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<TApp>()
            .AddInteractiveServerRenderMode(options =>
            {
                // Uncompressed WebSocket frames need no extra frame-ancestors header: every page's own policy
                // already forbids framing ('none', stricter than the framework's 'self').
                options.DisableWebSocketCompression = true;
                options.ContentSecurityFrameAncestorsPolicy = null;
            })
            .Add(endpoint =>
            {
                // The live connection (/_blazor) serves only the meeting runner and the clinician case queue, so only
                // facilitators, coordinators and clinicians may open it; each live component checks its own access again.
                if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.StartsWith("/_blazor", StringComparison.Ordinal))
                {
                    endpoint.Metadata.Add(new AuthorizeAttribute(Policies.LiveStaff));
                }
            });
        // Unknown addresses are a plain 404 for everyone, not a sign-in prompt from the fallback policy.
        app.MapFallback(() => Results.NotFound()).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
