using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Web.Infrastructure.Auth;

public static class AccountsExtensions
{
    /// <summary>Staff and members alike are signed out after this long without a request.</summary>
    public static readonly TimeSpan IdleSignOut = TimeSpan.FromMinutes(30);

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<PeerCircleUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                // Length and the common-password list do the work; composition rules push people to "Password1!".
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddEntityFrameworkStores<PeerCircleDb>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.AddSingleton(_ => CommonPasswordList.LoadShipped());
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // Invitations and set-password links stay valid for three days, and only until used.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "peercircle.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.ExpireTimeSpan = IdleSignOut;
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            // Every sign-in is logged; it is also how the retention rule knows an account is still in use.
            cookie.Events.OnSignedIn = RecordSignInAsync;
        });

        services.AddDataProtection().SetApplicationName("PeerCircle").PersistKeysToDbContext<PeerCircleDb>();

        services.AddAuthorizationBuilder().AddPeerCirclePolicies();
        services.AddSingleton<IAuthorizationHandler, TwoFactorSignInHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TwoFactorSetupRedirect>();
        services.AddCascadingAuthenticationState();
        return builder;
    }

    private static async Task RecordSignInAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieSignedInContext context)
    {
        var userId = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (userId is null)
        {
            return;
        }
        var db = context.HttpContext.RequestServices.GetRequiredService<PeerCircleDb>();
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        db.AuditEvents.Add(new PeerCircle.Data.Audit.AuditEvent
        {
            OccurredAtUtc = time.GetUtcNow().UtcDateTime,
            ActorUserId = userId,
            ActorName = context.Principal!.Identity?.Name ?? "",
            Action = PeerCircle.Web.Infrastructure.Audit.AuditActions.SignedIn,
            RecordType = "Account",
            RecordId = userId,
            IpAddress = context.HttpContext.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
