using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Meetings;
using PeerCircle.Web.Features.Meetings.Runner;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.IntegrationTests.Features.Meetings;

/// <summary>
/// The live meeting runner, through its real handler against a real database: who may run a meeting and when, the
/// six parts in order with the confidentiality reminder never skipped, attendance, share of the air and concerns.
/// </summary>
public class MeetingRunnerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Slug = "breast-cancer-survivors-circle";

    private sealed record Meeting(PeerCircleAppFactory App, WebApplicationFactory<Program> At, FakeTimeProvider Clock, Guid GroupId, DateTime Start) : IAsyncDisposable
    {
        public string Key => ChangeMeeting.OccurrenceKey(Start);

        public async Task<T> AsAsync<T>(string email, Func<MeetingRunner, RunnableMeeting?, string, Task<T>> act)
        {
            var userId = await App.UserIdAsync(email, Cancel);
            await using var scope = At.Services.CreateAsyncScope();
            var roles = email.StartsWith("coordinator", StringComparison.Ordinal) ? Roles.Coordinator : Roles.Facilitator;
            var person = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Name, email), new(ClaimTypes.Role, roles)], "test"));
            scope.ServiceProvider.GetRequiredService<AuditTrail>().ActAs(person);
            var runner = scope.ServiceProvider.GetRequiredService<MeetingRunner>();
            return await act(runner, await runner.FindAsync(GroupId, Key, person, Cancel), userId);
        }

        public async Task<RunnerView> ViewAsync() =>
            await AsAsync(PeerCircleAppFactory.FacilitatorEmail, (runner, meeting, _) => runner.LoadAsync(meeting!, recordRead: false, Cancel));

        public async ValueTask DisposeAsync() => await At.DisposeAsync();
    }

    /// <summary>The breast cancer group's next meeting, with the clock set <paramref name="fromStart"/> from its start.</summary>
    private static async Task<Meeting> NextMeetingAsync(PeerCircleAppFactory app, TimeSpan fromStart)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var group = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Groups.AsNoTracking().SingleAsync(g => g.Slug == Slug, Cancel);
        var start = (await scope.ServiceProvider.GetRequiredService<GroupCalendar>().NextMeetingsAsync(group, 1, Cancel))[0];
        var clock = new FakeTimeProvider(new DateTimeOffset(start + fromStart, TimeSpan.Zero));
        var at = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        return new Meeting(app, at, clock, group.Id, start);
    }

    [Theory, AllProviders]
    public async Task OnlyTheGroupsFacilitators_OpenTheRunner_AndOnlyAroundTheMeeting(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var meeting = await NextMeetingAsync(app, TimeSpan.FromHours(-2));
        var path = $"/facilitator/groups/{meeting.GroupId}/run/{meeting.Key}";
        using var lead = meeting.At.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);

        // Two hours before, the runner is not open yet; from an hour before, it is.
        using var early = await lead.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        meeting.Clock.Advance(TimeSpan.FromMinutes(100));
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel); // The idle sign-out has passed.
        var page = await lead.GetStringAsync(path, Cancel);
        Assert.Contains("Breast Cancer Survivors Circle", PeerCircleAppFactory.VisibleTextOf(page), StringComparison.Ordinal);
        Assert.Contains("_framework/blazor.web", page, StringComparison.Ordinal);

        using var other = meeting.At.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await app.SignInAsync(other, "facilitator4@demo.local", totp: true, Cancel);
        using var refused = await other.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null(await meeting.AsAsync("facilitator4@demo.local", (_, found, _) => Task.FromResult(found)));

        // The co-facilitator and coordinators may run it too.
        Assert.NotNull(await meeting.AsAsync("facilitator2@demo.local", (_, found, _) => Task.FromResult(found)));
        Assert.NotNull(await meeting.AsAsync(PeerCircleAppFactory.CoordinatorEmail, (_, found, _) => Task.FromResult(found)));
    }

    [Theory, AllProviders]
    public async Task TheLiveConnection_IsOpenOnlyToFacilitators(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var anonymous = app.CreateClientWithCookies();
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);

        using var none = await anonymous.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, Cancel);
        using var refused = await member.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, Cancel);
        using var allowed = await facilitator.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, Cancel);

        Assert.NotEqual(HttpStatusCode.OK, none.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory, AllProviders]
    public async Task AMeeting_GoesThroughTheSixParts_AndTheConfidentialityReminderIsNeverSkipped(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var meeting = await NextMeetingAsync(app, TimeSpan.FromMinutes(-5));
        var lead = PeerCircleAppFactory.FacilitatorEmail;

        Assert.Equal("Please start the meeting first.", await meeting.AsAsync(lead, (r, m, _) => r.MoveAsync(m!, 1, Cancel)));
        Assert.Null(await meeting.AsAsync(lead, (r, m, id) => r.StartAsync(m!, id, Cancel)));
        // The co-facilitator pressing start as well changes nothing.
        Assert.Null(await meeting.AsAsync("facilitator2@demo.local", (r, m, id) => r.StartAsync(m!, id, Cancel)));

        for (var part = 1; part <= 4; part++)
        {
            meeting.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Null(await meeting.AsAsync(lead, (r, m, _) => r.MoveAsync(m!, 1, Cancel)));
        }
        var view = await meeting.ViewAsync();
        Assert.Equal(MeetingPhase.Confidentiality, view.Phase);
        Assert.Equal(meeting.Clock.GetUtcNow().UtcDateTime, view.Run!.PhaseStartedAtUtc);

        Assert.Equal("Please give the confidentiality reminder before moving on. It is never skipped.",
            await meeting.AsAsync(lead, (r, m, _) => r.MoveAsync(m!, 1, Cancel)));
        Assert.Null(await meeting.AsAsync(lead, (r, m, _) => r.GiveConfidentialityReminderAsync(m!, Cancel)));
        Assert.Equal("Please share the contact information and the next meeting first.", await meeting.AsAsync(lead, (r, m, _) => r.EndAsync(m!, Cancel)));
        Assert.Null(await meeting.AsAsync("facilitator2@demo.local", (r, m, _) => r.MoveAsync(m!, 1, Cancel)));
        Assert.Null(await meeting.AsAsync(lead, (r, m, _) => r.EndAsync(m!, Cancel)));

        view = await meeting.ViewAsync();
        Assert.True(view.Ended);
        Assert.Equal(MeetingPhase.Contact, view.Phase);
        Assert.NotNull(view.NextMeetingUtc);
        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.MeetingRunChanged).Select(e => e.Detail).ToListAsync(Cancel);
        Assert.Contains($"{meeting.Key}: confidentiality reminder given", audit);
        Assert.Contains($"{meeting.Key}: ended", audit);
    }

    [Theory, AllProviders]
    public async Task AMeetingRunEarly_CanBeLoggedAsSoonAsItEnds(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        // The runner opens an hour early; this meeting is run from 40 minutes before its planned time.
        await using var meeting = await NextMeetingAsync(app, TimeSpan.FromMinutes(-40));
        var lead = PeerCircleAppFactory.FacilitatorEmail;
        using var client = meeting.At.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await app.SignInAsync(client, lead, totp: true, Cancel);
        var logPath = $"/facilitator/groups/{meeting.GroupId}/log/{meeting.Key}";
        using var beforeStart = await client.GetAsync(logPath, Cancel);

        Assert.Null(await meeting.AsAsync(lead, (r, m, id) => r.StartAsync(m!, id, Cancel)));
        for (var part = 1; part <= 4; part++)
        {
            Assert.Null(await meeting.AsAsync(lead, (r, m, _) => r.MoveAsync(m!, 1, Cancel)));
        }
        Assert.Null(await meeting.AsAsync(lead, (r, m, _) => r.GiveConfidentialityReminderAsync(m!, Cancel)));
        Assert.Null(await meeting.AsAsync(lead, (r, m, _) => r.MoveAsync(m!, 1, Cancel)));
        Assert.Null(await meeting.AsAsync(lead, (r, m, _) => r.EndAsync(m!, Cancel)));
        meeting.Clock.Advance(TimeSpan.FromMinutes(30)); // Ten minutes before the planned time.

        using var afterEnd = await client.GetAsync(logPath, Cancel);
        var list = await client.GetStringAsync($"/facilitator/groups/{meeting.GroupId}/logs", Cancel);
        using var saved = await PeerCircleAppFactory.SubmitFormAsync(client, logPath, "meeting-log",
            [new("Log.Summary", "We started early for a member who had to leave. Talked about sleep after treatment."), new("Log.Feeling", "okay")], Cancel);
        var savedPage = PeerCircleAppFactory.VisibleTextOf(await saved.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.NotFound, beforeStart.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterEnd.StatusCode);
        Assert.Contains(logPath, list, StringComparison.Ordinal);
        Assert.DoesNotContain("has not started yet", savedPage, StringComparison.Ordinal);
        await using var check = meeting.At.Services.CreateAsyncScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<PeerCircleDb>().MeetingLogs
            .AnyAsync(l => l.GroupId == meeting.GroupId && l.OccurrenceStartUtc == meeting.Start, Cancel));
    }

    [Theory, AllProviders]
    public async Task Attendance_ShareOfTheAir_AndConcerns_AreKeptForTheMeeting(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var meeting = await NextMeetingAsync(app, TimeSpan.FromMinutes(-10));
        var lead = PeerCircleAppFactory.FacilitatorEmail;
        var maria = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);
        var stranger = await app.UserIdAsync("member4@demo.local", Cancel);

        var before = await meeting.ViewAsync();
        Assert.Contains(before.People, p => p.UserId == maria && p.Status is null);
        Assert.DoesNotContain(before.People, p => p.UserId == stranger);

        // Attendance can be taken as people arrive, before the meeting starts.
        Assert.Null(await meeting.AsAsync(lead, (r, m, id) => r.MarkAsync(m!, id, $"u:{maria}", "Late", null, Cancel)));
        Assert.Equal("That person is not on this meeting's list.", await meeting.AsAsync(lead, (r, m, id) => r.MarkAsync(m!, id, $"u:{stranger}", "Present", null, Cancel)));
        Assert.Equal("Please choose present, late, left early, excused or absent.", await meeting.AsAsync(lead, (r, m, id) => r.MarkAsync(m!, id, $"u:{maria}", "Maybe", null, Cancel)));
        Assert.Equal("Please type the name the person uses in the group.", await meeting.AsAsync(lead, (r, m, id) => r.AddByNameAsync(m!, id, "  ", "Phone", Cancel)));
        Assert.Null(await meeting.AsAsync(lead, (r, m, id) => r.AddByNameAsync(m!, id, "Walt on the phone", "Phone", Cancel)));
        Assert.Equal("Walt on the phone is already on the list. Mark them there, or add a last initial to tell two people apart.",
            await meeting.AsAsync(lead, (r, m, id) => r.AddByNameAsync(m!, id, "walt on the phone", "Phone", Cancel)));

        var view = await meeting.ViewAsync();
        var walt = view.People.Single(p => p.Name == "Walt on the phone");
        Assert.Equal(AttendanceStatus.Present, walt.Status);
        Assert.Equal(AttendanceVia.Phone, walt.Via);
        var mariaRow = view.People.Single(p => p.UserId == maria);
        Assert.Equal(AttendanceStatus.Late, mariaRow.Status);
        Assert.Equal(AttendanceVia.InPerson, mariaRow.Via);

        // Share of the air: Maria speaks 3 minutes, then Walt takes over for 1; Maria passes once.
        var notHere = view.People.First(p => p.Status is null);
        Assert.Equal($"Mark {notHere.Name} as here first.", await meeting.AsAsync(lead, (r, m, id) => r.SpeakAsync(m!, id, $"u:{notHere.UserId}", Cancel)));
        Assert.Null(await meeting.AsAsync(lead, (r, m, id) => r.StartAsync(m!, id, Cancel)));
        Assert.Null(await meeting.AsAsync(lead, (r, m, id) => r.SpeakAsync(m!, id, $"u:{maria}", Cancel)));
        meeting.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Null(await meeting.AsAsync("facilitator2@demo.local", (r, m, id) => r.SpeakAsync(m!, id, $"a:{walt.AttendanceId}", Cancel)));
        meeting.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await meeting.AsAsync(lead, (r, m, id) => r.SpeakAsync(m!, id, $"a:{walt.AttendanceId}", Cancel)));
        Assert.Null(await meeting.AsAsync(lead, (r, m, id) => r.PassAsync(m!, id, $"u:{maria}", Cancel)));

        view = await meeting.ViewAsync();
        Assert.Null(view.Speaker);
        mariaRow = view.People.Single(p => p.UserId == maria);
        Assert.Equal((1, 180, 1), (mariaRow.Turns, mariaRow.SpokenSeconds, mariaRow.Passes));
        walt = view.People.Single(p => p.Name == "Walt on the phone");
        Assert.Equal((1, 60, 0), (walt.Turns, walt.SpokenSeconds, walt.Passes));

        // Someone marked as left while speaking stops speaking, with their time kept.
        Assert.Null(await meeting.AsAsync(lead, (r, m, id) => r.SpeakAsync(m!, id, $"u:{maria}", Cancel)));
        meeting.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(await meeting.AsAsync(lead, (r, m, id) => r.MarkAsync(m!, id, $"u:{maria}", "LeftEarly", null, Cancel)));
        view = await meeting.ViewAsync();
        Assert.Null(view.Speaker);
        Assert.Equal(210, view.People.Single(p => p.UserId == maria).SpokenSeconds);

        // A private concern, one tap: what it is about must be chosen.
        Assert.Equal("Please choose what the concern is about.", await meeting.AsAsync(lead, (r, m, id) => r.RaiseConcernAsync(m!, id, $"u:{maria}", "", false, null, Cancel)));
        Assert.Null(await meeting.AsAsync(lead, (r, m, id) => r.RaiseConcernAsync(m!, id, $"u:{maria}", "Distress", true, "Cried about the scan results; said she is not sleeping.", Cancel)));
        view = await meeting.ViewAsync();
        Assert.Equal(1, view.People.Single(p => p.UserId == maria).Concerns);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var concern = await db.Concerns.AsNoTracking().SingleAsync(Cancel);
        Assert.Equal((maria, ConcernKind.Distress, true, meeting.Start), (concern.AboutUserId, concern.Kind, concern.Urgent, concern.OccurrenceStartUtc));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ConcernRaised && e.RecordId == maria, Cancel));
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.AttendanceRecorded && e.RecordId == maria, Cancel));
    }

    [Theory, AllProviders]
    public async Task ACheckIn_ReachesAnOpenRunnerAtOnce(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var meeting = await NextMeetingAsync(app, TimeSpan.FromMinutes(-30));
        var room = meeting.At.Services.GetRequiredService<MeetingRoom>();
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listening = room.Listen(meeting.GroupId, meeting.Start, () => { told.TrySetResult(); return Task.CompletedTask; });

        using var member = meeting.At.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var saved = await PeerCircleAppFactory.SubmitFormAsync(member, $"/me/groups/{Slug}/check-in", "check-in", [new("CheckIn.Distress", "6")], Cancel);

        await told.Task.WaitAsync(Cancel);
        var view = await meeting.ViewAsync();
        Assert.Equal(6, view.People.Single(p => p.Name == "Maria G.").Distress);
    }
}
