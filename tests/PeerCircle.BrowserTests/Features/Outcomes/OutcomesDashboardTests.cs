using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Outcomes;

/// <summary>The coordinator's program dashboard: charts with their tables, small numbers hidden, axe clean. Reads only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutcomesDashboardTests(BrowserFixture fixture)
{
    private const string CoordinatorEmail = "coordinator@demo.local";

    [Fact]
    public async Task Coordinator_OpensTheDashboard_ChartsAndTablesShow_SmallNumbersHidden()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.SignInWithCodeAsync(CoordinatorEmail);
        await visitor.VisitAsync("/coordinator");

        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Program outcomes" }));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Program outcomes", Level = 1 })).ToBeVisibleAsync();
        // Each chart is a figure with its data table; the table is what a screen reader reads.
        await Expect(page.GetByRole(AriaRole.Figure, new() { Name = "People served by role" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "People served by role" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Attendance by month" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Change from baseline, by benefit and follow-up" })).ToBeVisibleAsync();
        // At least one chart is drawn, as an image with its own title.
        var charts = page.Locator("svg[role=img]");
        Assert.True(await charts.CountAsync() >= 1);
        await Expect(charts.First).ToBeVisibleAsync();
        await Expect(charts.First.Locator("title")).ToHaveCountAsync(1);
        // A small demo program: most figures are hidden and say so.
        await Expect(page.GetByText("fewer than 11").First).ToBeVisibleAsync();

        // The filters are a plain GET form; a bad date is explained, not an error.
        await page.GetByLabel("Group").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show" }));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("group="));
        await visitor.VisitAsync("/coordinator/outcomes?from=not-a-date");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The start date was not a date");
    }
}
