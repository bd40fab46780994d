using System.Collections.Frozen;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.Web.Features.Topics;

/// <summary>A planned meeting topic from <c>content/topics</c>: a facilitator brief, open questions and exercises.</summary>
public sealed class MeetingTopic
{
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public List<string> Audiences { get; set; } = [];
    public int Minutes { get; set; }
    public string Brief { get; set; } = "";
    public List<string> Questions { get; set; } = [];
    public List<TopicExercise> Exercises { get; set; } = [];
    public List<string> WatchFor { get; set; } = [];
    public List<string> Resources { get; set; } = [];

    /// <summary>Facilitator notes (Markdown).</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string Body { get; set; } = "";

    [YamlDotNet.Serialization.YamlIgnore]
    public string Source { get; set; } = "";

    [YamlDotNet.Serialization.YamlIgnore]
    public string Version { get; set; } = "";

    [YamlDotNet.Serialization.YamlIgnore]
    public int Number { get; set; } = 1;
}

public sealed class TopicExercise
{
    public string Title { get; set; } = "";
    public int Minutes { get; set; }
    public List<string> Steps { get; set; } = [];
    public string Debrief { get; set; } = "";
}

/// <summary>The topic library, loaded at start-up; coordinators' edits replace a topic for every later request.</summary>
public sealed class TopicLibrary
{
    private readonly Lock _publishing = new();
    private volatile TopicSet _current;

    public TopicLibrary(IEnumerable<MeetingTopic> topics) => _current = new TopicSet(topics);

    public IReadOnlyList<MeetingTopic> Topics => _current.InOrder;

    public MeetingTopic? Topic(string slug) => _current.BySlug.GetValueOrDefault(slug);

    public void Publish(MeetingTopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        lock (_publishing)
        {
            _current = new TopicSet(_current.InOrder.Where(t => t.Slug != topic.Slug).Append(topic));
        }
    }

    public static MeetingTopic Parse(string name, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var topic = CurriculumLibrary.ParseText<MeetingTopic>(name, source, (t, body) => t.Body = body);
        topic.Source = source;
        topic.Version = CurriculumLibrary.Fingerprint(source);
        return topic;
    }

    public static TopicLibrary Load(string folder) =>
        new([.. Directory.EnumerateFiles(folder, "*.md")
            .Where(path => !string.Equals(Path.GetFileName(path), "README.md", StringComparison.OrdinalIgnoreCase))
            .Select(path => Parse(path, File.ReadAllText(path)))]);

    public static TopicLibrary LoadShipped() => Load(Path.Combine(AppContext.BaseDirectory, "content", "topics"));

    private sealed class TopicSet
    {
        public TopicSet(IEnumerable<MeetingTopic> topics)
        {
            InOrder = [.. topics.OrderBy(t => t.Title, StringComparer.CurrentCulture)];
            BySlug = InOrder.ToFrozenDictionary(t => t.Slug, StringComparer.Ordinal);
        }

        public IReadOnlyList<MeetingTopic> InOrder { get; }
        public FrozenDictionary<string, MeetingTopic> BySlug { get; }
    }
}
