using System.Globalization;
using System.Text.RegularExpressions;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Groups;

[Collection(BrowserCollection.Name)]
public sealed class GroupPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task GroupPage_AnonymousVisitor_SeesTheNextThreeMeetingsButNotTheMeetingLink()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.VisitAsync("/groups");

        // Read before the page is drawn: a meeting that starts while the test runs must not look out of order.
        var previous = DateTimeOffset.UtcNow;
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Caregivers Evening Circle" }));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Caregivers Evening Circle", Level = 1 })).ToBeVisibleAsync();
        var when = page.GetByRole(AriaRole.Region, new() { Name = "When it meets" });
        await Expect(when.GetByRole(AriaRole.Heading, new() { Name = "Next meetings" })).ToBeVisibleAsync();
        await Expect(when.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(3);
        var times = when.Locator("li time");
        await Expect(times).ToHaveCountAsync(3);
        // The group meets every Wednesday at 7 PM Eastern; a visitor who is not signed in sees the group's own time zone.
        await Expect(when.GetByRole(AriaRole.Heading, new() { Name = "Next meetings" })).ToContainTextAsync("(Eastern)");
        foreach (var time in await times.AllAsync())
        {
            await Expect(time).ToHaveTextAsync(new Regex(@"^Wednesday, \w+ \d{1,2}, 7:00 PM$"));
            // The machine-readable time must name its zone, or assistive tools and calendars read it as local time.
            await Expect(time).ToHaveAttributeAsync("datetime", new Regex(@"(Z|[+-]\d\d:\d\d)$"));
            var startsAt = DateTimeOffset.Parse((await time.GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture);
            Assert.True(startsAt > previous, $"Meeting times must be upcoming and in order; {startsAt:o} follows {previous:o}.");
            previous = startsAt;
        }

        var where = page.GetByRole(AriaRole.Region, new() { Name = "Where" });
        await Expect(where).ToContainTextAsync("The meeting link or phone number is shared only with members of the group");
        Assert.DoesNotContain("meet.peercircle.example", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
