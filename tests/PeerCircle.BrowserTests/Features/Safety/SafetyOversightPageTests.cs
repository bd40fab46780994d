using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Safety;

/// <summary>The coordinators' safety oversight pages read well and pass axe, including with errors on the form.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SafetyOversightPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ACoordinator_RecordsAConfidentialityBreak_AndReadsTheRosterAndReport()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.SignInWithCodeAsync("coordinator@demo.local");

        await visitor.VisitAsync("/coordinator/on-call");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "On-call roster", Level = 1 })).ToBeVisibleAsync();
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add the shift" }));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please choose a clinician from the list.");

        await visitor.VisitAsync("/coordinator/safety/response-times");
        await Expect(page.GetByRole(AriaRole.Table)).ToHaveCountAsync(12);

        await visitor.VisitAsync("/safety/confidentiality-breaks/new");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the record" }));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please say what was shared.");
        await page.GetByLabel("Risk to others").CheckAsync();
        await page.GetByLabel("What you shared").FillAsync("That the member said he would hurt his neighbor tonight.");
        await page.GetByLabel("Who you shared it with").FillAsync("Browser Test Police Department");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the record" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The record is saved in the confidentiality-break log.");

        await visitor.VisitAsync("/coordinator/confidentiality-breaks?exception=RiskToOthers");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Browser Test Police Department" });
        await Expect(row).ToHaveCountAsync(1);
        await visitor.SubmitAsync(row.GetByRole(AriaRole.Link));
        await Expect(page.GetByText("That the member said he would hurt his neighbor tonight.")).ToBeVisibleAsync();
    }
}
