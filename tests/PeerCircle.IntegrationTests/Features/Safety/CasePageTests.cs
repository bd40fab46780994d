using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Safety.Cases;
using static PeerCircle.IntegrationTests.Features.Safety.CaseTestKit;

namespace PeerCircle.IntegrationTests.Features.Safety;

/// <summary>The clinician's queue and case page, who may open them, encrypted notes, and closure for the facilitator.</summary>
public class CasePageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<string> TextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
    }

    private static async Task<string> SubmitAsync(HttpClient client, string path, string form, Dictionary<string, string> fields)
    {
        using var response = await PeerCircleAppFactory.SubmitFormAsync(client, path, form, fields, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory, AllProviders]
    public async Task TheClinician_SeesTheCaseInTheQueue_WorksItThrough_AndTheFacilitatorHearsOnlyThatAClinicianFollowedUp(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync("member9@demo.local", Cancel);
        var memberName = await DbAsync(app.Services, db => db.Users.Where(u => u.Id == memberId).Select(u => u.DisplayName).SingleAsync(Cancel));
        var facilitatorId = await app.UserIdAsync(PeerCircleAppFactory.FacilitatorEmail, Cancel);
        var clinicianId = await app.UserIdAsync(PeerCircleAppFactory.ClinicianEmail, Cancel);
        var caseId = await SignalAsync(app.Services, memberId, CasePriority.Urgent, SignalKind.FacilitatorConcern,
            "Concern: suicidal talk", raisedById: facilitatorId, excerpt: "said they do not want to wake up", ct: Cancel);

        using var clinician = app.CreateClientWithCookies();
        await app.SignInAsync(clinician, PeerCircleAppFactory.ClinicianEmail, totp: true, Cancel);
        var queue = await TextAsync(clinician, "/clinician/cases");
        Assert.Contains("New for you (1)", queue, StringComparison.Ordinal);
        Assert.Contains(memberName, queue, StringComparison.Ordinal);
        Assert.Contains("Urgent", queue, StringComparison.Ordinal);
        Assert.Contains("Concern: suicidal talk", queue, StringComparison.Ordinal);

        var path = $"/clinician/cases/{caseId}";
        var page = await TextAsync(clinician, path);
        Assert.Contains($"Safety case for {memberName}", page, StringComparison.Ordinal);
        Assert.Contains("said they do not want to wake up", page, StringComparison.Ordinal);
        Assert.Contains("Emergency contact", page, StringComparison.Ordinal);
        // Opening the case marks the clinician's alerts about it read.
        Assert.DoesNotContain("New for you", await TextAsync(clinician, "/clinician/cases"), StringComparison.Ordinal);
        Assert.True(await DbAsync(app.Services, db => db.AuditEvents.AnyAsync(e => e.Action == "safety.case-viewed" && e.ActorUserId == clinicianId, Cancel)));

        Assert.Contains("You have acknowledged the case.", await SubmitAsync(clinician, path, "acknowledge", []), StringComparison.Ordinal);
        Assert.Contains("Please say whether you reached the member.", await SubmitAsync(clinician, path, "contact", new() { ["Contact.Method"] = "Phone" }), StringComparison.Ordinal);
        Assert.Contains("Please choose how you tried to reach the member.", await SubmitAsync(clinician, path, "contact", new() { ["Contact.Method"] = "Pigeon", ["Contact.Reached"] = "no" }), StringComparison.Ordinal);
        Assert.Contains("The contact attempt is recorded.", await SubmitAsync(clinician, path, "contact", new() { ["Contact.Method"] = "Phone", ["Contact.Reached"] = "yes" }), StringComparison.Ordinal);

        const string note = "Spoke for twenty minutes; safety plan agreed; sister staying tonight.";
        var noted = await SubmitAsync(clinician, path, "note", new() { ["Note.Text"] = note });
        Assert.Contains(note, noted, StringComparison.Ordinal);
        var stored = await DbAsync(app.Services, db => db.ClinicalNotes.Where(n => n.CaseId == caseId).Select(n => n.ProtectedText).SingleAsync(Cancel));
        Assert.NotEqual(note, stored);
        Assert.DoesNotContain("safety plan", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await DbAsync(app.Services, db => db.AuditEvents.Select(e => e.Detail).ToListAsync(Cancel)), d => d != null && d.Contains("safety plan", StringComparison.Ordinal));

        Assert.Contains("Please choose the outcome.", await SubmitAsync(clinician, path, "resolve", new() { ["Resolve.Outcome"] = "Vanished" }), StringComparison.Ordinal);
        Assert.Contains("The case is resolved.", await SubmitAsync(clinician, path, "resolve", new() { ["Resolve.Outcome"] = "ConnectedToCounseling" }), StringComparison.Ordinal);
        var resolved = await DbAsync(app.Services, db => db.EscalationCases.Include(c => c.ContactAttempts).SingleAsync(c => c.Id == caseId, Cancel));
        Assert.Equal((CaseStatus.Resolved, CaseOutcome.ConnectedToCounseling), (resolved.Status, resolved.Outcome));
        Assert.True(Assert.Single(resolved.ContactAttempts).Reached);
        Assert.DoesNotContain(memberName, await TextAsync(clinician, "/clinician/cases"), StringComparison.Ordinal);

        // The facilitator who raised the concern sees closure and nothing clinical.
        Assert.True(await DbAsync(app.Services, db => db.SafetyAlerts.AnyAsync(a => a.CaseId == caseId && a.RecipientId == facilitatorId && a.Kind == AlertKind.FollowedUp, Cancel)));
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var home = await TextAsync(facilitator, "/facilitator");
        Assert.Contains("Concerns you raised", home, StringComparison.Ordinal);
        Assert.Contains("A clinician has followed up", home, StringComparison.Ordinal);
        Assert.DoesNotContain("counseling", home, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("safety plan", home, StringComparison.OrdinalIgnoreCase);

        // The follow-up e-mail to the facilitator says only that.
        await SweepAsync(app.Services, Cancel);
        var closure = Assert.Single(app.ReadOutbox(), m => m.To.ToString().Contains(PeerCircleAppFactory.FacilitatorEmail, StringComparison.Ordinal));
        Assert.Equal("A clinician has followed up", closure.Subject);
        Assert.DoesNotContain(memberName, closure.TextBody ?? "", StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task OnlyClinicians_CanOpenTheQueueAndACase(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);
        var caseId = await SignalAsync(app.Services, memberId, CasePriority.Priority, ct: Cancel);

        foreach (var (email, totp) in new[] { (PeerCircleAppFactory.FacilitatorEmail, true), (PeerCircleAppFactory.CoordinatorEmail, true), (PeerCircleAppFactory.MemberEmail, false) })
        {
            using var client = app.CreateClientWithCookies();
            await app.SignInAsync(client, email, totp, Cancel);
            foreach (var path in new[] { $"/clinician/cases/{caseId}", "/clinician/cases" })
            {
                using var response = await client.GetAsync(path, Cancel);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                    || response.Headers.Location?.PathOf().StartsWith("/account/access-denied", StringComparison.Ordinal) == true,
                    $"{email} got {(int)response.StatusCode} for {path}");
                Assert.DoesNotContain("Distress 8 of 10", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
            }
        }

        using var clinician = app.CreateClientWithCookies();
        await app.SignInAsync(clinician, PeerCircleAppFactory.ClinicianEmail, totp: true, Cancel);
        foreach (var missing in new[] { "/clinician/cases/999999", "/clinician/cases/abc", "/clinician/cases/-1" })
        {
            using var response = await clinician.GetAsync(missing, Cancel);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        // The live connection admits clinicians now, as well as facilitators.
        using var live = await clinician.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Theory, AllProviders]
    public async Task Coordinators_SeeOverdueCases_WithoutClinicalNotes(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync("member10@demo.local", Cancel);
        var memberName = await DbAsync(app.Services, db => db.Users.Where(u => u.Id == memberId).Select(u => u.DisplayName).SingleAsync(Cancel));
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-3));
        await using (var earlier = WithClock(app, clock))
        {
            var caseId = await SignalAsync(earlier.Services, memberId, CasePriority.Urgent, ct: Cancel);
            clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal(1, (await SweepAsync(earlier.Services, Cancel)).Escalated);
            await using var scope = earlier.Services.CreateAsyncScope();
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<CaseWork>().WriteNoteAsync(
                caseId, await app.UserIdAsync("clinician2@demo.local", Cancel), new ClinicalNoteForm { Text = "Private clinical words" }, Cancel));
        }
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var page = await TextAsync(coordinator, "/coordinator/safety");
        Assert.Contains(memberName, page, StringComparison.Ordinal);
        Assert.Contains("Overdue", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Distress 8 of 10", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Private clinical words", page, StringComparison.Ordinal);
    }
}
