using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Recruitment;

namespace PeerCircle.UnitTests.Features.Recruitment;

public class ReferralSourcesTests
{
    [Theory]
    [InlineData("oncologist", ReferralSource.Oncologist)]
    [InlineData("social-worker", ReferralSource.SocialWorker)]
    [InlineData("flyer", ReferralSource.Flyer)]
    [InlineData("friend", ReferralSource.Friend)]
    [InlineData("online", ReferralSource.Online)]
    [InlineData("other", ReferralSource.Other)]
    [InlineData(" Social-Worker ", ReferralSource.SocialWorker)]
    public void Parse_ReadsTheKebabCaseValuesInLinks(string value, ReferralSource expected) =>
        Assert.Equal(expected, ReferralSources.Parse(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2")]
    [InlineData("socialworker")]
    [InlineData("newspaper")]
    [InlineData("oncologist,flyer")]
    public void Parse_AnythingElse_IsUnknown(string? value) => Assert.Null(ReferralSources.Parse(value));

    [Fact]
    public void EverySource_RoundTripsThroughItsLinkValue_AndHasALabel()
    {
        Assert.Equal(["oncologist", "social-worker", "flyer", "friend", "online", "other"], ReferralSources.All.Select(ReferralSources.Value));
        foreach (var source in ReferralSources.All)
        {
            Assert.Equal(source, ReferralSources.Parse(ReferralSources.Value(source)));
            Assert.False(string.IsNullOrWhiteSpace(ReferralSources.Label(source)));
        }
    }
}
