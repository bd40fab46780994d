using System.Collections.Concurrent;

namespace PeerCircle.Web.Features.Meetings.Runner;

/// <summary>
/// Tells every open runner of one meeting that something changed (a phase, attendance, a check-in), so both
/// facilitators see the same thing within moments. In-process: one PeerCircle server per program, as it is deployed.
/// </summary>
public sealed class MeetingRoom
{
    private readonly ConcurrentDictionary<(Guid GroupId, DateTime Occurrence), ImmutableListenerSet> _rooms = new();

    /// <summary>Calls <paramref name="changed"/> after each change to the meeting until the returned handle is disposed.</summary>
    public IDisposable Listen(Guid groupId, DateTime occurrenceUtc, Func<Task> changed)
    {
        var key = (groupId, occurrenceUtc);
        var listener = new Listener(changed);
        _rooms.AddOrUpdate(key, _ => new ImmutableListenerSet([listener]), (_, set) => set.With(listener));
        return new Subscription(() =>
        {
            while (_rooms.TryGetValue(key, out var set))
            {
                var without = set.Without(listener);
                var done = without.IsEmpty
                    ? _rooms.TryRemove(new KeyValuePair<(Guid, DateTime), ImmutableListenerSet>(key, set))
                    : _rooms.TryUpdate(key, without, set);
                if (done)
                {
                    return;
                }
            }
        });
    }

    /// <summary>How many runners have this meeting open.</summary>
    public int ListenerCount(Guid groupId, DateTime occurrenceUtc) =>
        _rooms.TryGetValue((groupId, occurrenceUtc), out var set) ? set.Count : 0;

    /// <summary>Announces a change; listeners run in the background so the person who made it is not kept waiting.</summary>
    public void Publish(Guid groupId, DateTime occurrenceUtc)
    {
        if (!_rooms.TryGetValue((groupId, occurrenceUtc), out var set))
        {
            return;
        }
        foreach (var listener in set.Listeners)
        {
            _ = Task.Run(listener.Changed);
        }
    }

    private sealed record Listener(Func<Task> Changed);

    private sealed class ImmutableListenerSet(Listener[] listeners)
    {
        public Listener[] Listeners { get; } = listeners;
        public int Count => Listeners.Length;
        public bool IsEmpty => Listeners.Length == 0;
        public ImmutableListenerSet With(Listener listener) => new([.. Listeners, listener]);
        public ImmutableListenerSet Without(Listener listener) => new(Listeners.Where(l => l != listener).ToArray());
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
