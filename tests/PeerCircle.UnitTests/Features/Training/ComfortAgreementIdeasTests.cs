using PeerCircle.Web.Features.Training;

namespace PeerCircle.UnitTests.Features.Training;

/// <summary>The shipped comfort-agreement ideas cover the usual ground rules, in words a group can read aloud.</summary>
public class ComfortAgreementIdeasTests
{
    private static readonly CurriculumLibrary Library = CurriculumLibrary.LoadShipped();

    // The ground rules that recur across peer-support programs, and the idea that covers each.
    public static TheoryData<string> NamedTopics =>
    [
        "confidentiality", "share-the-air", "one-voice", "i-statements", "passing",
        "respect", "no-recording", "on-time", "phones-silent", "if-broken",
    ];

    [Theory]
    [MemberData(nameof(NamedTopics))]
    public void EveryNamedTopic_HasAnIdea(string key) =>
        Assert.Contains(Library.ComfortAgreementIdeas, idea => idea.Key == key);

    [Fact]
    public void ConfidentialityAndWhatHappensIfBroken_AreRequired_AndNothingElseIs()
    {
        var required = Library.ComfortAgreementIdeas.Where(i => i.Required).Select(i => i.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["confidentiality", "if-broken"], required);
    }

    [Fact]
    public void Ideas_AreTenToFourteen_WithUniqueKeys_AndPlainWeStatements()
    {
        var ideas = Library.ComfortAgreementIdeas;
        Assert.InRange(ideas.Count, 10, 14);
        Assert.Equal(ideas.Count, ideas.Select(i => i.Key).Distinct().Count());
        Assert.All(ideas, idea =>
        {
            Assert.False(string.IsNullOrWhiteSpace(idea.Title));
            Assert.True(idea.Text.Contains("We ", StringComparison.Ordinal), $"{idea.Key}: write it as a \"We ...\" statement.");
            Assert.DoesNotContain("\n", idea.Text, StringComparison.Ordinal);
            var grade = Readability.FleschKincaidGrade(idea.Text);
            Assert.True(grade <= 8, $"{idea.Key}: reads at grade {grade:0.0}.");
        });
    }
}
