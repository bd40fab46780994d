namespace PeerCircle.Web.Features.Safety.RiskLanguage;

public static class RiskLanguageExtensions
{
    /// <summary>The configuration key that chooses the detector: <c>hybrid</c> (default) or <c>rules</c>.</summary>
    public const string DetectorSetting = "Safety:RiskDetector";

    /// <summary>
    /// The risk-language detector: one instance for the app (thread-safe). <c>Safety:RiskDetector</c> chooses it:
    /// <c>hybrid</c> (the default: the curated rules, then the MiniLM head adds categories they missed; +about 350 MB
    /// per process, the model is loaded in the background at start-up) or <c>rules</c> (the curated rules alone, for
    /// a host without the memory; they catch clearly fewer risk messages written by people they were not tuned on).
    /// Decision record 0007 has the figures. Any other value stops the app at start-up with a message.
    /// </summary>
    public static WebApplicationBuilder AddRiskLanguage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var hybrid = IsHybrid(builder.Configuration[DetectorSetting]);
        builder.Services.AddSingleton(services =>
        {
            var log = services.GetRequiredService<ILoggerFactory>().CreateLogger<RiskDetector>();
            return hybrid ? RiskDetector.Hybrid(log) : RiskDetector.RulesOnly(log);
        });
        if (hybrid)
        {
            builder.Services.AddHostedService<RiskModelWarmUp>();
        }
        return builder;
    }

    /// <summary>True for "hybrid" or no value, false for "rules"; anything else is a configuration mistake.</summary>
    public static bool IsHybrid(string? setting) => setting?.Trim().ToLowerInvariant() switch
    {
        "rules" => false,
        null or "" or "hybrid" => true,
        _ => throw new InvalidOperationException($"{DetectorSetting} must be \"rules\" or \"hybrid\", not \"{setting}\"."),
    };
}

/// <summary>
/// Loads the hybrid's model and head in the background when the app starts, so the first member who writes a note does
/// not wait for it (0.3–2 s). If the model cannot load, the detector logs why and checks messages by the rules alone;
/// this says so at start-up.
/// </summary>
internal sealed partial class RiskModelWarmUp(RiskDetector detector, ILogger<RiskModelWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            detector.Detect("Thank you all for tonight, see you next week.");
            if (RiskEmbedder.IsLoaded)
            {
                LogLoaded(logger);
            }
            else
            {
                LogNotLoaded(logger);
            }
        }
#pragma warning disable CA1031 // Warming up must never stop the app; the detector falls back to the rules by itself.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
    }, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk-language hybrid: model and head loaded.")]
    private static partial void LogLoaded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk-language hybrid: warming up failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Risk-language hybrid: the sentence model did not load, so messages are checked by the rules alone. Set Safety:RiskDetector to rules to run without it, or see the error logged before this.")]
    private static partial void LogNotLoaded(ILogger logger);
}
