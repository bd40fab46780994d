using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Supervision;

namespace PeerCircle.IntegrationTests.Features.Supervision;

/// <summary>Check-ins, "debrief now" requests, who may read a debrief, and the pause switch, through the real pages.</summary>
public class SupervisionTests(SharedApps apps)
{
    private const string CheckingIn = "facilitator3@demo.local";
    private const string DebriefOwner = "facilitator2@demo.local";
    private const string OtherFacilitator = "facilitator4@demo.local";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task CheckIn_WithOutOfRangeNumbers_SaysWhatToFixAndSavesNothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, CheckingIn, totp: true, Cancel);
        var id = await app.UserIdAsync(CheckingIn, Cancel);
        var before = await CheckInsAsync(app, id);

        using var tooMuch = await PeerCircleAppFactory.SubmitFormAsync(facilitator, "/supervision", "check-in",
            [new("CheckIn.Energy", "11"), new("CheckIn.Stress", "3")], Cancel);
        Assert.Equal(HttpStatusCode.OK, tooMuch.StatusCode);
        Assert.Contains("Please choose your energy as a whole number from 0 (empty) to 10 (full of energy).",
            PeerCircleAppFactory.VisibleTextOf(await tooMuch.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);

        using var notANumber = await PeerCircleAppFactory.SubmitFormAsync(facilitator, "/supervision", "check-in",
            [new("CheckIn.Energy", "5"), new("CheckIn.Stress", "-1"), new("CheckIn.Signs", "made-up")], Cancel);
        Assert.Equal(HttpStatusCode.OK, notANumber.StatusCode);
        Assert.Contains("Please choose your stress as a whole number from 0 (calm) to 10 (overwhelmed).",
            PeerCircleAppFactory.VisibleTextOf(await notANumber.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);

        using var unknownSign = await PeerCircleAppFactory.SubmitFormAsync(facilitator, "/supervision", "check-in",
            [new("CheckIn.Energy", "5"), new("CheckIn.Stress", "5"), new("CheckIn.Signs", "made-up")], Cancel);
        Assert.Contains("Please choose only from the signs in the list.",
            PeerCircleAppFactory.VisibleTextOf(await unknownSign.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);

        Assert.Equal(before, await CheckInsAsync(app, id));
    }

    [Theory, AllProviders]
    public async Task HardCheckIns_ShowARisingTrendAndOfferADebriefOrAPause(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, CheckingIn, totp: true, Cancel);

        foreach (var stress in new[] { "3", "5" })
        {
            using var calm = await PeerCircleAppFactory.SubmitFormAsync(facilitator, "/supervision", "check-in",
                [new("CheckIn.Energy", "6"), new("CheckIn.Stress", stress)], Cancel);
            Assert.DoesNotContain("It sounds like things are heavy right now",
                PeerCircleAppFactory.VisibleTextOf(await calm.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }
        using var hard = await PeerCircleAppFactory.SubmitFormAsync(facilitator, "/supervision", "check-in",
            [new("CheckIn.Energy", "4"), new("CheckIn.Stress", "8"), new("CheckIn.Signs", "sleep"), new("CheckIn.Signs", "numb")], Cancel);
        var page = PeerCircleAppFactory.VisibleTextOf(await hard.Content.ReadAsStringAsync(Cancel));

        Assert.Contains("Your check-in is saved.", page, StringComparison.Ordinal);
        Assert.Contains("Stress has gone up over your last 3 check-ins.", page, StringComparison.Ordinal);
        Assert.Contains("It sounds like things are heavy right now", page, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task DebriefNow_CreatesARequestedUrgentDebrief_AndEmailsCoordinatorsWithoutTheNote(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var id = await app.UserIdAsync(PeerCircleAppFactory.FacilitatorEmail, Cancel);
        const string Note = "A member in my Tuesday group told us her cancer has spread";

        using var response = await PeerCircleAppFactory.SubmitFormAsync(facilitator, "/supervision", "debrief-now",
            [new("DebriefNow.Note", Note)], Cancel);

        Assert.Contains("Your request is sent.", PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var debrief = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Debriefs.SingleAsync(d => d.FacilitatorId == id, Cancel);
            Assert.Equal(DebriefKind.Urgent, debrief.Kind);
            Assert.Equal(DebriefStatus.Requested, debrief.Status);
            Assert.Null(debrief.SupervisorId);
            Assert.Equal(Note, debrief.Request);
        }
        var mail = Assert.Single(app.ReadOutbox(), m => m.Subject == "A facilitator has asked for a debrief");
        Assert.Contains(mail.To.Mailboxes, m => m.Address == PeerCircleAppFactory.CoordinatorEmail);
        Assert.Contains($"{PeerCircleAppFactory.PublicBaseUrl}/supervision/debriefs", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Tuesday", mail.TextBody, StringComparison.Ordinal);

        // The coordinator sees it waiting and takes it.
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var debriefId = await DebriefIdAsync(app, id);
        using var taken = await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/supervision/debriefs", $"take-{debriefId}", [], Cancel);
        Assert.Contains("The request is yours.", PeerCircleAppFactory.VisibleTextOf(await taken.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal(await app.UserIdAsync(PeerCircleAppFactory.CoordinatorEmail, Cancel), await SupervisorIdAsync(app, debriefId));

        // After talking, the supervisor writes it up, which marks it held; the facilitator can read the notes.
        using var written = await PeerCircleAppFactory.SubmitFormAsync(coordinator, $"/supervision/debriefs/{debriefId}", "notes",
            [new("WriteUpPost.Notes", "We talked for 40 minutes. Check in again on Friday.")], Cancel);
        Assert.Contains("The debrief notes are saved.", PeerCircleAppFactory.VisibleTextOf(await written.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        var seenByFacilitator = PeerCircleAppFactory.VisibleTextOf(await facilitator.GetStringAsync($"/supervision/debriefs/{debriefId}", Cancel));
        Assert.Contains("We talked for 40 minutes.", seenByFacilitator, StringComparison.Ordinal);
        Assert.Contains("Held", seenByFacilitator, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task WeeklyDebrief_IsReadableByItsFacilitatorAndCoordinators_ButNotByAnotherFacilitator(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var ownerId = await app.UserIdAsync(DebriefOwner, Cancel);
        var notes = $"Talked through a hard session; plan to rest this weekend ({Guid.NewGuid():N}).";

        using (var saved = await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/supervision/debriefs", "weekly",
            [new("Weekly.FacilitatorId", ownerId), new("Weekly.HeldOn", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("Weekly.Notes", notes)], Cancel))
        {
            Assert.Contains("The debrief is saved.", PeerCircleAppFactory.VisibleTextOf(await saved.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }
        var debriefId = await DebriefIdAsync(app, ownerId);
        var path = $"/supervision/debriefs/{debriefId}";

        Assert.Contains(notes, PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync(path, Cancel)), StringComparison.Ordinal);

        using var owner = app.CreateClientWithCookies();
        await app.SignInAsync(owner, DebriefOwner, totp: true, Cancel);
        Assert.Contains(path, await owner.GetStringAsync("/supervision", Cancel), StringComparison.Ordinal);
        Assert.Contains(notes, PeerCircleAppFactory.VisibleTextOf(await owner.GetStringAsync(path, Cancel)), StringComparison.Ordinal);

        using var other = app.CreateClientWithCookies();
        await app.SignInAsync(other, OtherFacilitator, totp: true, Cancel);
        Assert.DoesNotContain(path, await other.GetStringAsync("/supervision", Cancel), StringComparison.Ordinal);
        using var refused = await other.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain(notes, await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var reads = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().AuditEvents
            .CountAsync(e => e.Action == "supervision.debrief-viewed" && e.RecordId == debriefId.ToString(System.Globalization.CultureInfo.InvariantCulture), Cancel);
        Assert.Equal(2, reads);
    }

    [Theory, AllProviders]
    public async Task PausedFacilitator_ShowsAsPausedOnTheCohortPage_UntilTheyResume(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, CheckingIn, totp: true, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);

        using (var paused = await PeerCircleAppFactory.SubmitFormAsync(facilitator, "/supervision", "pause", [new("Pause.Reason", "Family time")], Cancel))
        {
            Assert.Contains("Your facilitation is paused.", PeerCircleAppFactory.VisibleTextOf(await paused.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }
        var name = await FullNameAsync(app, CheckingIn);
        Assert.Matches($"{name} .*Paused since ", PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/academy", Cancel)));

        using (var resumed = await PeerCircleAppFactory.SubmitFormAsync(facilitator, "/supervision", "resume", [], Cancel))
        {
            Assert.Contains("Welcome back.", PeerCircleAppFactory.VisibleTextOf(await resumed.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }
        var cohort = await coordinator.GetStringAsync("/coordinator/academy", Cancel);
        Assert.DoesNotContain("Paused since", cohort, StringComparison.Ordinal);
    }

    private static async Task<int> CheckInsAsync(PeerCircleAppFactory app, string facilitatorId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().WellbeingCheckIns.CountAsync(c => c.FacilitatorId == facilitatorId, Cancel);
    }

    private static async Task<long> DebriefIdAsync(PeerCircleAppFactory app, string facilitatorId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Debriefs
            .Where(d => d.FacilitatorId == facilitatorId).OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync(Cancel);
    }

    private static async Task<string?> SupervisorIdAsync(PeerCircleAppFactory app, long debriefId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Debriefs
            .Where(d => d.Id == debriefId).Select(d => d.SupervisorId).SingleAsync(Cancel);
    }

    private static async Task<string> FullNameAsync(PeerCircleAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Users.Where(u => u.Email == email).Select(u => u.FullName).SingleAsync(Cancel);
    }
}
