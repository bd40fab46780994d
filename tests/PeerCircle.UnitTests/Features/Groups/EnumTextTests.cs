using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.UnitTests.Features.Groups;

public class EnumTextTests
{
    [Fact]
    public void ToKebab_JoinsWordsWithHyphensInLowerCase()
    {
        Assert.Equal("in-person", EnumText.ToKebab(Modality.InPerson));
        Assert.Equal("online-text", EnumText.ToKebab(Modality.OnlineText));
        Assert.Equal("head-and-neck", EnumText.ToKebab(CancerType.HeadAndNeck));
        Assert.Equal("video", EnumText.ToKebab(Modality.Video));
    }

    [Theory]
    [InlineData("in-person")]
    [InlineData("InPerson")]
    [InlineData("inperson")]
    [InlineData("IN_PERSON")]
    [InlineData("  in-person  ")]
    public void TryParse_AcceptsTheSpellingsPeopleType(string text)
    {
        Assert.True(EnumText.TryParse<Modality>(text, out var value));
        Assert.Equal(Modality.InPerson, value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("in person")]
    [InlineData("zoom")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_RefusesNumbersAndUnknownWords(string? text)
    {
        Assert.False(EnumText.TryParse<Modality>(text, out _));
    }

    [Fact]
    public void EveryValueOfEveryDirectoryEnum_SurvivesTheRoundTrip()
    {
        AssertRoundTrip<Audience>();
        AssertRoundTrip<CancerType>();
        AssertRoundTrip<GroupType>();
        AssertRoundTrip<MembershipPolicy>();
        AssertRoundTrip<Modality>();
        AssertRoundTrip<GroupStatus>();
        AssertRoundTrip<Frequency>();
        AssertRoundTrip<DayOfWeek>();
        AssertRoundTrip<TimeOfDay>();
    }

    [Fact]
    public void Choices_ListsEveryValueInDeclarationOrder()
    {
        Assert.Equal("in-person, video, phone, online-text, hybrid", EnumText.Choices<Modality>());
    }

    private static void AssertRoundTrip<T>() where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            var text = EnumText.ToKebab(value);
            Assert.True(EnumText.TryParse<T>(text, out var parsed), $"'{text}' did not parse as {typeof(T).Name}");
            Assert.Equal(value, parsed);
        }
    }
}
