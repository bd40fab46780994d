using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PeerCircle.Web.Features.Training;

/// <summary>Listening practice from <c>content/training/listening-drills.yml</c>.</summary>
public sealed class ListeningDrills
{
    public List<ReflectDrill> Reflect { get; set; } = [];
    public List<OpenQuestionDrill> Open { get; set; } = [];

    public static ListeningDrills Load(string path) =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<ListeningDrills>(File.ReadAllText(path));

    public static ListeningDrills LoadShipped() =>
        Load(Path.Combine(AppContext.BaseDirectory, "content", "training", "listening-drills.yml"));
}

/// <summary>"Pick the most reflective response" to what a member says.</summary>
public sealed class ReflectDrill
{
    public string Key { get; set; } = "";
    public string Says { get; set; } = "";
    public List<ReflectChoice> Choices { get; set; } = [];
}

public sealed class ReflectChoice
{
    public string Text { get; set; } = "";
    public bool Best { get; set; }
    public string Why { get; set; } = "";
}

/// <summary>"Turn this closed question into an open one", with model answers.</summary>
public sealed class OpenQuestionDrill
{
    public string Key { get; set; } = "";
    public string Closed { get; set; } = "";
    public List<string> Models { get; set; } = [];
    public string Why { get; set; } = "";
}

public enum QuestionKind { Empty, Closed, Why, NarrowOpen, Open }

/// <summary>
/// Feedback on a question a learner wrote: does it invite a story, or a yes or no? Anything that does not start
/// like an open question ("What", "How", "Tell me", "Could you tell me") is treated as closed.
/// </summary>
public static class OpenQuestionCheck
{
    private static readonly string[] InvitingStarts = ["could you tell", "can you tell", "would you tell", "could you say", "would you share", "can you share"];

    private static readonly string[] OpenStarts = ["what", "how", "tell me", "in what way", "describe", "talk me through", "share"];

    private static readonly string[] NarrowStarts = ["who", "when", "where", "which"];

    public static QuestionKind Classify(string? question)
    {
        var text = (question ?? "").Trim().TrimStart('"', '\'', '“').ToLowerInvariant();
        if (text.Length == 0)
        {
            return QuestionKind.Empty;
        }
        if (InvitingStarts.Any(start => text.StartsWith(start, StringComparison.Ordinal)) || OpenStarts.Any(start => StartsWithWord(text, start)))
        {
            return QuestionKind.Open;
        }
        if (StartsWithWord(text, "why"))
        {
            return QuestionKind.Why;
        }
        if (NarrowStarts.Any(start => StartsWithWord(text, start)))
        {
            return QuestionKind.NarrowOpen;
        }
        return QuestionKind.Closed;
    }

    public static string Feedback(QuestionKind kind) => kind switch
    {
        QuestionKind.Empty => "Type your open question first.",
        QuestionKind.Open => "That invites a real answer. It starts the way open questions do, so the person can tell you what matters to them.",
        QuestionKind.Why => "“Why” questions can sound like you are asking someone to defend themselves. “What” or “How” often feels gentler.",
        QuestionKind.NarrowOpen => "This is open, but narrow: it asks for a name, a time or a place. “What” and “How” invite more of the story.",
        _ => "This still invites a yes or no. Try starting with “What” or “How”, or “Tell me about…”.",
    };

    private static bool StartsWithWord(string text, string start) =>
        text.StartsWith(start, StringComparison.Ordinal) && (text.Length == start.Length || !char.IsLetter(text[start.Length]));
}
