using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;

namespace PeerCircle.Web.Infrastructure.Security;

public sealed class RateLimitOptions
{
    /// <summary>Sign-in, registration and password form posts allowed per client address per minute.</summary>
    public int AccountPostsPerMinute { get; set; } = 10;
}

public static class SecurityExtensions
{
    /// <summary>Form posts that guess passwords or create accounts; these are rate limited per client address.</summary>
    private static readonly string[] LimitedPaths =
        ["/account/login", "/account/login-2fa", "/account/register", "/account/forgot-password", "/account/set-password"];

    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limited = HttpMethods.IsPost(context.Request.Method)
                    && LimitedPaths.Any(path => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase));
                if (!limited)
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.AccountPostsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Too many tries in a short time. Please wait a minute and try again. If you need help now, go to /help.",
                    cancellationToken);
            };
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        return builder;
    }

    public static WebApplication UseSecurity(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("App:BehindProxy"))
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            await next(context);
        });
        return app;
    }
}
