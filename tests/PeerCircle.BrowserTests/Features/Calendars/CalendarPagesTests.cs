using System.Text.RegularExpressions;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Calendars;

[Collection(BrowserCollection.Name)]
public sealed partial class CalendarPagesTests(BrowserFixture fixture)
{
    [GeneratedRegex(@"^http://peercircle\.test/calendar/[A-Za-z0-9_-]{43}\.ics$")]
    private static partial Regex FeedLink();

    [Fact]
    public async Task Member_MakesASecretCalendarLink_AndSeesHowToAddIt()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        // Other browser tests leave this member alone.
        await visitor.SignInAsync("member40@demo.local", BrowserTestApp.DemoPassword);

        await visitor.VisitAsync("/me/calendar");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("You do not have a calendar link right now.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Calendar file for Blood Cancer Caregivers Phoenix" })).ToBeVisibleAsync();
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Make my calendar link" }));

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Copy this link now.");
        await Expect(page.GetByLabel("Your calendar link")).ToHaveValueAsync(FeedLink());
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Subscribe from web");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Make a new link" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Turn off my calendar link" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Facilitator_CancelsOneMeeting_FromTheFacilitatorHome()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        // Tom Becker leads the phone group; no other browser test reads its meetings.
        await visitor.SignInWithCodeAsync("facilitator4@demo.local");

        await visitor.VisitAsync("/facilitator");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Cancel or move a meeting of Prostate Cancer Phone Group" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Upcoming meetings of Prostate Cancer Phone Group", Level = 1 })).ToBeVisibleAsync();
        var first = page.GetByRole(AriaRole.Region).First;
        var title = await first.GetByRole(AriaRole.Heading, new() { Level = 2 }).TextContentAsync();

        await first.GetByText("Cancel or move this meeting").ClickAsync();
        await first.GetByLabel("Why (members will read this)").FillAsync("Tom is away at a training day.");
        await visitor.SubmitAsync(first.GetByRole(AriaRole.Button, new() { Name = "Cancel this meeting" }));

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The meeting on {title} is cancelled.");
        var cancelled = page.GetByRole(AriaRole.Region, new() { Name = title! });
        await Expect(cancelled).ToContainTextAsync("Cancelled");
        await Expect(cancelled).ToContainTextAsync("Tom is away at a training day.");
    }
}
