using System.Text.RegularExpressions;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture fixture)
{
    private const string MemberEmail = "member@demo.local";
    private const string CoordinatorEmail = "coordinator@demo.local";

    [Fact]
    public async Task SignIn_Member_SeesMyGroupsWithTheirTwoGroupsAndTheMeetingLink()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;

        await visitor.SignInAsync(MemberEmail, BrowserTestApp.DemoPassword);

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "My PeerCircle" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await visitor.SubmitAsync(nav.GetByRole(AriaRole.Link, new() { Name = "My PeerCircle" }));
        await Expect(page).ToHaveURLAsync(new Regex("/me$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My PeerCircle", Level = 1 })).ToBeVisibleAsync();
        var groups = page.GetByRole(AriaRole.Region, new() { Name = "My groups" }).Locator(".group-list > li");
        await Expect(groups).ToHaveCountAsync(2);
        await Expect(groups.Filter(new() { HasText = "Breast Cancer Survivors Circle" })).ToContainTextAsync("Member");
        var videoGroup = groups.Filter(new() { HasText = "Caregivers Evening Circle" });
        await Expect(videoGroup).ToContainTextAsync("Next meeting:");
        await Expect(videoGroup.GetByRole(AriaRole.Link, new() { Name = "https://meet.peercircle.example/caregivers-evening-circle" }))
            .ToHaveAttributeAsync("href", "https://meet.peercircle.example/caregivers-evening-circle");

        // The check-in page for a group (open the day before a meeting) is reachable and clean.
        await visitor.SubmitAsync(groups.Filter(new() { HasText = "Breast Cancer Survivors Circle" }).GetByRole(AriaRole.Link, new() { Name = "Check in before the meeting" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check in for Breast Cancer Survivors Circle", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_ExplainsInPlainWordsAndKeepsTheEmail()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.VisitAsync("/account/login");

        await page.GetByLabel("E-mail address").FillAsync(MemberEmail);
        await page.GetByLabel("Password").FillAsync("not-the-right-password");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }));

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That e-mail address and password do not match. Please try again.");
        await Expect(page.GetByLabel("E-mail address")).ToHaveValueAsync(MemberEmail);
        await Expect(page.GetByLabel("Password")).ToHaveValueAsync("");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "My PeerCircle" }))
            .ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignIn_Coordinator_AsksForTheSixDigitCodeThenOpensTheProgramOverview()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.SignInAsync(CoordinatorEmail, BrowserTestApp.DemoPassword);

        await Expect(page).ToHaveURLAsync(new Regex("/account/login-2fa"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-step sign-in" })).ToBeVisibleAsync();
        await page.GetByLabel("6-digit code").FillAsync(Visitor.CurrentCode());
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));

        var coordinatorLink = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Coordinator" });
        await Expect(coordinatorLink).ToBeVisibleAsync();
        await visitor.SubmitAsync(coordinatorLink);
        await Expect(page).ToHaveURLAsync(new Regex("/coordinator$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Program overview", Level = 1 })).ToBeVisibleAsync();
    }
}
