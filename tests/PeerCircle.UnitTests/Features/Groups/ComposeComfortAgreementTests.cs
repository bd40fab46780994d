using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.UnitTests.Features.Groups;

public class ComposeComfortAgreementTests
{
    private static readonly ComfortAgreementIdea[] Ideas =
    [
        new() { Key = "one-voice", Title = "One voice at a time", Text = "We let one person speak at a time." },
        new() { Key = "passing", Title = "Passing is fine", Text = "We share only when we want to." },
    ];

    [Fact]
    public void Compose_MakesOneBulletPerIdea_ThenTheOwnWords()
    {
        var text = ComposeComfortAgreement.Compose(Ideas, "We bring tissues for each other.");

        Assert.Equal("- We let one person speak at a time.\n- We share only when we want to.\n- We bring tissues for each other.", text);
    }

    [Fact]
    public void OwnWords_AreShownAsTyped_NotAsMarkdown_AndReadBackUnchanged()
    {
        const string words = "# Be kind * [always](http://x.example) <b>";
        var text = ComposeComfortAgreement.Compose(Ideas, words);

        var html = CurriculumLibrary.ToHtml(text);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        var version = new ComfortAgreementVersion(1, ["one-voice", "passing"], text, DateTime.UtcNow, "Sam");
        Assert.Equal(words, version.OwnWords);
    }

    [Fact]
    public void NoOwnWords_MeansNoExtraBullet()
    {
        var text = ComposeComfortAgreement.Compose(Ideas, "  ");

        Assert.Equal(2, text.Split('\n').Length);
        Assert.Equal("", new ComfortAgreementVersion(1, ["one-voice", "passing"], text, DateTime.UtcNow, "Sam").OwnWords);
    }
}
