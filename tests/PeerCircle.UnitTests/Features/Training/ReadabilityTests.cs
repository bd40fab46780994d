using PeerCircle.Web.Features.Training;

namespace PeerCircle.UnitTests.Features.Training;

public class ReadabilityTests
{
    [Fact]
    public void ShortPlainSentence_ScoresBelowFirstGrade()
    {
        // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45.
        Assert.Equal(-1.45, Readability.FleschKincaidGrade("The cat sat on the mat."), precision: 2);
    }

    [Fact]
    public void LongSentencesOfLongWords_ScoreFarAboveGradeNine()
    {
        const string dense = "Interdisciplinary psychosocial interventions substantially ameliorate emotional deterioration among individuals experiencing oncological complications, particularly throughout prolonged therapeutic regimens.";

        Assert.True(Readability.FleschKincaidGrade(dense) > 16);
    }

    [Fact]
    public void HeadingsAndListItems_CountAsSentencesOfTheirOwn()
    {
        const string markdown = "## Why it matters\n\n- Listen first\n- Ask open questions\n\nPeople feel heard.";

        // Four sentences of two or three words each keep the grade low.
        Assert.True(Readability.FleschKincaidGrade(markdown) < 3);
    }

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("cancer", 2)]
    [InlineData("care", 1)]
    [InlineData("people", 2)]
    [InlineData("facilitator", 5)]
    public void Syllables_CountVowelGroupsLessASilentE(string word, int expected)
    {
        Assert.Equal(expected, Readability.Syllables(word));
    }
}
