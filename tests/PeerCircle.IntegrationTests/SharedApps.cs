using System.Collections.Concurrent;
using PeerCircle.Data;
using PeerCircle.IntegrationTests;

[assembly: AssemblyFixture(typeof(SharedApps))]

namespace PeerCircle.IntegrationTests;

/// <summary>
/// One started <see cref="PeerCircleAppFactory"/> per provider, shared by every test in the assembly, so the app starts
/// (and migrates and seeds) once per provider rather than once per test. Tests that change what others read start
/// their own factory instead.
/// </summary>
public sealed class SharedApps : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<PeerCircleAppFactory>>> _apps = new();

    public Task<PeerCircleAppFactory> For(DatabaseProvider provider) =>
        _apps.GetOrAdd(provider, p => new Lazy<Task<PeerCircleAppFactory>>(() => PeerCircleAppFactory.StartAsync(p))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
        {
            if (app.Value.IsCompletedSuccessfully)
            {
                await app.Value.Result.DisposeAsync();
            }
        }
    }
}
