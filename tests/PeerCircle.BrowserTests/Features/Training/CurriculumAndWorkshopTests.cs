using Microsoft.Extensions.DependencyInjection;
using PeerCircle.BrowserTests.Infrastructure;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.BrowserTests.Features.Training;

[Collection(BrowserCollection.Name)]
public sealed class CurriculumAndWorkshopTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Coordinator_EditsAModule_AndSchedulesACohortWorkshop()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        // The path's second module; other browser tests work on the last one.
        var module = fixture.App.Services.GetRequiredService<CurriculumLibrary>().Modules[1];
        await visitor.SignInWithCodeAsync("coordinator@demo.local");

        await visitor.VisitAsync("/coordinator/academy");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Curriculum: read and edit modules" }));
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = module.Title, Exact = true }));
        var text = page.GetByLabel("Module text");
        await text.FillAsync(await text.InputValueAsync() + "\nIf a member cries, let the quiet sit for a moment. Offer tissues and wait.\n");
        await page.GetByLabel("What did you change, and why?").FillAsync("Added a tip on tears in group.");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is saved and everyone now sees it");
        await Expect(page.GetByRole(AriaRole.Table).Last).ToContainTextAsync("Added a tip on tears in group.");

        await visitor.VisitAsync("/coordinator/academy");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Workshops: role plays and attendance" }));
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Role plays: crisis and referrals");
        await page.GetByLabel("Date").FillAsync(DateTime.UtcNow.AddDays(21).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Where: a street address or a video link").FillAsync("https://meet.example.org/peercircle-training");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Schedule and send invitations" }));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Role plays: crisis and referrals", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The workshop is scheduled.");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Aisha Rahman");

        // The meeting topic library, and its editor, are clean too.
        await visitor.VisitAsync("/topics");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Hope, in all its shapes", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Questions for the group" })).ToBeVisibleAsync();
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Edit this topic" }));
        await Expect(page.GetByLabel("Topic text")).ToBeVisibleAsync();
    }
}
