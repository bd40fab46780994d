using PeerCircle.Web.Infrastructure.Live;

namespace PeerCircle.Web.Features.Meetings.Runner;

/// <summary>
/// Tells every open runner of one meeting that something changed (a phase, attendance, a check-in), so both
/// facilitators see the same thing within moments.
/// </summary>
public sealed class MeetingRoom
{
    private readonly LiveChannels<(Guid GroupId, DateTime Occurrence)> _channels = new();

    /// <summary>Calls <paramref name="changed"/> after each change to the meeting until the returned handle is disposed.</summary>
    public IDisposable Listen(Guid groupId, DateTime occurrenceUtc, Func<Task> changed) => _channels.Listen((groupId, occurrenceUtc), changed);

    /// <summary>How many runners have this meeting open.</summary>
    public int ListenerCount(Guid groupId, DateTime occurrenceUtc) => _channels.ListenerCount((groupId, occurrenceUtc));

    public void Publish(Guid groupId, DateTime occurrenceUtc) => _channels.Publish((groupId, occurrenceUtc));
}
