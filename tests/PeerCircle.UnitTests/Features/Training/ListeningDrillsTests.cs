using PeerCircle.Web.Features.Training;

namespace PeerCircle.UnitTests.Features.Training;

public class ListeningDrillsTests
{
    private static readonly ListeningDrills Drills = ListeningDrills.LoadShipped();

    [Theory]
    [InlineData("What has this week been like for you?", QuestionKind.Open)]
    [InlineData("How are you sleeping?", QuestionKind.Open)]
    [InlineData("Tell me about your week.", QuestionKind.Open)]
    [InlineData("Could you tell me more about that?", QuestionKind.Open)]
    [InlineData("Did the group help?", QuestionKind.Closed)]
    [InlineData("Are you okay?", QuestionKind.Closed)]
    [InlineData("Have you told your kids?", QuestionKind.Closed)]
    [InlineData("Why didn't you ask the doctor?", QuestionKind.Why)]
    [InlineData("When is your next scan?", QuestionKind.NarrowOpen)]
    [InlineData("   ", QuestionKind.Empty)]
    [InlineData("Whatever happens, we're here.", QuestionKind.Closed)]
    public void Classify_TellsOpenQuestionsFromYesOrNoOnes(string question, QuestionKind expected)
    {
        Assert.Equal(expected, OpenQuestionCheck.Classify(question));
    }

    [Fact]
    public void ShippedDrills_HaveOneBestReplyEachWithReasons_AndModelAnswersThatAreOpen()
    {
        Assert.True(Drills.Reflect.Count >= 5);
        Assert.True(Drills.Open.Count >= 5);
        Assert.All(Drills.Reflect, d =>
        {
            Assert.Single(d.Choices, c => c.Best);
            Assert.All(d.Choices, c => Assert.False(string.IsNullOrWhiteSpace(c.Why)));
        });
        Assert.All(Drills.Open, d =>
        {
            Assert.Equal(QuestionKind.Closed, OpenQuestionCheck.Classify(d.Closed));
            Assert.NotEmpty(d.Models);
            Assert.All(d.Models, m => Assert.Equal(QuestionKind.Open, OpenQuestionCheck.Classify(m)));
        });
    }
}
