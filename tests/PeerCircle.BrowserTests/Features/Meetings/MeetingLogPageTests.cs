using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Meetings;

[Collection(BrowserCollection.Name)]
public sealed class MeetingLogPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Facilitator_LogsAMeetingWithAnIncident_FeelsShaken_AndTheCoordinatorSeesTheTrend()
    {
        await using (var facilitator = await fixture.NewVisitorAsync())
        {
            var page = facilitator.Page;
            // Tom Becker leads Lung Cancer Support Atlanta, which has met every other week since the demo began.
            await facilitator.SignInWithCodeAsync("facilitator4@demo.local");
            await facilitator.VisitAsync("/facilitator");
            await facilitator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Meeting logs and members' feedback for Lung Cancer Support Atlanta" }));
            await facilitator.SubmitAsync(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First);

            await page.GetByLabel("Summary of the meeting").FillAsync("Seven came. Ana shared about her scan results. We did the worry-time exercise.");
            await page.GetByLabel("What happened").First.SelectOptionAsync(new SelectOptionValue { Value = "advice-giving" });
            await page.GetByLabel("Furthest step you took").First.SelectOptionAsync(new SelectOptionValue { Value = "restate-agreement" });
            await page.GetByLabel("Shaken").CheckAsync();
            await facilitator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the log" }));

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The log is saved.");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ask for a debrief now" })).ToBeVisibleAsync();
        }

        await using var coordinator = await fixture.NewVisitorAsync();
        await coordinator.SignInWithCodeAsync("coordinator@demo.local");
        await coordinator.VisitAsync("/coordinator");
        await coordinator.SubmitAsync(coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Incidents in meetings" }));
        await Expect(coordinator.Page.GetByRole(AriaRole.Table, new() { Name = "By group and kind" })).ToContainTextAsync("Lung Cancer Support Atlanta");
    }

    [Fact]
    public async Task Member_GivesFeedbackOnTheLastMeeting_FromTheirHomePage()
    {
        await using var member = await fixture.NewVisitorAsync(phone: true);
        var page = member.Page;
        // member31 is an accepted member of the weekly Breast Cancer Survivors Circle, so a meeting is always less than a week old.
        await member.SignInAsync("member31@demo.local", BrowserTestApp.DemoPassword);
        await member.VisitAsync("/me");
        var card = page.GetByRole(AriaRole.Region, new() { Name = "My groups" }).Locator(".group-list > li").Filter(new() { HasText = "Breast Cancer Survivors Circle" });
        await member.SubmitAsync(card.GetByRole(AriaRole.Link, new() { Name = "How was the last meeting? Tell us (2 minutes)" }));

        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("only once 5 or more people have answered");
        await page.GetByRole(AriaRole.Group, new() { Name = "Did you feel heard?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByLabel("What would you change? (optional)").FillAsync("A little more time at the end.");
        await member.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send my feedback" }));

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you for your feedback.");
    }
}
