using System.Text;

namespace PeerCircle.Web.Features.Recruitment;

public static class RecruitmentExtensions
{
    public static WebApplicationBuilder AddRecruitment(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReferralLinks>();
        builder.Services.AddScoped<GroupPageViews>();
        builder.Services.AddScoped<GetFlyer>();
        builder.Services.AddScoped<RecruitmentReport>();
        return builder;
    }

    /// <summary>The QR code on a group's flyer, as an image anyone may load; 404 for groups that have no flyer.</summary>
    public static WebApplication MapRecruitment(this WebApplication app)
    {
        app.MapGet("/groups/{slug}/qr.svg", async (string slug, GetFlyer flyers, CancellationToken cancellationToken) =>
            await flyers.HandleAsync(slug, cancellationToken) is { } flyer
                ? Results.Text(FlyerQrCode.Svg(flyer.QrTargetUrl), "image/svg+xml", Encoding.UTF8)
                : Results.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
