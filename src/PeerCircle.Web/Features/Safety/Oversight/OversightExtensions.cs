using Microsoft.Extensions.Options;
using PeerCircle.Web.Features.Safety.Cases;

namespace PeerCircle.Web.Features.Safety.Oversight;

public static class OversightExtensions
{
    /// <summary>The on-call roster, the confidentiality-break log and the response-time report.</summary>
    public static WebApplicationBuilder AddSafetyOversight(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The time zone is CaseOptions.TimeZone (Safety:TimeZone), validated where the case options are registered.
        builder.Services.AddSingleton(sp => new ProgramTime(sp.GetRequiredService<IOptions<CaseOptions>>()));
        builder.Services.AddScoped<OnCallRoster>();
        builder.Services.AddScoped<ManageOnCall>();
        builder.Services.AddScoped<RecordConfidentialityBreak>();
        builder.Services.AddScoped<ResponseTimeReport>();
        return builder;
    }
}
