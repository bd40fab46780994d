using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace PeerCircle.Web.Infrastructure.Localization;

public static class LocalizationExtensions
{
    public static readonly CultureInfo[] Supported = [new("en-US"), new("es")];

    public static WebApplicationBuilder AddPeerCircleLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        return builder;
    }

    public static WebApplication UsePeerCircleLocalization(this WebApplication app)
    {
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en-US");
            options.SupportedCultures = Supported;
            options.SupportedUICultures = Supported;
        });
        return app;
    }
}
