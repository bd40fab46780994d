using System.Collections.Immutable;

namespace PeerCircle.Web.Infrastructure.Live;

/// <summary>
/// In-process announcements for the live pages: listeners register for a key (a meeting, the case queue) and are told,
/// in the background, whenever something under that key changes. One server per program, as it is deployed (see
/// docs/decisions/0006-live-meeting-runner.md).
/// </summary>
public sealed class LiveChannels<TKey> where TKey : notnull
{
    private ImmutableDictionary<TKey, ImmutableList<Func<Task>>> _listeners = ImmutableDictionary<TKey, ImmutableList<Func<Task>>>.Empty;

    /// <summary>Calls <paramref name="changed"/> after each change under <paramref name="key"/> until the handle is disposed.</summary>
    public IDisposable Listen(TKey key, Func<Task> changed)
    {
        ImmutableInterlocked.AddOrUpdate(ref _listeners, key, _ => [changed], (_, list) => list.Add(changed));
        return new Subscription(() => ImmutableInterlocked.Update(ref _listeners, all => Without(all, key, changed)));
    }

    private static ImmutableDictionary<TKey, ImmutableList<Func<Task>>> Without(
        ImmutableDictionary<TKey, ImmutableList<Func<Task>>> all, TKey key, Func<Task> listener)
    {
        if (!all.TryGetValue(key, out var list))
        {
            return all;
        }
        var rest = list.Remove(listener);
        return rest.IsEmpty ? all.Remove(key) : all.SetItem(key, rest);
    }

    public int ListenerCount(TKey key) => _listeners.TryGetValue(key, out var list) ? list.Count : 0;

    /// <summary>Announces a change; listeners run in the background so the person who made it is not kept waiting.</summary>
    public void Publish(TKey key)
    {
        if (_listeners.TryGetValue(key, out var list))
        {
            foreach (var listener in list)
            {
                _ = Task.Run(listener);
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
