using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Recruitment;

namespace PeerCircle.UnitTests.Features.Recruitment;

public class FlyerQrCodeTests
{
    [Theory]
    [InlineData("https://circle.example.org", "caregivers-evening-circle")]
    [InlineData("https://circle.example.org/", "caregivers-evening-circle")]
    public void TheQrCode_OpensTheGroupPage_MarkedAsComingFromAFlyer(string baseUrl, string slug) =>
        Assert.Equal("https://circle.example.org/groups/caregivers-evening-circle?ref=flyer", FlyerQrCode.TargetUrl(baseUrl, slug));

    [Fact]
    public void ShareLinks_CarryTheirSource_AndThePlainLinkCarriesNone()
    {
        Assert.Equal("https://x.org/groups/a-group?ref=social-worker", ReferralLinks.GroupPage("https://x.org", "a-group", ReferralSource.SocialWorker));
        Assert.Equal("https://x.org/groups/a-group", ReferralLinks.GroupPage("https://x.org", "a-group", null));
    }

    [Fact]
    public void TheSvg_IsAScalableImage_WithNoInlineStyleForTheSecurityPolicyToBlock()
    {
        var svg = FlyerQrCode.Svg("https://circle.example.org/groups/caregivers-evening-circle?ref=flyer");

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("viewBox=", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(svg, FlyerQrCode.Svg("https://circle.example.org/groups/another-group?ref=flyer"));
    }

    [Fact]
    public void ALongDescription_IsCutAtAWord_SoTheFlyerStaysOnOnePage()
    {
        var description = string.Join(' ', Enumerable.Repeat("Members share what helps.", 40));

        var shortened = GetFlyer.Shorten(description);

        Assert.True(shortened.Length <= GetFlyer.DescriptionMax);
        Assert.EndsWith("helps…", shortened, StringComparison.Ordinal);
        Assert.Equal("A short one.", GetFlyer.Shorten("A short one."));
    }
}
