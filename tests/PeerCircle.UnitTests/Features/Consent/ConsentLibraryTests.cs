using System.Security.Cryptography;
using System.Text;
using PeerCircle.Web.Features.Consent;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.UnitTests.Features.Consent;

/// <summary>The member documents in content/consent, and the rules every version of them follows.</summary>
public class ConsentLibraryTests
{
    private static readonly ConsentLibrary Library = ConsentLibrary.LoadShipped();

    [Fact]
    public void MemberDocuments_Ship_AtVersionOneOrMore()
    {
        Assert.Equal([MemberConsent.OutsideInteractions, MemberConsent.ParticipantConsent, PeerCircle.Web.Features.Outcomes.Reports.ResearchConsent.Slug], Library.Shipped.Select(d => d.Slug));
        Assert.All(Library.Shipped, d =>
        {
            Assert.True(d.Version >= 1);
            Assert.NotEmpty(d.Title);
            Assert.NotEmpty(d.Summary);
            Assert.False(ConsentLibrary.HasRawHtml(d.Body));
        });
    }

    [Fact]
    public void ShippedDocuments_ReadAtGradeEightOrBelow()
    {
        Assert.All(Library.Shipped, d => Assert.True(Readability.FleschKincaidGrade(d.Body) <= PublishMemberDocument.GradeGoal,
            $"{d.Slug} reads at grade {Readability.FleschKincaidGrade(d.Body):0.0}."));
    }

    [Fact]
    public void TheSignedHash_IsOfTheBodyAfterTheFrontMatter_WithUnixLineEndings_Trimmed()
    {
        var source = "---\r\nslug: \"x\"\r\ntitle: \"X\"\r\nversion: 1\r\nsummary: \"S\"\r\n---\r\n\r\nFirst line.\r\nSecond line.\r\n\r\n";

        var document = ConsentLibrary.Parse("x.md", source);

        Assert.Equal("First line.\nSecond line.", document.Body);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("First line.\nSecond line."))), ConsentLibrary.Sha256(document.Body));
        Assert.Equal(ConsentLibrary.Sha256(document.Body), ConsentLibrary.Sha256("  First line.\r\nSecond line.\n"));
    }

    [Fact]
    public void ANewVersionsSource_ReadsBackAsTheSameTitleSummaryAndText()
    {
        const string body = "## Hello\n\nA \"quoted\" word and a back\\slash.\n\n- One\n- Two";

        var document = ConsentLibrary.Parse("new", ConsentLibrary.ToSource("participant-consent", "Joining: \"your\" consent", 7, "What it is: a summary.", body + "\r\n"));

        Assert.Equal(("participant-consent", "Joining: \"your\" consent", 7, "What it is: a summary.", body),
            (document.Slug, document.Title, document.Version, document.Summary, document.Body));
    }

    [Theory]
    [InlineData("Hello <b>there</b>.", true)]
    [InlineData("<div>\nA block\n</div>", true)]
    [InlineData("<!-- a comment -->", true)]
    [InlineData("Use `<br>` for a line break? No: write a new line.", false)]
    [InlineData("5 < 6 and 7 > 3, **bold** and [a link](https://example.org).", false)]
    public void RawHtml_IsFound_ButNotInCodeOrPlainComparisons(string markdown, bool expected)
    {
        Assert.Equal(expected, ConsentLibrary.HasRawHtml(markdown));
    }

    [Theory]
    [InlineData("Maria Gonzalez", "Maria Gonzalez", true)]
    [InlineData("  maria   GONZALEZ ", "Maria Gonzalez", true)]
    [InlineData("José  Núñez", "JOSÉ NÚÑEZ", true)]
    [InlineData("Mary Gonzalez", "Maria Gonzalez", false)]
    [InlineData("Maria", "Maria Gonzalez", false)]
    public void TypedNames_MatchIgnoringCapitalsAndSpaces(string typed, string onAccount, bool expected)
    {
        Assert.Equal(expected, SignConsent.SameName(typed, onAccount));
    }
}
