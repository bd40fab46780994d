using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;

namespace PeerCircle.IntegrationTests.Features.Calendars;

/// <summary>A member's secret calendar link: all their groups with the private details, and only theirs; revocable.</summary>
public partial class PersonalCalendarFeedTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"http://localhost/calendar/([A-Za-z0-9_-]{43})\.ics")]
    private static partial Regex FeedLink();

    private static async Task<string> MakeLinkAsync(HttpClient member)
    {
        using var response = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/calendar", "make-calendar-link", [], Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Copy this link now.", PeerCircleAppFactory.VisibleTextOf(html), StringComparison.Ordinal);
        return new Uri(FeedLink().Match(html).Value).PathAndQuery;
    }

    private static IEnumerable<string> Summaries(IcsComponent calendar) =>
        calendar.Components("VEVENT").Select(e => e.Property("SUMMARY")!.Text).Distinct();

    [Theory, AllProviders]
    public async Task AMembersLink_ServesAllTheirGroupsWithPrivateDetails_AndANewLinkOrTurningOffEndsTheOldOne(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var calendarApp = app.CreateClientWithCookies();
        var memberId = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);
        Assert.Contains("You do not have a calendar link right now.",
            PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me/calendar", Cancel)), StringComparison.Ordinal);

        var first = await MakeLinkAsync(member);

        using (var feed = await calendarApp.GetAsync(first, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
            var calendar = IcsReader.Parse(await feed.Content.ReadAsStringAsync(Cancel));
            Assert.Equal(["Breast Cancer Survivors Circle", "Caregivers Evening Circle"], Summaries(calendar).Order());
            Assert.Equal(["America/Chicago", "America/New_York"], calendar.Components("VTIMEZONE").Select(z => z.Value("TZID")).Order());
            var text = string.Join("\n", calendar.Components("VEVENT").SelectMany(e => e.Properties).Select(p => p.Text));
            Assert.Contains("251 E Huron St", text, StringComparison.Ordinal);
            Assert.Contains("https://meet.peercircle.example/caregivers-evening-circle", text, StringComparison.Ordinal);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var profile = await db.MemberProfiles.AsNoTracking().SingleAsync(p => p.UserId == memberId, Cancel);
            var token = first.Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal);
            // Only a hash is kept, so the link cannot be read back from the database.
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(WebEncoders.Base64UrlDecode(token))), profile.CalendarFeedTokenHash);
            Assert.True(profile.MayEmail);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "member.calendar-feed-read" && a.RecordId == memberId, Cancel));
        }
        var later = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me/calendar", Cancel));
        Assert.Contains("Your calendar link is turned on.", later, StringComparison.Ordinal);
        Assert.DoesNotContain(first, later, StringComparison.Ordinal);

        var second = await MakeLinkAsync(member);

        Assert.NotEqual(first, second);
        using (var old = await calendarApp.GetAsync(first, Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        }
        using (var current = await calendarApp.GetAsync(second, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        }

        using var off = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/calendar", "turn-off-calendar-link", [], Cancel);

        Assert.Contains("Your calendar link is turned off.", PeerCircleAppFactory.VisibleTextOf(await off.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        using var afterOff = await calendarApp.GetAsync(second, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, afterOff.StatusCode);
    }

    [Theory, AllProviders]
    public async Task AnotherMembersLink_NeverShowsThisMembersGroups_AndMadeUpLinksAreNotFound(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var maria = app.CreateClientWithCookies();
        await app.SignInAsync(maria, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var linda = app.CreateClientWithCookies();
        await app.SignInAsync(linda, "member3@demo.local", totp: false, Cancel);
        using var calendarApp = app.CreateClientWithCookies();
        await MakeLinkAsync(maria);

        var lindas = IcsReader.Parse(await calendarApp.GetStringAsync(await MakeLinkAsync(linda), Cancel));

        Assert.Equal(["Newly Diagnosed: First Steps"], Summaries(lindas));
        foreach (var madeUp in new[]
        {
            "/calendar/abc.ics",
            $"/calendar/{WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32))}.ics",
            $"/calendar/{new string('!', 43)}.ics",
            $"/calendar/{new string('A', 5000)}.ics",
        })
        {
            using var response = await calendarApp.GetAsync(madeUp, Cancel);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
