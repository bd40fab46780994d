using PeerCircle.Web.Features.Topics;

namespace PeerCircle.UnitTests.Features.Topics;

/// <summary>The shipped topic library in content/topics: the topics the program needs, each complete and readable.</summary>
public class TopicLibraryContentTests
{
    private static readonly TopicLibrary Library = TopicLibrary.LoadShipped();

    public static TheoryData<string> Slugs => [.. Library.Topics.Select(t => t.Slug)];

    [Fact]
    public void TheLibrary_HasEveryTopicTheProgramAsksFor()
    {
        string[] required =
        [
            "processing-grief", "complicated-grief", "coping-strategies", "self-care", "fear-of-recurrence", "talking-with-your-care-team",
            "caregiver-strain", "body-and-identity", "telling-family-and-children", "work-and-money-worries", "scanxiety", "finishing-treatment",
            "living-with-advanced-cancer", "anticipatory-grief", "hope", "sleep-and-fatigue", "relationships-and-intimacy", "finding-meaning",
            "holidays-and-anniversaries", "resource-review",
        ];
        var missing = required.Where(slug => Library.Topic(slug) is null).ToList();

        Assert.True(missing.Count == 0, "No topic for: " + string.Join(", ", missing));
        Assert.True(Library.Topics.Count >= 20);
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Topic_MeetsTheContentBar(string slug)
    {
        var problems = TopicRules.Check(Library.Topic(slug)!);

        Assert.True(problems.Count == 0, slug + ": " + string.Join(" ", problems));
    }

    [Fact]
    public void TopicRules_NameWhatIsMissing()
    {
        var topic = TopicLibrary.Parse("thin.md", """
            ---
            slug: "thin"
            title: "Thin"
            audiences: ["everyone"]
            minutes: 5
            brief: ""
            questions: ["Do you sleep well?"]
            exercises: []
            ---
            Short.
            """);

        var problems = TopicRules.Check(topic);

        Assert.Contains("Write 4 to 6 discussion questions (there are 1).", problems);
        Assert.Contains("Question 1 can be answered with yes or no. Start it with What, How or Tell us instead.", problems);
        Assert.Contains("Add 1 or 2 exercises (there are 0).", problems);
        Assert.Contains("Write a short brief for the facilitator.", problems);
        Assert.Contains(problems, p => p.StartsWith("List who the topic suits", StringComparison.Ordinal));
    }
}
