using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PeerCircle.Web.Features.Outcomes.Surveys;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>
/// Keeps computed dashboard figures for <see cref="ProgramDashboard.ComputedFor"/> and computes each set once at a time:
/// a second coordinator asking for the same figures while they are being computed waits for that work instead of
/// starting it again. The work runs in its own scope and is not stopped when the request that started it goes away
/// (its figures are kept for the next one); it stops when the app does. At most <see cref="AtOnce"/> sets are computed
/// at a time; the rest wait their turn, so a coordinator trying filter after filter cannot take over the database.
/// </summary>
public sealed partial class DashboardCache(
    IMemoryCache cache, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<DashboardCache> log)
{
    /// <summary>How many sets of figures may be computed at the same time.</summary>
    public const int AtOnce = 2;

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> computing = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim turns = new(AtOnce, AtOnce);
    private int waiting;

    /// <summary>How many sets of figures are waiting for their turn to be computed.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>
    /// The kept figures under <paramref name="key"/>, or the ones being computed, or newly computed ones. Figures that
    /// other figures are computed from are asked for with <paramref name="waitsTurn"/> false: they must not wait for a
    /// turn that their askers hold.
    /// </summary>
    public async Task<T> GetAsync<T>(
        string key, Func<ProgramDashboard, CancellationToken, Task<T>> compute, CancellationToken cancellationToken, bool waitsTurn = true)
        where T : class
    {
        if (cache.TryGetValue(key, out T? kept) && kept is not null)
        {
            return kept;
        }
        return await ComputeOnceAsync(key, compute, waitsTurn, cancellationToken);
    }

    /// <summary>Computes the figures under <paramref name="key"/> again, whatever is kept, and keeps them.</summary>
    public Task<T> RefreshAsync<T>(
        string key, Func<ProgramDashboard, CancellationToken, Task<T>> compute, CancellationToken cancellationToken, bool waitsTurn = true)
        where T : class => ComputeOnceAsync(key, compute, waitsTurn, cancellationToken);

    private async Task<T> ComputeOnceAsync<T>(
        string key, Func<ProgramDashboard, CancellationToken, Task<T>> compute, bool waitsTurn, CancellationToken cancellationToken)
        where T : class
    {
        var work = computing.GetOrAdd(key, _ => new Lazy<Task<object>>(() =>
        {
            // On a thread of its own and without the request's context: the first requester can stop waiting at once,
            // and nothing of its request reaches the shared work.
            using (ExecutionContext.SuppressFlow())
            {
                return Task.Run(() => ComputeAndKeepAsync(compute, key, waitsTurn));
            }
        }));
        var task = work.Value;
        // Once done (kept, or failed), the next request must start afresh rather than find this work.
        _ = task.ContinueWith(
            _ => computing.TryRemove(KeyValuePair.Create(key, work)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return (T)await task.WaitAsync(cancellationToken);
    }

    private async Task<object> ComputeAndKeepAsync<T>(Func<ProgramDashboard, CancellationToken, Task<T>> compute, string key, bool waitsTurn)
        where T : class
    {
        if (waitsTurn)
        {
            Interlocked.Increment(ref waiting);
            try
            {
                await turns.WaitAsync(lifetime.ApplicationStopping);
            }
            finally
            {
                Interlocked.Decrement(ref waiting);
            }
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var figures = await compute(scope.ServiceProvider.GetRequiredService<ProgramDashboard>(), lifetime.ApplicationStopping);
            cache.Set(key, figures, ProgramDashboard.ComputedFor);
            return figures;
        }
        catch (Exception ex) when (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Logged here too: everyone waiting may have gone by the time it fails.
            LogFailed(log, key, ex);
            throw;
        }
        finally
        {
            if (waitsTurn)
            {
                turns.Release();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Computing the outcomes figures {Key} failed.")]
    private static partial void LogFailed(ILogger logger, string key, Exception exception);
}

/// <summary>
/// Counts the months that have ended (<see cref="MonthlyCounts"/>) and computes the dashboard's default view (the last
/// 12 months, all groups) at start-up and again before the kept figures run out, so a coordinator opening the dashboard
/// never waits for it, and other views read whole months from their counts. Off with Outcomes:BackgroundSweep=false.
/// </summary>
public sealed partial class DashboardRefreshService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<SurveyOptions> options, ILogger<DashboardRefreshService> log) : BackgroundService
{
    /// <summary>How often: a minute before the kept figures run out.</summary>
    public static readonly TimeSpan Every = ProgramDashboard.ComputedFor - TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundSweep)
        {
            return;
        }
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            // Months that have ended (or changed) are counted first, so the view computed next reads their counts. Each
            // step on its own: the view is computed, more slowly, even when counting fails.
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MonthlyCounts>().CountAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogCountingFailed(log, ex);
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ProgramDashboard>().RefreshDefaultAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(log, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Computing the outcomes dashboard in the background failed; it will be tried again in a few minutes.")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Counting ended months ahead for the outcomes dashboard failed; reports read those months row by row until it works again.")]
    private static partial void LogCountingFailed(ILogger logger, Exception exception);
}
