namespace PeerCircle.Web.Features.Safety.RiskLanguage;

public static class RiskLanguageExtensions
{
    /// <summary>
    /// The risk-language detector: one instance for the app (thread-safe). The curated rules alone; the MiniLM hybrid
    /// was measured and not adopted yet (decision record 0007).
    /// </summary>
    public static WebApplicationBuilder AddRiskLanguage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(_ => new RiskDetector());
        return builder;
    }
}
