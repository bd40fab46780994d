using Microsoft.AspNetCore.Authorization;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Web.Infrastructure.Auth;

/// <summary>Every named authorization policy in the app. Anything without one needs a signed-in user.</summary>
public static class Policies
{
    /// <summary>Program coordinators, signed in with a second factor.</summary>
    public const string Coordinator = nameof(Coordinator);

    /// <summary>Clinicians, signed in with a second factor.</summary>
    public const string Clinician = nameof(Clinician);

    /// <summary>Clinicians and coordinators, signed in with a second factor: those who may act under a confidentiality exception.</summary>
    public const string ClinicianOrCoordinator = nameof(ClinicianOrCoordinator);

    /// <summary>Facilitators (and coordinators, who may step in for them).</summary>
    public const string Facilitator = nameof(Facilitator);

    /// <summary>Staff who use live (interactive) pages: facilitators and coordinators (meeting runner) or clinicians (case queue).</summary>
    public const string LiveStaff = nameof(LiveStaff);

    /// <summary>Any signed-in member of the program.</summary>
    public const string Member = nameof(Member);

    public static AuthorizationBuilder AddPeerCirclePolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var twoFactor = new TwoFactorSignInRequirement();
        return authorization
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Coordinator, p => p.RequireRole(Roles.Coordinator).AddRequirements(twoFactor))
            .AddPolicy(Clinician, p => p.RequireRole(Roles.Clinician).AddRequirements(twoFactor))
            .AddPolicy(ClinicianOrCoordinator, p => p.RequireRole(Roles.Clinician, Roles.Coordinator).AddRequirements(twoFactor))
            .AddPolicy(Facilitator, p => p.RequireRole(Roles.Facilitator, Roles.Coordinator).AddRequirements(twoFactor))
            .AddPolicy(LiveStaff, p => p.RequireRole(Roles.Facilitator, Roles.Coordinator, Roles.Clinician).AddRequirements(twoFactor))
            .AddPolicy(Member, p => p.RequireAuthenticatedUser().AddRequirements(twoFactor));
    }
}
