using System.Security.Claims;
using System.Text;
using PeerCircle.Web.Infrastructure.Auth;

namespace PeerCircle.Web.Features.Consent;

public static class ConsentExtensions
{
    public static WebApplicationBuilder AddConsent(this WebApplicationBuilder builder)
    {
        // Loaded now, so a document that does not parse stops start-up instead of failing a member later.
        builder.Services.AddSingleton(ConsentLibrary.LoadShipped());
        builder.Services.AddScoped<MemberConsent>();
        builder.Services.AddScoped<MemberDocuments>();
        builder.Services.AddScoped<SignConsent>();
        builder.Services.AddScoped<WithdrawConsent>();
        builder.Services.AddScoped<SignedCopy>();
        builder.Services.AddScoped<AcknowledgeOutsideInteractions>();
        builder.Services.AddScoped<AcknowledgeComfortAgreement>();
        builder.Services.AddScoped<PublishMemberDocument>();
        builder.Services.AddScoped<UnsignedMembers>();
        return builder;
    }

    /// <summary>A member's signed copy of their consent; anyone but the signer gets a 404.</summary>
    public static WebApplication MapConsent(this WebApplication app)
    {
        app.MapGet("/consent/signed/{id:long}", async (long id, ClaimsPrincipal user, SignedCopy copies, CancellationToken cancellationToken) =>
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            var copy = userId is null ? null : await copies.HandleAsync(id, userId, cancellationToken);
            return copy is null
                ? Results.NotFound()
                : Results.File(Encoding.UTF8.GetBytes(copy.Text), "text/plain; charset=utf-8", copy.FileName);
        }).RequireAuthorization(Policies.Member);
        return app;
    }
}
