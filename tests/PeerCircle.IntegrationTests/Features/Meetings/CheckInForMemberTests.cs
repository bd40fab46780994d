using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Web.Features.Calendars;

namespace PeerCircle.IntegrationTests.Features.Meetings;

/// <summary>A facilitator records a check-in on the plan for a member who has no phone or checks in on arrival.</summary>
public class CheckInForMemberTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Dana O. (facilitator@) leads the Breast Cancer Survivors Circle; Maria G. (member@) and Barbara A. (member11@) are members.
    private const string Slug = "breast-cancer-survivors-circle";

    private static async Task<(Guid GroupId, DateTime Next)> NextMeetingAsync(PeerCircleAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var group = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Groups.AsNoTracking().SingleAsync(g => g.Slug == Slug, Cancel);
        return (group.Id, (await scope.ServiceProvider.GetRequiredService<GroupCalendar>().NextMeetingsAsync(group, 1, Cancel))[0]);
    }

    private static List<KeyValuePair<string, string>> CheckIn(string memberId, string distress, string feeling = "", string note = "") =>
        [new("ForMember.MemberId", memberId), new("ForMember.Distress", distress), new("ForMember.FeelingWord", feeling), new("ForMember.Note", note)];

    [Theory, AllProviders]
    public async Task AFacilitatorRecordsAMembersCheckIn_AndThePlanShowsWhoRecordedIt(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var (groupId, next) = await NextMeetingAsync(app);
        // Twenty minutes before the meeting, as people arrive.
        var clock = new FakeTimeProvider(new DateTimeOffset(next.AddMinutes(-20), TimeSpan.Zero));
        await using var arriving = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var lead = arriving.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        using var maria = arriving.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await app.SignInAsync(maria, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        var path = $"/facilitator/groups/{groupId}/plan/{ChangeMeeting.OccurrenceKey(next)}";
        var mariaId = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);
        var barbaraId = await app.UserIdAsync("member11@demo.local", Cancel);
        var strangerId = await app.UserIdAsync("member4@demo.local", Cancel);
        var danaId = await app.UserIdAsync(PeerCircleAppFactory.FacilitatorEmail, Cancel);

        using var noScore = await PeerCircleAppFactory.SubmitFormAsync(lead, path, "check-in-for-member", CheckIn(barbaraId, ""), Cancel);
        using var stranger = await PeerCircleAppFactory.SubmitFormAsync(lead, path, "check-in-for-member", CheckIn(strangerId, "3"), Cancel);
        Assert.Contains("Please choose a number from 0 to 10 for how they are doing this week.", PeerCircleAppFactory.VisibleTextOf(await noScore.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Contains("Please choose a member of the group.", PeerCircleAppFactory.VisibleTextOf(await stranger.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Contains("Please choose a member of the group.", PeerCircleAppFactory.VisibleTextOf(await stranger.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);

        using var recorded = await PeerCircleAppFactory.SubmitFormAsync(lead, path, "check-in-for-member", CheckIn(barbaraId, "6", "nervous", "Came by bus; no phone."), Cancel);

        var page = PeerCircleAppFactory.VisibleTextOf(await recorded.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("The check-in for", page, StringComparison.Ordinal);
        Assert.Contains("6 nervous Came by bus; no phone. Recorded by Dana O.", page, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var checkIn = await db.MeetingCheckIns.SingleAsync(c => c.UserId == barbaraId, Cancel);
            Assert.Equal(6, checkIn.Distress);
            Assert.Equal(danaId, checkIn.RecordedById);
            Assert.Equal(next, checkIn.OccurrenceStartUtc);
            var audit = await db.AuditEvents.SingleAsync(a => a.Action == "meetings.check-in-recorded" && a.RecordId == barbaraId, Cancel);
            Assert.Equal("Member", audit.RecordType);
            Assert.Equal(danaId, audit.ActorUserId);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "group.roster-viewed" && a.RecordId == groupId.ToString() && a.Detail!.Contains("to record a check-in"), Cancel));
        }

        // A check-in the member sent themself is theirs: the facilitator cannot write over it.
        using (await PeerCircleAppFactory.SubmitFormAsync(maria, $"/me/groups/{Slug}/check-in", "check-in", [new("CheckIn.Distress", "2")], Cancel))
        {
        }
        using var over = await PeerCircleAppFactory.SubmitFormAsync(lead, path, "check-in-for-member", CheckIn(mariaId, "9"), Cancel);
        Assert.Contains("has already checked in themself", PeerCircleAppFactory.VisibleTextOf(await over.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mine = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().MeetingCheckIns.SingleAsync(c => c.UserId == mariaId, Cancel);
            Assert.Equal(2, mine.Distress);
            Assert.Equal(mariaId, mine.RecordedById);
        }
    }

    [Theory, AllProviders]
    public async Task BeforeCheckInsOpen_TheFacilitatorCannotRecordOne(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var (groupId, next) = await NextMeetingAsync(app);
        // Two days before the meeting the check-in window (the day before until it ends) is not open yet.
        var clock = new FakeTimeProvider(new DateTimeOffset(next.AddDays(-2), TimeSpan.Zero));
        await using var early = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var lead = early.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var path = $"/facilitator/groups/{groupId}/plan/{ChangeMeeting.OccurrenceKey(next)}";
        var barbaraId = await app.UserIdAsync("member11@demo.local", Cancel);

        var page = await lead.GetStringAsync(path, Cancel);
        // A hand-made post finds no such form on the page and is turned away.
        using var posted = await lead.PostAsync(path, new FormUrlEncodedContent(
            [new("__RequestVerificationToken", PeerCircleAppFactory.AntiforgeryToken(page)), new("_handler", "check-in-for-member"), .. CheckIn(barbaraId, "4")]), Cancel);

        Assert.Contains("You can record a check-in for a member from the day before the meeting until it ends.", PeerCircleAppFactory.VisibleTextOf(page), StringComparison.Ordinal);
        Assert.DoesNotContain("ForMember.MemberId", page, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, posted.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().MeetingCheckIns.AnyAsync(Cancel));
        }
    }
}
