using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Web.Features.Accounts;

public static class AccountFeatureExtensions
{
    public static WebApplicationBuilder AddAccountFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AccountLinks>();
        builder.Services.AddScoped<RegisterMember>();
        builder.Services.AddScoped<InviteStaff>();
        builder.Services.AddScoped<TwoFactorSetup>();
        return builder;
    }

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (SignInManager<PeerCircleUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/?signedOut=1");
            })
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
