using Microsoft.EntityFrameworkCore;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Contact;

[Collection(BrowserCollection.Name)]
public sealed class ContactSheetTests(BrowserFixture fixture)
{
    // In the demo, member9 and member39 are the accepted members of this group; Tom Becker (facilitator4) leads it.
    private const string Group = "Lung Cancer Support Atlanta";

    [Fact]
    public async Task Member_SharesTheirName_AndFindsItOnTheContactSheet()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.SignInAsync("member9@demo.local", BrowserTestApp.DemoPassword);

        await visitor.VisitAsync("/groups/lung-cancer-support-atlanta");
        var keepInTouch = page.GetByRole(AriaRole.Region, new() { Name = "Keeping in touch" });
        await visitor.SubmitAsync(keepInTouch.GetByRole(AriaRole.Link, new() { Name = "Choose what you share with the group" }));
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "My e-mail address: member9@demo.local" })).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "My name in the group: Elizabeth W." }).CheckAsync();
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save my choices" }));

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your choices are saved.");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "See the contact sheet" }));
        var sheet = page.GetByRole(AriaRole.Table, new() { Name = "Members who chose to share, with only what they chose" });
        await Expect(sheet.GetByRole(AriaRole.Row).Filter(new() { HasText = "Elizabeth W. (you)" })).ToContainTextAsync("Not shared");
        await Expect(sheet).Not.ToContainTextAsync("member9@demo.local");
    }

    [Fact]
    public async Task Facilitator_MessagesTheirGroup_EachMemberByTheirOwnEmail()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.SignInWithCodeAsync("facilitator4@demo.local");

        await visitor.VisitAsync("/facilitator");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Message members of {Group}" }));
        await page.GetByLabel("Subject").FillAsync("Parking this week");
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("The front lot is closed; please use the garage on 5th Street.");
        // Other browser tests may add members to this group, so the expected count is read from the database.
        var allowed = await fixture.App.QueryAsync(db => db.GroupMemberships.CountAsync(m =>
            m.Group!.Name == Group && m.Status == PeerCircle.Data.Groups.MembershipStatus.Accepted
            && !db.MemberProfiles.Any(p => p.UserId == m.UserId && !p.MayEmail)));
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send" }));

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Your message went to {allowed} members, each by their own e-mail.");
        var sent = fixture.App.ReadOutbox().Where(m => m.Subject == $"{Group}: Parking this week").ToList();
        Assert.Equal(allowed, sent.Count);
        Assert.All(sent, m => Assert.Single(m.To.Mailboxes));
    }
}
