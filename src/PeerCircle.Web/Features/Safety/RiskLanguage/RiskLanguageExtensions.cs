namespace PeerCircle.Web.Features.Safety.RiskLanguage;

public static class RiskLanguageExtensions
{
    /// <summary>
    /// The risk-language detector: one instance for the app (thread-safe). It is the hybrid — rules, then the MiniLM
    /// head — which loads its model on the first text it checks, not at start-up (decision record 0007).
    /// </summary>
    public static WebApplicationBuilder AddRiskLanguage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(_ => new RiskDetector());
        return builder;
    }
}
