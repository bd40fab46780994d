using System.Net;
using PeerCircle.Data;

namespace PeerCircle.IntegrationTests.Features.Groups;

/// <summary>The public group page tells a newcomer what they need and keeps remote-meeting details private.</summary>
public class GroupPageTests(SharedApps apps)
{
    private const string VideoGroup = "/groups/caregivers-evening-circle";
    private const string DemoMeetingLink = "https://meet.peercircle.example/caregivers-evening-circle";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task AcceptedMember_SeesTheMeetingLink_OtherMembersAndVisitorsDoNot(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var accepted = app.CreateClientWithCookies();
        await app.SignInAsync(accepted, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var otherMember = app.CreateClientWithCookies();
        await app.SignInAsync(otherMember, "member4@demo.local", totp: false, Cancel);
        using var visitor = app.CreateClientWithCookies();

        Assert.Contains(DemoMeetingLink, await accepted.GetStringAsync(VideoGroup, Cancel), StringComparison.Ordinal);
        foreach (var client in new[] { otherMember, visitor })
        {
            var html = await client.GetStringAsync(VideoGroup, Cancel);
            Assert.DoesNotContain("meet.peercircle.example", html, StringComparison.Ordinal);
            Assert.Contains("shared only with members of the group", html, StringComparison.Ordinal);
        }
    }

    [Theory, AllProviders]
    public async Task GroupPage_ShowsThreeNextMeetingsInTheChosenTimeZone(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var visitor = app.CreateClientWithCookies();

        var groupZone = NextMeetings(await visitor.GetStringAsync(VideoGroup, Cancel));
        var pacific = NextMeetings(await visitor.GetStringAsync(VideoGroup + "?tz=America/Los_Angeles", Cancel));

        // The group meets Wednesdays at 7:00 PM Eastern, which is 4:00 PM Pacific.
        Assert.Contains("Next meetings, in the group's time zone (Eastern)", groupZone, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(groupZone, "Wednesday, "));
        Assert.Equal(3, CountOf(groupZone, ", 7:00 PM"));
        Assert.Contains("Next meetings, in your time zone (Pacific)", pacific, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(pacific, ", 4:00 PM"));
    }

    [Theory, AllProviders]
    public async Task UnknownGroup_IsTheNotFoundPageThatPointsBackToTheDirectory(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var visitor = app.CreateClientWithCookies();

        using var response = await visitor.GetAsync("/groups/" + new string('x', 5000), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var text = PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("We could not find that page", text, StringComparison.Ordinal);
        Assert.Contains("Find a support group", text, StringComparison.Ordinal);
    }

    /// <summary>The "Next meetings" list, from its heading to the time-zone chooser below it.</summary>
    private static string NextMeetings(string html)
    {
        var text = PeerCircleAppFactory.VisibleTextOf(html);
        var start = text.IndexOf("Next meetings", StringComparison.Ordinal);
        var end = text.IndexOf("Show times in", start, StringComparison.Ordinal);
        return text[start..end];
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
