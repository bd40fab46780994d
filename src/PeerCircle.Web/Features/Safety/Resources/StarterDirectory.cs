using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;

namespace PeerCircle.Web.Features.Safety.Resources;

/// <summary>
/// Loads the shipped starter directory (content/resources/starter-directory.json, HSDS JSON) when the directory is
/// empty, in every environment: it is real content, not demo data. Once coordinators have resources it is left alone.
/// </summary>
public static partial class StarterDirectory
{
    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, "content", "resources", "starter-directory.json");

    /// <summary>Returns how many resources were loaded (0 when the directory already had some).</summary>
    public static async Task<int> LoadIfEmptyAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        if (await db.Resources.AnyAsync(cancellationToken) || !File.Exists(ShippedPath))
        {
            return 0;
        }
        var file = Hsds.ReadJson(await File.ReadAllTextAsync(ShippedPath, cancellationToken));
        var result = await scope.ServiceProvider.GetRequiredService<ImportResources>().HandleAsync(file, "starter directory", cancellationToken);
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StarterDirectory));
        if (!result.Saved)
        {
            LogProblems(log, string.Join(" | ", result.Problems));
            return 0;
        }
        LogLoaded(log, result.Added);
        return result.Added;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The starter resource directory was not loaded: {Problems}")]
    private static partial void LogProblems(ILogger log, string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} resources from the starter directory")]
    private static partial void LogLoaded(ILogger log, int count);
}
