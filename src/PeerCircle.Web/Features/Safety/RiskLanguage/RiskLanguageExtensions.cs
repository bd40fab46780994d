namespace PeerCircle.Web.Features.Safety.RiskLanguage;

public static class RiskLanguageExtensions
{
    /// <summary>The configuration key that chooses the detector: <c>rules</c> (default) or <c>hybrid</c>.</summary>
    public const string DetectorSetting = "Safety:RiskDetector";

    /// <summary>
    /// The risk-language detector: one instance for the app (thread-safe). <c>Safety:RiskDetector</c> chooses it:
    /// <c>rules</c> (the default: the curated rules alone) or <c>hybrid</c> (the rules, then the MiniLM head adds
    /// categories they missed; +about 350 MB per process, the model is loaded in the background at start-up).
    /// Decision record 0007 has the figures. Any other value stops the app at start-up with a message.
    /// </summary>
    public static WebApplicationBuilder AddRiskLanguage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var hybrid = IsHybrid(builder.Configuration[DetectorSetting]);
        builder.Services.AddSingleton(_ => hybrid ? RiskDetector.Hybrid() : new RiskDetector());
        if (hybrid)
        {
            builder.Services.AddHostedService<RiskModelWarmUp>();
        }
        return builder;
    }

    /// <summary>True for "hybrid", false for "rules" or no value; anything else is a configuration mistake.</summary>
    public static bool IsHybrid(string? setting) => setting?.Trim().ToLowerInvariant() switch
    {
        null or "" or "rules" => false,
        "hybrid" => true,
        _ => throw new InvalidOperationException($"{DetectorSetting} must be \"rules\" or \"hybrid\", not \"{setting}\"."),
    };
}

/// <summary>
/// Loads the hybrid's model and head in the background when the app starts, so the first member who writes a note does
/// not wait for it (0.3–2 s). A failure here is logged; the detector then loads on first use as usual.
/// </summary>
internal sealed partial class RiskModelWarmUp(RiskDetector detector, ILogger<RiskModelWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            detector.Detect("Thank you all for tonight, see you next week.");
            LogLoaded(logger);
        }
#pragma warning disable CA1031 // Warming up must never stop the app; the detector loads again on first use.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
    }, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk-language hybrid: model and head loaded.")]
    private static partial void LogLoaded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk-language hybrid: loading the model in the background failed; it will load on first use.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
