using PeerCircle.Web.Features.Training;

namespace PeerCircle.UnitTests.Features.Training;

/// <summary>The shipped curriculum in content/training: complete, consistent and readable.</summary>
public class CurriculumContentTests
{
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
    public void Module_MeetsTheContentBar(string slug)
    {
        // Objectives, teaching text at grade 9 or below, examples, a linked vignette, a 4+ question quiz with one right
        // answer and an explanation for every choice, and a reflection: the bar a coordinator's edit must meet too.
        var problems = ModuleRules.Check(Library.Module(slug)!, Library);

        Assert.True(problems.Count == 0, slug + ": " + string.Join(" ", problems));
    }

    [Fact]
    public void ModuleRules_NameWhatIsMissing()
    {
        var module = CurriculumLibrary.ParseModule("thin.md", """
            ---
            slug: "thin"
            title: "Thin"
            order: 99
            topic: "self-care"
            minutes: 10
            objectives: ["Rest."]
            vignettes: ["no-such-scenario"]
            quiz:
              - question: "Is rest good?"
                choices:
                  - text: "Yes"
                    correct: true
                    explanation: "It is."
                  - text: "No"
                    correct: true
                    explanation: ""
            reflection: ""
            ---
            TODO write this.
            """);

        var problems = ModuleRules.Check(module, Library);

        Assert.Contains("List 3 to 5 learning objectives (there are 1).", problems);
        Assert.Contains(problems, p => p.StartsWith("The teaching text has 3 words", StringComparison.Ordinal));
        Assert.Contains("The teaching text still says “TODO”. Finish that part first.", problems);
        Assert.Contains("There is no practice scenario called “no-such-scenario”.", problems);
        Assert.Contains("The knowledge check has 1 questions; it needs 4 or more.", problems);
        Assert.Contains("Question 1 needs exactly one choice marked correct.", problems);
        Assert.Contains("Every choice in question 1 needs its text and an explanation.", problems);
        Assert.Contains("Add a reflection prompt.", problems);
    }

    [Theory]
    [MemberData(nameof(VignetteSlugs))]
    public void Vignette_HasAScenarioResponsesWithOneBestPracticeAndDiscussionQuestions(string slug)
    {
        var vignette = Library.Vignette(slug)!;

        Assert.True(ModuleRules.WordCount(vignette.Body) >= 80, $"{slug}: the scenario is too short.");
        Assert.InRange(vignette.Responses.Count, 3, 4);
        Assert.Single(vignette.Responses, r => r.Best);
        Assert.All(vignette.Responses, r => Assert.True(r.Consequence.Length > 0 && r.Why.Length > 0, $"{slug}: a response lacks its consequence or why."));
        Assert.False(string.IsNullOrWhiteSpace(vignette.BestPractice));
        Assert.InRange(vignette.Discussion.Count, 2, 4);
    }
}
