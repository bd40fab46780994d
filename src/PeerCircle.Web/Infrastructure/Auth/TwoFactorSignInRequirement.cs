using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Web.Infrastructure.Auth;

/// <summary>Coordinators and clinicians must have signed in with a second factor to pass any named policy.</summary>
public sealed class TwoFactorSignInRequirement : IAuthorizationRequirement
{
    /// <summary>The claim Identity adds after a two-factor sign-in.</summary>
    public const string AuthenticationMethodClaim = "amr";
    public const string MultiFactor = "mfa";

    public static bool IsSatisfiedBy(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var needsTwoFactor = Roles.RequiringTwoFactor.Any(user.IsInRole);
        return !needsTwoFactor || user.HasClaim(AuthenticationMethodClaim, MultiFactor);
    }
}

public sealed class TwoFactorSignInHandler : AuthorizationHandler<TwoFactorSignInRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorSignInRequirement requirement)
    {
        if (TwoFactorSignInRequirement.IsSatisfiedBy(context.User))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Sends a coordinator or clinician without a second factor to set one up, instead of a bare "access denied".</summary>
public sealed class TwoFactorSetupRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        var missingSecondFactor = authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<TwoFactorSignInRequirement>().Any() == true
            && !context.Request.Path.StartsWithSegments("/api");
        if (missingSecondFactor)
        {
            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect("/account/two-factor?returnUrl=" + Uri.EscapeDataString(returnUrl));
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
