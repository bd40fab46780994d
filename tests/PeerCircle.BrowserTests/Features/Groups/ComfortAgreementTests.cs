using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Groups;

[Collection(BrowserCollection.Name)]
public sealed class ComfortAgreementTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Facilitator_ComposesTheAgreement_AndTheGroupPageShowsIt()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.SignInWithCodeAsync("facilitator@demo.local");

        await visitor.VisitAsync("/facilitator");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Comfort agreement for Living with Advanced Cancer" }));
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "What we share stays here, with limits" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Passing is fine" })).Not.ToBeCheckedAsync();

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Passing is fine" }).CheckAsync();
        await page.GetByLabel("In our own words (optional)").FillAsync("We bring tissues for each other.");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save a new version" }));

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as version 1.");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Current agreement" })).ToContainTextAsync("We bring tissues for each other.");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Passing is fine" })).ToBeCheckedAsync();

        await visitor.VisitAsync("/groups/living-with-advanced-cancer");
        var agreement = page.GetByRole(AriaRole.Region, new() { Name = "Our comfort agreement" });
        await Expect(agreement).ToContainTextAsync("Anyone can say \"pass\"");
        await Expect(agreement).ToContainTextAsync("Version 1");
    }
}
