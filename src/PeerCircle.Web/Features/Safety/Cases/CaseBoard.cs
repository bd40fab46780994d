using System.Collections.Immutable;

namespace PeerCircle.Web.Features.Safety.Cases;

/// <summary>
/// Tells every open clinician queue that cases changed (a new signal, an acknowledgement, a resolution), so the queue
/// updates within moments. In-process, like <see cref="Meetings.Runner.MeetingRoom"/>: one server per program.
/// </summary>
public sealed class CaseBoard
{
    private ImmutableList<Func<Task>> _listeners = [];

    /// <summary>Calls <paramref name="changed"/> after each change until the returned handle is disposed.</summary>
    public IDisposable Listen(Func<Task> changed)
    {
        ImmutableInterlocked.Update(ref _listeners, list => list.Add(changed));
        return new Subscription(() => ImmutableInterlocked.Update(ref _listeners, list => list.Remove(changed)));
    }

    public int ListenerCount => _listeners.Count;

    /// <summary>Announces a change; listeners run in the background so nobody waits on them.</summary>
    public void Publish()
    {
        foreach (var listener in _listeners)
        {
            _ = Task.Run(listener);
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
