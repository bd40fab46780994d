namespace PeerCircle.Web.Features.Safety.RiskLanguage;

public static class RiskLanguageExtensions
{
    /// <summary>The risk-language detector: one instance for the app (stateless, thread-safe).</summary>
    public static WebApplicationBuilder AddRiskLanguage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<RiskDetector>();
        return builder;
    }
}
