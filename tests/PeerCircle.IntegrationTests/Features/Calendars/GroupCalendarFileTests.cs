using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.IntegrationTests.Features.Calendars;

/// <summary>A group's .ics download: right times in the group's own zone, read back by an independent parser, and private details only for members.</summary>
public class GroupCalendarFileTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string InPersonGroup = "breast-cancer-survivors-circle";
    private const string VideoGroup = "caregivers-evening-circle";

    private static async Task<Group> GroupAsync(PeerCircleAppFactory app, string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Groups.AsNoTracking().SingleAsync(g => g.Slug == slug, Cancel);
    }

    [Theory, AllProviders]
    public async Task GroupCalendar_ParsesIndependently_AndRoundTripsTheGroupsTimeZone(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var visitor = app.CreateClientWithCookies();
        // Weekly in Chicago, monthly on the second Monday in Los Angeles, every other week in New York, and the
        // last Wednesday of the month in Arizona, which has no daylight saving time.
        foreach (var slug in new[] { InPersonGroup, "after-loss-bereavement-group", "lung-cancer-support-atlanta", "blood-cancer-caregivers-phoenix" })
        {
            var group = await GroupAsync(app, slug);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(group.Schedule.TimeZoneId);

            using var response = await visitor.GetAsync($"/groups/{slug}/calendar.ics", Cancel);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"{slug}.ics", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
            var calendar = IcsReader.Parse(await response.Content.ReadAsStringAsync(Cancel));
            Assert.Equal("2.0", calendar.Value("VERSION"));
            var timeZone = Assert.Single(calendar.Components("VTIMEZONE"));
            Assert.Equal(group.Schedule.TimeZoneId, timeZone.Value("TZID"));
            var series = Assert.Single(calendar.Components("VEVENT"));
            Assert.Equal($"group-{group.Id:D}@peercircle", series.Value("UID"));
            Assert.Equal(group.Name, series.Property("SUMMARY")!.Text);
            Assert.Contains($"{PeerCircleAppFactory.PublicBaseUrl}/groups/{slug}", series.Property("DESCRIPTION")!.Text, StringComparison.Ordinal);

            // DTSTART names the group's zone and its local start time.
            var start = series.Property("DTSTART")!;
            Assert.Equal(group.Schedule.TimeZoneId, start.Parameter("TZID"));
            Assert.Equal(TimeSpan.FromMinutes(group.Schedule.StartMinuteOfDay), IcsReader.LocalOf(start).TimeOfDay);
            Assert.Equal(group.Schedule.DayOfWeek, IcsReader.LocalOf(start).DayOfWeek);

            // The rule, expanded here without Ical.Net and resolved with TimeZoneInfo, gives the next meeting the app
            // shows; the file's own VTIMEZONE gives the same UTC offset at that time as the machine's zone data.
            var now = DateTime.UtcNow;
            var next = IcsReader.Occurrences(series, now).First();
            Assert.Equal(MeetingTimes.Next(group.Schedule, now, 1).Single(), next);
            var local = TimeZoneInfo.ConvertTimeFromUtc(next, zone);
            Assert.Equal(zone.GetUtcOffset(next), IcsReader.OffsetAt(timeZone, local));
            Assert.Equal(zone.GetUtcOffset(IcsReader.ToUtc(start)), IcsReader.OffsetAt(timeZone, IcsReader.LocalOf(start)));
        }
    }

    [Theory, AllProviders]
    public async Task NonMembers_GetTimesAndTownOnly_AcceptedMembersGetTheAddressAndLink(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var visitor = app.CreateClientWithCookies();
        using var otherMember = app.CreateClientWithCookies();
        await app.SignInAsync(otherMember, "member3@demo.local", totp: false, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        foreach (var client in new[] { visitor, otherMember })
        {
            var inPerson = IcsReader.Parse(await client.GetStringAsync($"/groups/{InPersonGroup}/calendar.ics", Cancel));
            var video = IcsReader.Parse(await client.GetStringAsync($"/groups/{VideoGroup}/calendar.ics", Cancel));
            var inPersonText = string.Join("\n", inPerson.Components("VEVENT").SelectMany(e => e.Properties).Select(p => p.Text));
            var videoText = string.Join("\n", video.Components("VEVENT").SelectMany(e => e.Properties).Select(p => p.Text));

            Assert.Equal("Chicago, IL", inPerson.Components("VEVENT").Single().Property("LOCATION")!.Text);
            Assert.DoesNotContain("251 E Huron", inPersonText, StringComparison.Ordinal);
            Assert.DoesNotContain("Northwestern Community Room", inPersonText, StringComparison.Ordinal);
            Assert.Equal("Video meeting", video.Components("VEVENT").Single().Property("LOCATION")!.Text);
            Assert.DoesNotContain("meet.peercircle.example", videoText, StringComparison.Ordinal);
            Assert.Contains("shared only with members of the group", videoText, StringComparison.Ordinal);
        }

        var memberInPerson = IcsReader.Parse(await member.GetStringAsync($"/groups/{InPersonGroup}/calendar.ics", Cancel));
        var memberVideo = IcsReader.Parse(await member.GetStringAsync($"/groups/{VideoGroup}/calendar.ics", Cancel));
        Assert.Equal("Northwestern Community Room, 251 E Huron St, Chicago, IL, 60611",
            memberInPerson.Components("VEVENT").Single().Property("LOCATION")!.Text);
        Assert.Equal("https://meet.peercircle.example/caregivers-evening-circle",
            memberVideo.Components("VEVENT").Single().Property("LOCATION")!.Text);
    }

    [Theory, AllProviders]
    public async Task GroupsAreFoundByIdToo_AndUnknownGroupsAreNotFound(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var visitor = app.CreateClientWithCookies();
        var group = await GroupAsync(app, InPersonGroup);

        using var byId = await visitor.GetAsync($"/groups/{group.Id}/calendar.ics", Cancel);
        using var unknown = await visitor.GetAsync("/groups/no-such-group/calendar.ics", Cancel);

        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory, AllProviders]
    public async Task PausedAndClosedGroups_HaveNoMeetingsInTheirCalendar_AndAClosedOneIsHiddenFromVisitors(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            await db.Groups.Where(g => g.Slug == InPersonGroup).ExecuteUpdateAsync(g => g.SetProperty(x => x.Status, GroupStatus.Paused), Cancel);
            await db.Groups.Where(g => g.Slug == VideoGroup).ExecuteUpdateAsync(g => g.SetProperty(x => x.Status, GroupStatus.Closed), Cancel);
        }
        using var visitor = app.CreateClientWithCookies();
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        var paused = IcsReader.Parse(await visitor.GetStringAsync($"/groups/{InPersonGroup}/calendar.ics", Cancel));
        using var closedForVisitor = await visitor.GetAsync($"/groups/{VideoGroup}/calendar.ics", Cancel);
        var closedForMember = IcsReader.Parse(await member.GetStringAsync($"/groups/{VideoGroup}/calendar.ics", Cancel));

        Assert.Empty(paused.Components("VEVENT"));
        Assert.Single(paused.Components("VTIMEZONE"));
        Assert.Equal(HttpStatusCode.NotFound, closedForVisitor.StatusCode);
        Assert.Empty(closedForMember.Components("VEVENT"));
    }
}
