using Microsoft.Extensions.Options;

namespace PeerCircle.Web.Features.Safety.Oversight;

public static class OversightExtensions
{
    /// <summary>The on-call roster, the confidentiality-break log and the response-time report.</summary>
    public static WebApplicationBuilder AddSafetyOversight(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SafetyTimeZoneOptions>()
            .BindConfiguration(SafetyTimeZoneOptions.Section)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _),
                "Safety:TimeZone must be a time zone id such as America/New_York.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new ProgramTime(sp.GetRequiredService<IOptions<SafetyTimeZoneOptions>>()));
        builder.Services.AddScoped<OnCallRoster>();
        builder.Services.AddScoped<ManageOnCall>();
        builder.Services.AddScoped<RecordConfidentialityBreak>();
        builder.Services.AddScoped<ResponseTimeReport>();
        return builder;
    }
}
