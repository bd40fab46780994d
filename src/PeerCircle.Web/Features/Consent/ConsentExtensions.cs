namespace PeerCircle.Web.Features.Consent;

public static class ConsentExtensions
{
    public static WebApplicationBuilder AddConsent(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MemberConsent>();
        return builder;
    }
}
