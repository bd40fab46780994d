using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.BrowserTests.Infrastructure;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.BrowserTests.Features.Training;

[Collection(BrowserCollection.Name)]
public sealed class AcademyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Facilitator_WorksThroughAModuleWithAScenarioAndPassesTheKnowledgeCheck()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        // facilitator5 is part-way through training and has not passed the last module of the path yet.
        var module = fixture.App.Services.GetRequiredService<CurriculumLibrary>().Modules.Last(m => m.Required);
        await visitor.SignInWithCodeAsync("facilitator5@demo.local");

        await visitor.SubmitAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Academy" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Facilitator academy", Level = 1 })).ToBeVisibleAsync();
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = module.Title, Exact = true }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = module.Title, Level = 1 })).ToBeVisibleAsync();

        // A practice scenario from the module: choose a response, see what happens and the best practice.
        var scenarios = page.GetByRole(AriaRole.Main).Locator("h2:has-text('Practice scenarios for this module') + ul a");
        await visitor.SubmitAsync(scenarios.First);
        await page.GetByRole(AriaRole.Radio).First.CheckAsync();
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "See what happens" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Best practice" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "For discussion in live training" })).ToBeVisibleAsync();
        await page.GoBackAsync();
        await page.GoBackAsync();

        for (var q = 0; q < module.Quiz.Count; q++)
        {
            var question = module.Quiz[q];
            var group = page.GetByRole(AriaRole.Group, new() { Name = $"{q + 1}. {question.Question}" });
            await group.GetByLabel(question.Choices.First(c => c.Correct).Text, new() { Exact = true }).CheckAsync();
        }
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Check my answers" }));

        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("You passed this module.");
        await visitor.VisitAsync("/academy");
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = module.Title })).ToContainTextAsync("Passed (100%)");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(new Regex(@"\d+ of \d+ required modules passed"));
    }
}
