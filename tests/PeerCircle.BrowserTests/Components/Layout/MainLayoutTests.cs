using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Components.Layout;

[Collection(BrowserCollection.Name)]
public sealed class MainLayoutTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SkipLink_FirstTabOnASearchPage_MovesFocusToTheMainContentOfThatPage()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.VisitAsync("/groups?audience=caregivers");
        var searchPage = new Uri(page.Url);

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();
        var leadsTo = new Uri(await skipLink.EvaluateAsync<string>("a => a.href"));
        Assert.True(leadsTo.PathAndQuery == searchPage.PathAndQuery,
            $"\"Skip to main content\" on {searchPage.PathAndQuery} leads to {leadsTo.PathAndQuery}{leadsTo.Fragment}, a different page.");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        Assert.Equal(searchPage.PathAndQuery, new Uri(page.Url).PathAndQuery);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Find a support group", Level = 1 })).ToBeVisibleAsync();
    }
}
