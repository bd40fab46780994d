using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PeerCircle.BrowserTests.Infrastructure;
using PeerCircle.Data.Groups;

namespace PeerCircle.BrowserTests.Features.Joining;

/// <summary>The whole way from "I found a group" to "I know when and where we meet", on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class JoiningJourneyTests(BrowserFixture fixture)
{
    private const string Email = "rosa.diaz@example.com";
    private const string Password = "quiet river morning bread";
    private const string GroupName = "Lung Cancer Support Atlanta";

    [Fact]
    public async Task OnAPhone_ANewcomerFindsAGroupNearby_SignsUp_Consents_AgreesToTheGroupsAgreement_AndGetsTheCalendar()
    {
        await EnsureComfortAgreementAsync();
        await using var visitor = await fixture.NewVisitorAsync(phone: true);
        var page = visitor.Page;

        // Find a group near a ZIP code.
        await visitor.VisitAsync("/");
        await page.GetByLabel("Your ZIP code").FillAsync("30308");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Find a group" }));
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = GroupName, Exact = true }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = GroupName, Level = 1 })).ToBeVisibleAsync();
        var groupPath = new Uri(page.Url).AbsolutePath;

        // Create an account, confirm the e-mail, sign in.
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Create a free account" }));
        await page.GetByLabel("Your name").FillAsync("Rosa Diaz");
        await page.GetByLabel("Name to show in groups").FillAsync("Rosa D.");
        await page.GetByLabel("E-mail address").FillAsync(Email);
        await page.GetByLabel("Date of birth").FillAsync("1968-09-14");
        await page.GetByLabel("Choose a password").FillAsync(Password);
        await page.GetByLabel("Type the password again").FillAsync(Password);
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }));
        var confirmation = Assert.Single(fixture.App.ReadOutbox(), m => m.To.Mailboxes.Any(to => to.Address == Email));
        await visitor.VisitAsync(fixture.App.Served(ConfirmationLink().Match(confirmation.TextBody ?? "").Value));
        await visitor.VisitAsync("/account/login?returnUrl=" + Uri.EscapeDataString(groupPath));
        await page.GetByLabel("E-mail address").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }));

        // The group page lists the short steps before joining; each one comes back to the group.
        var join = page.GetByRole(AriaRole.Region, new() { Name = "Join this group" });
        await visitor.SubmitAsync(join.GetByRole(AriaRole.Link, new() { Name = "Tell us a little about you" }));
        await page.GetByLabel("I have or had cancer").CheckAsync();
        await page.GetByLabel("Lung cancer").CheckAsync();
        await page.GetByLabel("In treatment").CheckAsync();
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = GroupName, Level = 1 })).ToBeVisibleAsync();

        await visitor.SubmitAsync(join.GetByRole(AriaRole.Link, new() { Name = "Read and sign the consent" }));
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("we cannot guarantee that every member will keep it");
        await page.GetByLabel("I have read this and I agree").CheckAsync();
        await page.GetByLabel("Type your full name to sign").FillAsync("Rosa Diaz");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign the consent" }));
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Continue where you left off" }));

        await visitor.SubmitAsync(join.GetByRole(AriaRole.Link, new() { Name = "Read our guide to contact between members outside meetings" }));
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "I have read this" }));
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Continue where you left off" }));

        // Join: an open group with space takes them at once.
        await visitor.SubmitAsync(join.GetByRole(AriaRole.Button, new() { Name = "Join this group" }));
        await Expect(join.GetByRole(AriaRole.Status)).ToContainTextAsync("Welcome! You are now a member of this group.");
        await visitor.SubmitAsync(join.GetByRole(AriaRole.Link, new() { Name = "Read and agree to our comfort agreement" }));
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "I agree to our group's comfort agreement" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You agreed to version");

        // My PeerCircle: the next meeting and where it is.
        await visitor.VisitAsync("/me");
        var mine = page.GetByRole(AriaRole.Region, new() { Name = "My groups" }).Locator(".group-list > li").Filter(new() { HasText = GroupName });
        await Expect(mine).ToContainTextAsync("Next meeting:");
        await Expect(mine).ToContainTextAsync("550 Peachtree St NE");

        // The group's calendar file downloads and names the group, its place and its time zone.
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Add my meetings to my phone's calendar" }));
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = $"Calendar file for {GroupName}" }).ClickAsync());
        var ics = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains($"SUMMARY:{GroupName}", ics, StringComparison.Ordinal);
        Assert.Contains("TZID:America/New_York", ics, StringComparison.Ordinal);
        Assert.Contains("550 Peachtree St NE", ics, StringComparison.Ordinal);
    }

    private Task<int> EnsureComfortAgreementAsync() => fixture.App.QueryAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Name == GroupName);
        if (await db.ComfortAgreements.AnyAsync(a => a.GroupId == group.Id))
        {
            return 0;
        }
        db.ComfortAgreements.Add(new ComfortAgreement
        {
            GroupId = group.Id, Version = 1, IdeaKeys = "confidentiality,share-the-air",
            Text = "- What is said here stays here, except when someone may be in danger.\n- We share the air so everyone has time to talk.",
            CreatedById = group.LeadFacilitatorId!, CreatedAtUtc = DateTime.UtcNow,
        });
        return await db.SaveChangesAsync();
    });

    [GeneratedRegex(@"https?://\S+/account/confirm-email\?\S+")]
    private static partial Regex ConfirmationLink();
}
