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
        // Each chart is drawn as an image with its own title, or says why there is none. The demo program is small:
        // its members mostly left their role blank, and a lone count beside hidden empty ones would tell that they
        // are empty, so a chart may have no point to draw. (Charts with points are checked in OutcomeReportsTests and
        // OutcomeChartsTests.)
        var figures = page.Locator("figure.chart-figure");
        Assert.True(await figures.CountAsync() >= 3);
        for (var i = 0; i < await figures.CountAsync(); i++)
        {
            var figure = figures.Nth(i);
            if (await figure.Locator("svg[role=img]").CountAsync() == 1)
            {
                await Expect(figure.Locator("svg[role=img] title")).ToHaveCountAsync(1);
            }
            else
            {
                await Expect(figure.GetByText("No chart: every point is hidden")).ToBeVisibleAsync();
            }
        }
        // Most figures are hidden and say so.
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "hidden", Exact = true }).First).ToBeVisibleAsync();

        // The filters are a plain GET form; a bad date is explained, not an error.
        await page.GetByLabel("Group").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show" }));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("group="));
        await visitor.VisitAsync("/coordinator/outcomes?from=not-a-date");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The start date was not a date");
    }
}
