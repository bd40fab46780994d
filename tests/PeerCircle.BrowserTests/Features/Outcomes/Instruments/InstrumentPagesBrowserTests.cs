using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Outcomes.Instruments;

/// <summary>
/// The coordinator's instrument pages pass axe: the list, a form with errors, the import page and the preview of Peer
/// Support Benefits. Reads only (the invalid form saves nothing), so other browser tests are not affected.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InstrumentPagesBrowserTests(BrowserFixture fixture)
{
    private const string CoordinatorEmail = "coordinator@demo.local";

    [Fact]
    public async Task Coordinator_SeesTheInstruments_ThePreviewAndTheImportPage()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.SignInWithCodeAsync(CoordinatorEmail);
        await visitor.VisitAsync("/coordinator/outcomes/instruments");
        await Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("Day 0: Baseline");

        await page.GetByLabel("Days after joining").FillAsync("900");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add to the schedule" }));
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("Please choose an instrument.");
        await Expect(summary).ToContainTextAsync("Please enter a whole number of days from 0 to 730.");

        await visitor.VisitAsync("/coordinator/outcomes/instruments");
        await page.GetByRole(AriaRole.Link, new() { Name = "Peer Support Benefits" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Peer Support Benefits", Level = 1 })).ToBeVisibleAsync();
        await visitor.CheckAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "I often feel alone with cancer. (optional)" })).ToBeVisibleAsync();

        await visitor.VisitAsync("/coordinator/outcomes/instruments/import");
        await Expect(page.GetByLabel("How the program is licensed to use it")).ToBeVisibleAsync();
    }
}
