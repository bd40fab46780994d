using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Web.Features.Calendars;

namespace PeerCircle.IntegrationTests.Features.Meetings;

/// <summary>Members check in before a meeting; the group's facilitators see it on the meeting's plan.</summary>
public class CheckInTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Slug = "breast-cancer-survivors-circle";

    [Theory, AllProviders]
    public async Task AMember_ChecksInTheDayBefore_AndTheFacilitatorSeesItOnThePlan(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        DateTime next;
        Guid groupId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var group = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Groups.AsNoTracking().SingleAsync(g => g.Slug == Slug, Cancel);
            groupId = group.Id;
            next = (await scope.ServiceProvider.GetRequiredService<GroupCalendar>().NextMeetingsAsync(group, 1, Cancel))[0];
        }
        // Two hours before the next meeting, check-in is open.
        var clock = new FakeTimeProvider(new DateTimeOffset(next.AddHours(-2), TimeSpan.Zero));
        await using var soon = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var member = soon.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        using var missing = await PeerCircleAppFactory.SubmitFormAsync(member, $"/me/groups/{Slug}/check-in", "check-in", [new("CheckIn.Note", "Rough week.")], Cancel);
        var missingPage = PeerCircleAppFactory.VisibleTextOf(await missing.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Please choose a number from 0 to 10", missingPage, StringComparison.Ordinal);
        Assert.Contains("Rough week.", await missing.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var saved = await PeerCircleAppFactory.SubmitFormAsync(member, $"/me/groups/{Slug}/check-in", "check-in",
            [new("CheckIn.Distress", "8"), new("CheckIn.FeelingWord", "tired"), new("CheckIn.Note", "Scan on Friday and I can't sleep.")], Cancel);

        var page = PeerCircleAppFactory.VisibleTextOf(await saved.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Thank you for checking in.", page, StringComparison.Ordinal);
        Assert.Contains("Get help now", page, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var checkIn = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().MeetingCheckIns.SingleAsync(c => c.GroupId == groupId, Cancel);
            Assert.Equal(8, checkIn.Distress);
            Assert.Equal("Scan on Friday and I can't sleep.", checkIn.NoteForFacilitator);
            Assert.Equal(next, checkIn.OccurrenceStartUtc);
        }

        using var lead = soon.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var plan = PeerCircleAppFactory.VisibleTextOf(await lead.GetStringAsync($"/facilitator/groups/{groupId}/plan/{ChangeMeeting.OccurrenceKey(next)}", Cancel));
        Assert.Contains("Maria G. 8 check in with them first tired Scan on Friday and I can't sleep.", plan, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task OnlyTheGroupsAcceptedMembers_CanCheckIn(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var stranger = app.CreateClientWithCookies();
        await app.SignInAsync(stranger, "member4@demo.local", totp: false, Cancel);

        using var response = await stranger.GetAsync($"/me/groups/{Slug}/check-in", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
