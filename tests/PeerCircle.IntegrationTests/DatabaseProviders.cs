using System.Collections.Concurrent;
using PeerCircle.Data;
using PeerCircle.IntegrationTests;
using Xunit.v3;

[assembly: AssemblyFixture(typeof(SharedApps))]

namespace PeerCircle.IntegrationTests;

/// <summary>
/// Runs a theory once per database provider: SQLite always, PostgreSQL when <c>PEERCIRCLE_TEST_POSTGRES</c> is set
/// (otherwise the PostgreSQL case is reported as skipped, with the reason). The test takes a
/// <see cref="DatabaseProvider"/> parameter.
/// </summary>
public sealed class AllProvidersAttribute : MemberDataAttributeBase
{
    public AllProvidersAttribute()
        : base(nameof(All), [])
    {
        MemberType = typeof(AllProvidersAttribute);
    }

    public static IEnumerable<TheoryDataRow<DatabaseProvider>> All =>
    [
        new(DatabaseProvider.Sqlite),
        new(DatabaseProvider.Postgres) { Skip = PeerCircleAppFactory.PostgresSkipReason },
    ];
}

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
