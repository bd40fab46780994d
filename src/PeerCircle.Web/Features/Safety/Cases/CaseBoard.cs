using PeerCircle.Web.Infrastructure.Live;

namespace PeerCircle.Web.Features.Safety.Cases;

/// <summary>
/// Tells every open clinician queue that cases changed (a new signal, an acknowledgement, a resolution), so the queue
/// updates within moments. The same channels as <see cref="Meetings.Runner.MeetingRoom"/>, with one key.
/// </summary>
public sealed class CaseBoard
{
    private const string Queue = "queue";
    private readonly LiveChannels<string> _channels = new();

    /// <summary>Calls <paramref name="changed"/> after each change until the returned handle is disposed.</summary>
    public IDisposable Listen(Func<Task> changed) => _channels.Listen(Queue, changed);

    public int ListenerCount => _channels.ListenerCount(Queue);

    public void Publish() => _channels.Publish(Queue);
}
