using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;

namespace PeerCircle.Web.Features.Groups;

/// <summary>
/// The public directory held in memory: every recruiting or active group as a listing, in name order. Rebuilt at most
/// every <see cref="MaxAge"/> (so other app nodes' edits show within that time) and at once after a local save.
/// </summary>
public sealed class DirectorySnapshot(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Entry? _current;
    private int _version;

    private sealed record Entry(ListedGroups ListedGroups, DateTimeOffset LoadedAt, int Version);

    /// <summary>Drops the snapshot after a change on this node, including one a reload already under way would miss.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _current = null;
    }

    private bool IsFresh(Entry entry) => entry.Version == Volatile.Read(ref _version) && time.GetUtcNow() - entry.LoadedAt < MaxAge;

    public async ValueTask<ListedGroups> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && IsFresh(fresh))
        {
            return fresh.ListedGroups;
        }
        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } other && IsFresh(other))
            {
                return other.ListedGroups;
            }
            var version = Volatile.Read(ref _version);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var listings = await SearchGroups.Listed(db.Groups.AsNoTracking())
                .Select(SearchGroups.ToListing)
                .ToListAsync(cancellationToken);
            var byName = listings
                .OrderBy(g => g.Name, StringComparer.InvariantCultureIgnoreCase)
                .ThenBy(g => g.Id)
                .ToArray();
            var snapshot = new ListedGroups(
                byName,
                byName.Where(g => g.Modality != Modality.InPerson).ToArray(),
                byName.Where(g => g.Modality is Modality.InPerson or Modality.Hybrid && g.Latitude is not null && g.Longitude is not null)
                    .OrderBy(g => g.Latitude).ToArray());
            _current = new Entry(snapshot, time.GetUtcNow(), version);
            return snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }
}

/// <summary>
/// All listings in name order; the remote-capable ones in name order; the located ones by latitude;
/// each with a parallel array of filter keys.
/// </summary>
public sealed record ListedGroups(GroupListing[] ByName, GroupListing[] RemoteByName, GroupListing[] LocatedByLatitude)
{
    public DirectoryKey[] ByNameKeys { get; } = [.. ByName.Select(DirectoryKey.Of)];
    public DirectoryKey[] RemoteKeys { get; } = [.. RemoteByName.Select(DirectoryKey.Of)];
    public DirectoryKey[] LocatedKeys { get; } = [.. LocatedByLatitude.Select(DirectoryKey.Of)];

    public int FirstAtOrAbove(double latitude)
    {
        int lo = 0, hi = LocatedByLatitude.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (LocatedByLatitude[mid].Latitude!.Value < latitude)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
