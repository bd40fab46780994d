using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Safety;

/// <summary>
/// The referral coach, as a facilitator uses it for a member of their group: need → matching resources → guidance →
/// record the referral → later, how it went; and a resource sent to the member, who finds it on their page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReferralCoachTests(BrowserFixture fixture)
{
    // Margaret C. (facilitator3) leads Newly Diagnosed: First Steps; member13, Susan T., is an accepted member of it.
    // No other browser test refers, or sends resources to, this member.
    private const string FacilitatorEmail = "facilitator3@demo.local";
    private const string MemberEmail = "member13@demo.local";
    private const string MemberName = "Susan T.";

    [Fact]
    public async Task AFacilitator_RecordsAReferralAndHowItWent_AndSendsAResourceTheMemberSees()
    {
        await using var facilitator = await fixture.NewVisitorAsync();
        var page = facilitator.Page;
        await facilitator.SignInWithCodeAsync(FacilitatorEmail);
        await facilitator.VisitAsync("/facilitator");
        await facilitator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Referral coach for {MemberName}" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Referral coach for {MemberName}", Level = 1 })).ToBeVisibleAsync();

        // 1. The need. 2. Resources that reach her: no ZIP code in her profile, so national ones.
        await page.GetByLabel("Need", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Rides and transportation" });
        await facilitator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Find resources" }));
        var matches = page.GetByRole(AriaRole.Region, new() { Name = $"2. Resources that reach {MemberName}" });
        await Expect(matches).ToContainTextAsync("No ZIP code in their profile, so only resources that serve the whole country are shown.");
        await Expect(matches.GetByRole(AriaRole.Article, new() { Name = "Road To Recovery" })).ToBeVisibleAsync();
        await Expect(matches.GetByRole(AriaRole.Article, new() { Name = "Hope Lodge" })).ToHaveCountAsync(0);

        // 3. The guidance: ask first, say why, give the contact, agree a follow-up.
        var guidance = page.GetByRole(AriaRole.Region, new() { Name = "3. How to offer a referral" });
        await Expect(guidance.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(4);
        await Expect(guidance).ToContainTextAsync("It is their choice.");
        await Expect(guidance).ToContainTextAsync("You are a peer, not a counselor or case manager.");

        // 4. Record it: without a choice the form says what is missing; then with one.
        var record = page.GetByRole(AriaRole.Region, new() { Name = "4. Record the referral" });
        var followUp = DateTime.UtcNow.Date.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await record.GetByLabel("Follow-up date you agreed (optional)").FillAsync(followUp);
        await facilitator.SubmitAsync(record.GetByRole(AriaRole.Button, new() { Name = "Record the referral" }));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please choose the resource you offered.");
        await record.GetByRole(AriaRole.Radio, new() { Name = "Road To Recovery" }).CheckAsync();
        await record.GetByLabel("Note (optional; only what you need to follow up)").FillAsync("Needs rides to radiation on weekdays.");
        await facilitator.SubmitAsync(record.GetByRole(AriaRole.Button, new() { Name = "Record the referral" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My referrals and follow-ups", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The referral is recorded.");
        var referral = page.GetByRole(AriaRole.Article, new() { Name = $"{MemberName} → Road To Recovery" });
        await Expect(referral.Locator(".badge")).ToHaveTextAsync("Waiting to hear");
        await Expect(referral).ToContainTextAsync($"Follow up on {followUp}");
        await Expect(referral).ToContainTextAsync("Needs rides to radiation on weekdays.");

        // Later: how it went. "Not yet" with a date already past is explained beside the date, and the summary leads there.
        await facilitator.VisitAsync("/facilitator");
        await facilitator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "My referrals and follow-ups" }));
        await referral.GetByLabel("Not yet", new() { Exact = true }).CheckAsync();
        var nextFollowUp = referral.GetByLabel("If not yet: next follow-up date (optional)");
        // Yesterday on the program's clock (Eastern).
        var yesterday = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"))
            .Date.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await nextFollowUp.FillAsync(yesterday);
        await facilitator.SubmitAsync(referral.GetByRole(AriaRole.Button, new() { Name = "Save how it went" }));
        const string PastDate = "Please choose a follow-up date from today to a year from now.";
        await Expect(nextFollowUp).ToHaveAccessibleDescriptionAsync(PastDate);
        await Expect(nextFollowUp).ToHaveValueAsync(yesterday);
        await Expect(referral.GetByLabel("Not yet", new() { Exact = true })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = PastDate }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#followup-\\d+$"));
        await Expect(page.Locator(new Uri(page.Url).Fragment)).ToHaveCountAsync(1);
        await Expect(referral.Locator(".badge")).ToHaveTextAsync("Waiting to hear");
        await referral.GetByLabel("Connected: they reached the service").CheckAsync();
        await referral.GetByLabel("Note (optional)").FillAsync("Her first ride is booked.");
        await facilitator.SubmitAsync(referral.GetByRole(AriaRole.Button, new() { Name = "Save how it went" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved how it went.");
        await Expect(referral.Locator(".badge")).ToHaveTextAsync("Connected");
        await Expect(referral).ToContainTextAsync("Her first ride is booked.");
        await Expect(referral.GetByLabel("Connected: they reached the service")).ToBeCheckedAsync();

        // A resource sent to the member through PeerCircle.
        await facilitator.VisitAsync("/facilitator");
        await facilitator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Referral coach for {MemberName}" }));
        await page.GetByLabel("Need", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Counseling and psycho-oncology" });
        await facilitator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Find resources" }));
        var send = page.GetByRole(AriaRole.Region, new() { Name = $"Send a resource to {MemberName}" });
        await send.GetByLabel("Resource", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "CancerCare" });
        await send.GetByLabel("A short message (optional)").FillAsync("Here is the counseling service we talked about after the meeting.");
        await facilitator.SubmitAsync(send.GetByRole(AriaRole.Button, new() { Name = $"Send this resource to {MemberName}" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Sent. {MemberName} will see it on their PeerCircle page.");

        // Someone who is not in one of her groups has no referral coach page, nor does a made-up id.
        var stranger = await fixture.App.QueryAsync(db => db.Users.Where(u => u.Email == "member39@demo.local").Select(u => u.Id).SingleAsync());
        await facilitator.VisitAsync($"/facilitator/referrals/new?member={Uri.EscapeDataString(stranger)}&need=transportation", expectedStatus: 404);
        await facilitator.VisitAsync("/facilitator/referrals/new?member=not-a-member", expectedStatus: 404);

        await using var member = await fixture.NewVisitorAsync(phone: true);
        await member.SignInAsync(MemberEmail, BrowserTestApp.DemoPassword);
        await member.VisitAsync("/me");
        var sent = member.Page.GetByRole(AriaRole.Region, new() { Name = "Sent to you by your facilitator" });
        var card = sent.GetByRole(AriaRole.Article, new() { Name = "CancerCare" });
        await Expect(card).ToContainTextAsync("Here is the counseling service we talked about after the meeting.");
        await Expect(card).ToContainTextAsync("New");
        await PhoneLayout.ExpectFitsTheScreenAsync(member.Page);
        await member.SubmitAsync(sent.GetByRole(AriaRole.Link, new() { Name = "See more help and resources" }));
        await Expect(member.Page.GetByRole(AriaRole.Heading, new() { Name = "Help and resources", Level = 1 })).ToBeVisibleAsync();
    }
}
