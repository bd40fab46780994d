using System.Globalization;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Safety;

/// <summary>
/// The grief check-in for a bereaved member whose loss was more than six months ago: offered on /me, a warning before
/// it starts, the questions, and at a high score a suggestion of a professional follow-up (not a diagnosis).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GriefCheckInTests(BrowserFixture fixture)
{
    // The demo seeds no member profiles, so no demo member is bereaved yet. member25 (Betty L., in After Loss:
    // Bereavement Group) says so herself on "About me"; no other browser test uses this member.
    private const string MemberEmail = "member25@demo.local";

    [Fact]
    public async Task ABereavedMember_IsWarnedFirst_AndAHighScoreSuggestsAProfessionalFollowUp()
    {
        await using var member = await fixture.NewVisitorAsync(phone: true);
        var page = member.Page;
        await member.SignInAsync(MemberEmail, BrowserTestApp.DemoPassword);

        // Not bereaved yet as far as PeerCircle knows: no check-in on /me, and the page is not there for her.
        await member.VisitAsync("/me");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Take the grief check-in (about 3 minutes)" })).ToHaveCountAsync(0);
        await member.VisitAsync("/me/grief-check-in", expectedStatus: 404);

        // Her husband died eight months ago.
        await member.VisitAsync("/me/about");
        await page.GetByLabel("I lost someone to cancer").CheckAsync();
        await page.GetByLabel("Pancreatic cancer").CheckAsync();
        var loss = DateTime.UtcNow.Date.AddMonths(-8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("If you lost someone: the date they died (optional otherwise)").FillAsync(loss);
        await member.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you. Your answers are saved.");

        await member.VisitAsync("/me");
        var offer = page.GetByRole(AriaRole.Region, new() { Name = "How is your grief lately?" });
        await member.SubmitAsync(offer.GetByRole(AriaRole.Link, new() { Name = "Take the grief check-in (about 3 minutes)" }));

        // A warning before it starts; no question yet.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grief check-in", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("may bring up strong feelings");
        await Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("This is not a test and not a diagnosis.");
        await Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        await PhoneLayout.ExpectFitsTheScreenAsync(page);
        await member.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "I'm ready to begin" }));

        // Sent half-answered: the page says which statements still need an answer and keeps the ones given.
        var statements = page.Locator("fieldset.scale");
        await Expect(statements).ToHaveCountAsync(7);
        await PhoneLayout.ExpectFitsTheScreenAsync(page);
        await statements.Nth(0).GetByLabel("Nearly all the time").CheckAsync();
        await member.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please choose an answer for statement 2.");
        await Expect(statements.Nth(0).GetByLabel("Nearly all the time")).ToBeCheckedAsync();

        // Grief fills her days and gets in the way of everyday life.
        for (var i = 1; i < 7; i++)
        {
            await statements.Nth(i).GetByLabel(i == 5 ? "Often" : "Nearly all the time").CheckAsync();
        }
        await page.GetByRole(AriaRole.Group, new() { Name = "In the last week, have you had thoughts of hurting yourself or ending your life?" })
            .GetByLabel("No", new() { Exact = true }).CheckAsync();
        await member.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }));

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you for taking the time.");
        var main = page.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync("Talking with a grief counselor often helps with this.");
        await Expect(main).ToContainTextAsync("Someone from our clinical team will reach out to offer that.");
        await Expect(main).ToContainTextAsync("This is not a diagnosis");
        await PhoneLayout.ExpectFitsTheScreenAsync(page);
        // A "no" to the safety question: no crisis box on this page.
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await member.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Back to My PeerCircle" }));

        // Some months on, lighter answers: no follow-up is suggested, and she is told she can come back to it.
        await member.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Take the grief check-in (about 3 minutes)" }));
        await member.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "I'm ready to begin" }));
        for (var i = 0; i < 7; i++)
        {
            await statements.Nth(i).GetByLabel(i < 3 ? "Sometimes" : "A little").CheckAsync();
        }
        await page.GetByLabel("I'd rather not say").CheckAsync();
        await member.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }));
        await Expect(main).ToContainTextAsync("Your answers don't point to a need for extra help right now.");
        await Expect(main).Not.ToContainTextAsync("grief counselor often helps");
    }
}
