using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.UnitTests.Features.Groups;

public class SaveGroupTests
{
    [Theory]
    [InlineData("Breast Cancer Survivors Circle", "breast-cancer-survivors-circle")]
    [InlineData("Grupo de Apoyo: Juntos", "grupo-de-apoyo-juntos")]
    [InlineData("After Loss: Bereavement Group", "after-loss-bereavement-group")]
    [InlineData("Parents & Kids", "parents-kids")]
    [InlineData("Café Olé — Mañanas", "cafe-ole-mananas")]
    [InlineData("  Leading and trailing  ", "leading-and-trailing")]
    [InlineData("Under_score / slash", "under-score-slash")]
    public void Slugify_MakesLowerCaseAsciiWordsJoinedByOneHyphen(string name, string expected)
    {
        Assert.Equal(expected, SaveGroup.Slugify(name));
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("中文小组")]
    [InlineData("")]
    public void Slugify_NameWithNoAsciiLettersOrDigits_FallsBackToGroup(string name)
    {
        Assert.Equal("group", SaveGroup.Slugify(name));
    }

    [Fact]
    public void Slugify_LongName_IsCutToTheNameLimitWithoutATrailingHyphen()
    {
        var name = string.Concat(Enumerable.Repeat("word ", 60));

        var slug = SaveGroup.Slugify(name);

        Assert.True(slug.Length <= GroupLimits.NameMax, $"slug is {slug.Length} characters");
        Assert.False(slug.EndsWith('-'));
        Assert.StartsWith("word-word-", slug, StringComparison.Ordinal);
    }
}
