using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Help;

[Collection(BrowserCollection.Name)]
public sealed class GetHelpNowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task GetHelpNow_FromTheHomePage_ShowsTheCrisisLine988()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.VisitAsync("/");

        await visitor.SubmitAsync(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Get help now" }));

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/help$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Get help now", Level = 1 })).ToBeVisibleAsync();
        var call988 = page.GetByRole(AriaRole.Link, new() { Name = "Call or text 988" });
        await Expect(call988).ToBeVisibleAsync();
        await Expect(call988).ToHaveAttributeAsync("href", "tel:988");
    }
}
