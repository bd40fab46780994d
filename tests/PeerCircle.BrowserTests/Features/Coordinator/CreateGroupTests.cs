using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Coordinator;

[Collection(BrowserCollection.Name)]
public sealed class CreateGroupTests(BrowserFixture fixture)
{
    private const string CoordinatorEmail = "coordinator@demo.local";

    [Fact]
    public async Task Create_InPersonGroupForFourteen_SavesWarnsAboutSizeAndListsItNearItsZip()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.SignInWithCodeAsync(CoordinatorEmail);
        await visitor.VisitAsync("/coordinator/groups/new");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Lincoln Park Evening Circle");
        await page.GetByLabel("Description for newcomers").FillAsync("A small, friendly group for people in treatment, meeting at the library on Fullerton.");
        await page.GetByLabel("Who it is for").SelectOptionAsync(new SelectOptionValue { Label = "People with cancer" });
        await page.GetByLabel("How it meets").SelectOptionAsync(new SelectOptionValue { Label = "In person" });
        await page.GetByLabel("Venue name (in-person and hybrid groups)").FillAsync("Lincoln Park Library");
        await page.GetByLabel("Street address").FillAsync("1150 W Fullerton Ave");
        await page.GetByLabel("City", new() { Exact = true }).FillAsync("Chicago");
        await page.GetByLabel("State (two letters)").FillAsync("IL");
        await page.GetByLabel("ZIP code", new() { Exact = true }).FillAsync("60614");
        await page.GetByLabel("Capacity", new() { Exact = true }).FillAsync("14");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save group" }));

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The group is saved.");
        var warning = page.GetByRole(AriaRole.Note);
        await Expect(warning).ToContainTextAsync("This group can have more than 12 members.");
        await Expect(warning).ToContainTextAsync("Consider adding a co-facilitator");

        await visitor.VisitAsync("/groups?zip=60614");
        var card = page.GetByRole(AriaRole.Listitem).Filter(new()
        {
            Has = page.GetByRole(AriaRole.Heading, new() { Name = "Lincoln Park Evening Circle" }),
        });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card).ToContainTextAsync(new Regex(@"\d+(\.\d)? miles away"));
        await Expect(card).ToContainTextAsync("Chicago, IL");
    }

    [Fact]
    public async Task Create_EmptyForm_ListsWhatToFixWithLinksToEachFieldAndSavesNothing()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.SignInWithCodeAsync(CoordinatorEmail);
        await visitor.VisitAsync("/coordinator/groups/new");
        var groupsBefore = await fixture.App.QueryAsync(db => db.Groups.CountAsync());

        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save group" }));

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "Please fix the following" })).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("Please give the group a name.");
        await Expect(summary).ToContainTextAsync("In-person groups need a street address.");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        Assert.Equal(groupsBefore, await fixture.App.QueryAsync(db => db.Groups.CountAsync()));

        var links = await summary.GetByRole(AriaRole.Link).AllAsync();
        Assert.NotEmpty(links);
        var formAddress = new Uri(page.Url);
        foreach (var link in links)
        {
            var target = await link.GetAttributeAsync("href");
            Assert.Matches("^#[A-Za-z]+$", target);
            await Expect(page.Locator(target!)).ToBeEditableAsync();
            // The link must lead to the field on this page, not away from the coordinator's unsaved form.
            var leadsTo = new Uri(await link.EvaluateAsync<string>("a => a.href"));
            Assert.True(leadsTo.AbsolutePath == formAddress.AbsolutePath,
                $"The error summary link \"{await link.TextContentAsync()}\" ({target}) leads to {leadsTo}, away from the form at {formAddress.AbsolutePath}.");
        }

        // Following the first link from the keyboard puts the cursor in the field to fix.
        var first = links[0];
        await first.FocusAsync();
        await Expect(first).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator((await first.GetAttributeAsync("href"))!)).ToBeFocusedAsync();
        Assert.Equal(formAddress.AbsolutePath, new Uri(page.Url).AbsolutePath);
    }
}
