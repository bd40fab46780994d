using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Web.Features.Outcomes.Reports;

namespace PeerCircle.IntegrationTests.Features.Outcomes.Reports;

/// <summary>The outcomes figures are computed a few sets at a time, however many filters are asked for at once.</summary>
public class DashboardCacheTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManyFiltersAskedAtOnce_AreComputedAFewAtATime_AndAllAnswered()
    {
        await using var app = await PeerCircleAppFactory.StartAsync(DatabaseProvider.Sqlite, Cancel);
        var cache = app.Services.GetRequiredService<DashboardCache>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var most = 0;
        var started = new SemaphoreSlim(0);

        // Five coordinators (or one, clicking fast) ask for five different filters; each computation holds until released.
        // Each also needs figures shared by all (as the dashboard needs the facilitator pipeline), which wait for no turn.
        var asked = Enumerable.Range(1, 5).Select(n => cache.GetAsync($"test-filter-{n}", async (_, stopping) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await cache.GetAsync("test-shared", (_, _) => Task.FromResult("shared"), stopping, waitsTurn: false);
            started.Release();
            await release.Task.WaitAsync(stopping);
            Interlocked.Decrement(ref running);
            return $"figures {n}";
        }, Cancel)).ToList();

        // Two start (and get the shared figures while holding both turns); the other three wait their turn.
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(30), Cancel), "The first computation never got its shared figures.");
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(30), Cancel), "The second computation never got its shared figures.");
        for (var look = 0; cache.Waiting < 3 && look < 1000; look++)
        {
            await Task.Delay(10, Cancel);
        }
        Assert.Equal(3, cache.Waiting);
        Assert.Equal(DashboardCache.AtOnce, Volatile.Read(ref running));

        release.SetResult();
        var answers = await Task.WhenAll(asked);

        Assert.Equal(["figures 1", "figures 2", "figures 3", "figures 4", "figures 5"], answers);
        Assert.Equal(DashboardCache.AtOnce, most);
        Assert.Equal(0, cache.Waiting);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var before = Interlocked.CompareExchange(ref target, value, seen);
            if (before == seen)
            {
                return;
            }
            seen = before;
        }
    }
}
