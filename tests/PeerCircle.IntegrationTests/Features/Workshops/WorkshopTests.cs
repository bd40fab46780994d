using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PeerCircle.Data;
using PeerCircle.Data.Training;

namespace PeerCircle.IntegrationTests.Features.Workshops;

/// <summary>Coordinators schedule cohort workshops, invite facilitators, record who came and sign off role plays there.</summary>
public class WorkshopTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Aisha Rahman is part-way through training; Dana Okafor is certified.
    private const string Learner = "facilitator5@demo.local";

    private static string NextMonth => DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> ScheduleAsync(HttpClient coordinator, string title, string date, params string[] invitees) =>
        await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/coordinator/workshops", "schedule-workshop",
        [
            new("Workshop.Title", title),
            new("Workshop.Agenda", "Role plays on a member in crisis and on unsound medical advice."),
            new("Workshop.Date", date),
            new("Workshop.StartTime", "10:00"),
            new("Workshop.Minutes", "120"),
            new("Workshop.TimeZoneId", "America/Chicago"),
            new("Workshop.Location", "Gilda's Club Chicago, 537 N Wells St"),
            .. invitees.Select(id => new KeyValuePair<string, string>("Workshop.Invitees", id)),
        ], Cancel);

    private static async Task<T> WithDbAsync<T>(PeerCircleAppFactory app, Func<PeerCircleDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }

    [Theory, AllProviders]
    public async Task Scheduling_InvitesEachFacilitatorWithACalendarFile_AndTheyFindItInTheAcademy(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var learnerId = await app.UserIdAsync(Learner, Cancel);

        using var response = await ScheduleAsync(coordinator, "Role plays: hard moments", NextMonth, learnerId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync(response.Headers.Location!.PathOf(), Cancel));
        Assert.Contains("The workshop is scheduled.", page, StringComparison.Ordinal);
        Assert.Contains("at 10:00 AM (Central time)", page, StringComparison.Ordinal);

        var invitation = Assert.Single(app.ReadOutbox(), m => m.Subject == "Training workshop: Role plays: hard moments");
        Assert.Equal(Learner, invitation.To.Mailboxes.Single().Address);
        Assert.Contains("at 10:00 AM (Central time), for 120 minutes", invitation.TextBody, StringComparison.Ordinal);
        var attachment = Assert.Single(invitation.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        using var ics = new MemoryStream();
        await attachment.Content!.DecodeToAsync(ics, Cancel);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(ics.ToArray()))!;
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal("America/Chicago", meeting.DtStart!.TzId);
        Assert.Equal(10, meeting.DtStart.Hour);
        Assert.Equal("Gilda's Club Chicago, 537 N Wells St", meeting.Location);

        using var learner = app.CreateClientWithCookies();
        await app.SignInAsync(learner, Learner, totp: true, Cancel);
        var academy = PeerCircleAppFactory.VisibleTextOf(await learner.GetStringAsync("/academy", Cancel));
        Assert.Contains("Role plays: hard moments", academy, StringComparison.Ordinal);
        var id = response.Headers.Location!.PathOf().Split('?')[0].Split('/')[^1];
        using var own = await learner.GetAsync($"/workshops/{id}/calendar.ics", Cancel);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("text/calendar", own.Content.Headers.ContentType!.MediaType);

        using var other = app.CreateClientWithCookies();
        await app.SignInAsync(other, "facilitator2@demo.local", totp: true, Cancel);
        using var notInvited = await other.GetAsync($"/workshops/{id}/calendar.ics", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, notInvited.StatusCode);
    }

    [Theory, AllProviders]
    public async Task AWorkshopFormWithMistakes_SaysWhatToFix_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var memberId = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);

        using var past = await ScheduleAsync(coordinator, "", "2020-01-01");
        using var member = await ScheduleAsync(coordinator, "Role plays", "31/12/2030", memberId);

        var first = PeerCircleAppFactory.VisibleTextOf(await past.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Please give the workshop a name", first, StringComparison.Ordinal);
        Assert.Contains("That time has already passed.", first, StringComparison.Ordinal);
        Assert.Contains("Please invite at least one facilitator.", first, StringComparison.Ordinal);
        var second = PeerCircleAppFactory.VisibleTextOf(await member.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Please enter the date as year-month-day", second, StringComparison.Ordinal);
        Assert.Contains("Only facilitators can be invited.", second, StringComparison.Ordinal);
        Assert.Contains("Role plays on a member in crisis", second, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(app, db => db.Workshops.CountAsync(Cancel)));
    }

    [Theory, AllProviders]
    public async Task AfterTheWorkshop_TheCoordinatorRecordsWhoCame_AndSignsOffTheirRolePlays(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var learnerId = await app.UserIdAsync(Learner, Cancel);
        var absentId = await app.UserIdAsync("facilitator2@demo.local", Cancel);
        using var scheduled = await ScheduleAsync(coordinator, "Spring cohort role plays", NextMonth, learnerId, absentId);
        var path = scheduled.Headers.Location!.PathOf().Split('?')[0];
        var id = long.Parse(path.Split('/')[^1], CultureInfo.InvariantCulture);
        var early = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync(path, Cancel));
        Assert.Contains("You can record who came once the workshop has started.", early, StringComparison.Ordinal);

        // A month passes: the workshop has happened.
        await WithDbAsync(app, async db =>
            await db.Workshops.Where(w => w.Id == id).ExecuteUpdateAsync(w => w.SetProperty(x => x.StartsAtUtc, DateTime.UtcNow.AddHours(-3)), Cancel));
        var seats = await WithDbAsync(app, db => db.WorkshopSeats.Where(s => s.WorkshopId == id).ToListAsync(Cancel));
        using var attendance = await PeerCircleAppFactory.SubmitFormAsync(coordinator, path, "attendance",
            seats.Select(s => new KeyValuePair<string, string>($"Attendance.Seats[{s.Id}]", s.FacilitatorId == learnerId ? "Present" : "Excused")), Cancel);
        Assert.Contains("Attendance saved for 2 people.", PeerCircleAppFactory.VisibleTextOf(await attendance.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);

        using var absentSignOff = await PeerCircleAppFactory.SubmitFormAsync(coordinator, path, "workshop-role-play",
            [new("RolePlay.FacilitatorId", absentId), new("RolePlay.Scenario", "A disclosure of suicidal thoughts")], Cancel);
        Assert.Contains("Please choose someone who was present.", PeerCircleAppFactory.VisibleTextOf(await absentSignOff.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        using var signOff = await PeerCircleAppFactory.SubmitFormAsync(coordinator, path, "workshop-role-play",
            [new("RolePlay.FacilitatorId", learnerId), new("RolePlay.Scenario", "A disclosure of suicidal thoughts"), new("RolePlay.Notes", "Calm, asked directly, stayed with the member.")], Cancel);
        var page = PeerCircleAppFactory.VisibleTextOf(await signOff.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Role-play signed off.", page, StringComparison.Ordinal);
        Assert.Contains("Aisha Rahman: A disclosure of suicidal thoughts (Calm, asked directly, stayed with the member.)", page, StringComparison.Ordinal);

        var rolePlay = await WithDbAsync(app, db => db.RolePlaySignOffs.SingleAsync(r => r.FacilitatorId == learnerId, Cancel));
        Assert.Equal(id, rolePlay.WorkshopId);
        var excused = await WithDbAsync(app, db => db.WorkshopSeats.SingleAsync(s => s.WorkshopId == id && s.FacilitatorId == absentId, Cancel));
        Assert.Equal(WorkshopAttendance.Excused, excused.Attendance);
        var cohort = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/academy", Cancel));
        Assert.Matches("Aisha Rahman In training .*? 1 ", cohort);
    }

    [Theory, AllProviders]
    public async Task CancellingAWorkshop_TellsEveryoneInvited_WithACancelledCalendarEvent(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var learnerId = await app.UserIdAsync(Learner, Cancel);
        using var scheduled = await ScheduleAsync(coordinator, "Evening role plays", NextMonth, learnerId);
        var path = scheduled.Headers.Location!.PathOf().Split('?')[0];

        using var cancelled = await PeerCircleAppFactory.SubmitFormAsync(coordinator, path, "cancel-workshop", [], Cancel);

        Assert.Contains("The workshop is cancelled and everyone invited has been told.", PeerCircleAppFactory.VisibleTextOf(await cancelled.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        var notice = Assert.Single(app.ReadOutbox(), m => m.Subject == "Cancelled: Evening role plays");
        var part = Assert.Single(notice.Attachments.OfType<MimePart>());
        using var ics = new MemoryStream();
        await part.Content!.DecodeToAsync(ics, Cancel);
        var meeting = Assert.Single(Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(ics.ToArray()))!.Events);
        Assert.Equal("CANCELLED", meeting.Status);
        using var learner = app.CreateClientWithCookies();
        await app.SignInAsync(learner, Learner, totp: true, Cancel);
        Assert.DoesNotContain("Evening role plays", PeerCircleAppFactory.VisibleTextOf(await learner.GetStringAsync("/academy", Cancel)), StringComparison.Ordinal);
    }
}
