using System.Globalization;
using System.Text.RegularExpressions;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Meetings;

[Collection(BrowserCollection.Name)]
public sealed partial class ExtraMeetingPageTests(BrowserFixture fixture)
{
    // Dana O. leads Living with Advanced Cancer (Thursdays, 1 PM, Los Angeles); member7 is one of its members. No other
    // browser test reads this group's meetings.
    private const string GroupName = "Living with Advanced Cancer";

    [GeneratedRegex("^Offer to share on ")]
    private static partial Regex OfferLink();

    [Fact]
    public async Task Facilitator_AddsAnExtraMeeting_PlansAndPrintsIt_AndAMembersOfferToShareIsAccepted()
    {
        await using var lead = await fixture.NewVisitorAsync();
        var page = lead.Page;
        await lead.SignInWithCodeAsync("facilitator@demo.local");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        var day = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone).Date.AddDays(2);
        if (day.DayOfWeek == DayOfWeek.Thursday)
        {
            day = day.AddDays(1);
        }

        await lead.VisitAsync("/facilitator");
        await lead.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Cancel or move a meeting of {GroupName}" }));
        await page.GetByText("Add an extra meeting").ClickAsync();
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time (Pacific time)").FillAsync("15:00");
        await page.Locator("#add-Reason").FillAsync("An extra meeting before the holidays.");
        await lead.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add this meeting" }));

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("An extra meeting is added on");
        var extra = page.GetByRole(AriaRole.Region).Filter(new() { HasText = "Extra meeting" });
        await Expect(extra).ToContainTextAsync("An extra meeting before the holidays.");
        await lead.SubmitAsync(extra.GetByRole(AriaRole.Link, new() { Name = "Plan this meeting" }));
        var planUrl = page.Url;
        await page.GetByLabel("Planned topic", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "holidays-and-anniversaries" });
        await lead.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The plan is saved.");
        await lead.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Print the plan and a sign-in sheet" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confidentiality reminder (never skipped)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Sign-in sheet" })).ToBeVisibleAsync();

        await using var member = await fixture.NewVisitorAsync(phone: true);
        await member.SignInAsync("member7@demo.local", BrowserTestApp.DemoPassword);
        await member.VisitAsync("/me");
        await member.SubmitAsync(member.Page.GetByRole(AriaRole.Link, new() { NameRegex = OfferLink() }));
        await member.Page.GetByLabel("What would you like to share?").FillAsync("What helped me through my first holidays after diagnosis.");
        await member.SubmitAsync(member.Page.GetByRole(AriaRole.Button, new() { Name = "Offer to share" }));
        await Expect(member.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you!");

        await lead.VisitAsync(new Uri(planUrl).PathAndQuery);
        await lead.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You accepted");
        await member.VisitAsync(new Uri(member.Page.Url).PathAndQuery);
        await Expect(member.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Your facilitator said yes.");
    }
}
