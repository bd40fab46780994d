using PeerCircle.Web.Features.Training;

namespace PeerCircle.UnitTests.Features.Training;

/// <summary>The shipped curriculum in content/training: complete, consistent and readable.</summary>
public class CurriculumContentTests
{
    private const double MaxGrade = 9;

    private static readonly CurriculumLibrary Library = CurriculumLibrary.LoadShipped();

    public static TheoryData<string> ModuleSlugs => [.. Library.Modules.Select(m => m.Slug)];

    public static TheoryData<string> VignetteSlugs => [.. Library.Vignettes.Select(v => v.Slug)];

    [Fact]
    public void EveryProgramDesignTopic_HasAModule()
    {
        var covered = Library.Modules.Select(m => m.Topic).ToHashSet();
        var missing = ProgramDesign.Topics.Keys.Where(topic => !covered.Contains(topic)).ToList();
        Assert.True(missing.Count == 0, "No module for: " + string.Join(", ", missing));
        Assert.All(Library.Modules, m => Assert.Contains(m.Topic, ProgramDesign.Topics.Keys));
    }

    [Fact]
    public void EveryChallenge_HasAVignette()
    {
        var covered = Library.Vignettes.Select(v => v.Challenge).ToHashSet();
        var missing = ProgramDesign.Challenges.Keys.Where(challenge => !covered.Contains(challenge)).ToList();
        Assert.True(missing.Count == 0, "No vignette for: " + string.Join(", ", missing));
        Assert.True(Library.Vignettes.Count >= 16);
    }

    [Fact]
    public void SlugsAndOrders_AreUnique()
    {
        Assert.Equal(Library.Modules.Count, Library.Modules.Select(m => m.Slug).Distinct().Count());
        Assert.Equal(Library.Modules.Count, Library.Modules.Select(m => m.Order).Distinct().Count());
        Assert.Equal(Library.Vignettes.Count, Library.Vignettes.Select(v => v.Slug).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(ModuleSlugs))]
    public void Module_HasObjectivesTeachingExamplesVignetteQuizAndReflection(string slug)
    {
        var module = Library.Module(slug)!;

        Assert.False(string.IsNullOrWhiteSpace(module.Title));
        Assert.InRange(module.Objectives.Count, 3, 5);
        Assert.True(WordCount(module.Body) >= 250, $"{slug}: the teaching text has only {WordCount(module.Body)} words.");
        Assert.DoesNotContain("TODO", module.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lorem", module.Body, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(module.SayThis);
        Assert.All(module.SayThis, pair => Assert.True(pair.Say.Length > 0 && pair.Avoid.Length > 0 && pair.Why.Length > 0, $"{slug}: a say/avoid pair is incomplete."));
        Assert.NotEmpty(module.Vignettes);
        Assert.All(module.Vignettes, v => Assert.True(Library.Vignette(v) is not null, $"{slug}: no vignette called '{v}'."));
        Assert.True(module.Quiz.Count >= 4, $"{slug}: the knowledge check has {module.Quiz.Count} questions; it needs 4 or more.");
        Assert.False(string.IsNullOrWhiteSpace(module.Reflection));
    }

    [Theory]
    [MemberData(nameof(ModuleSlugs))]
    public void EveryQuestion_HasOneRightAnswerAndAnExplanationForEveryChoice(string slug)
    {
        foreach (var question in Library.Module(slug)!.Quiz)
        {
            Assert.False(string.IsNullOrWhiteSpace(question.Question));
            Assert.InRange(question.Choices.Count, 3, 4);
            Assert.Single(question.Choices, c => c.Correct);
            Assert.All(question.Choices, c => Assert.False(string.IsNullOrWhiteSpace(c.Explanation), $"{slug}: '{c.Text}' has no explanation."));
        }
    }

    [Theory]
    [MemberData(nameof(ModuleSlugs))]
    public void TeachingText_ReadsAtGradeNineOrBelow(string slug)
    {
        var grade = Readability.FleschKincaidGrade(Library.Module(slug)!.Body);

        Assert.True(grade <= MaxGrade, $"{slug}: Flesch–Kincaid grade {grade:0.0} is above {MaxGrade}.");
    }

    [Theory]
    [MemberData(nameof(VignetteSlugs))]
    public void Vignette_HasAScenarioResponsesWithOneBestPracticeAndDiscussionQuestions(string slug)
    {
        var vignette = Library.Vignette(slug)!;

        Assert.True(WordCount(vignette.Body) >= 80, $"{slug}: the scenario is too short.");
        Assert.InRange(vignette.Responses.Count, 3, 4);
        Assert.Single(vignette.Responses, r => r.Best);
        Assert.All(vignette.Responses, r => Assert.True(r.Consequence.Length > 0 && r.Why.Length > 0, $"{slug}: a response lacks its consequence or why."));
        Assert.False(string.IsNullOrWhiteSpace(vignette.BestPractice));
        Assert.InRange(vignette.Discussion.Count, 2, 4);
    }

    private static int WordCount(string text) => text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
}
