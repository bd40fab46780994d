using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Safety.Cases;
using PeerCircle.Web.Infrastructure.Email;
using static PeerCircle.IntegrationTests.Features.Safety.CaseTestKit;

namespace PeerCircle.IntegrationTests.Features.Safety;

/// <summary>A signal becomes a case a clinician must follow up: saved with the caller's change, folded, routed, chased.</summary>
public class SafetyNetTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task StagingASignal_WritesNothingUntilTheCallerSaves_ThenSignalCaseAndAlertsTogether(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync("member3@demo.local", Cancel);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SafetyNet>().StageAsync(
                new SignalRequest(memberId, SignalKind.SafetyQuestion, CasePriority.Urgent, "check-in", "9", "Answered yes to the safety question"), Cancel);
            // The caller never saves (its own change failed): nothing about the signal is written.
        }
        Assert.False(await DbAsync(app.Services, db => db.SafetySignals.AnyAsync(s => s.MemberId == memberId, Cancel)));
        Assert.False(await DbAsync(app.Services, db => db.EscalationCases.AnyAsync(c => c.MemberId == memberId, Cancel)));

        var before = DateTime.UtcNow;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var member = await db.Users.SingleAsync(u => u.Id == memberId, Cancel);
            member.FullName = "Changed in the same save";
            await scope.ServiceProvider.GetRequiredService<SafetyNet>().StageAsync(
                new SignalRequest(memberId, SignalKind.SafetyQuestion, CasePriority.Urgent, "check-in", "9", "Answered yes to the safety question"), Cancel);
            await db.SaveChangesAsync(Cancel);
        }

        var saved = await DbAsync(app.Services, db => db.EscalationCases.Include(c => c.Signals).SingleAsync(c => c.MemberId == memberId, Cancel));
        Assert.Equal(CasePriority.Urgent, saved.Priority);
        Assert.Equal(CaseStatus.Open, saved.Status);
        Assert.InRange(saved.DueAtUtc - saved.OpenedAtUtc, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        Assert.True(saved.OpenedAtUtc >= before.AddSeconds(-5));
        Assert.Equal("Answered yes to the safety question", Assert.Single(saved.Signals).Explanation);
        Assert.Equal("Changed in the same save", await DbAsync(app.Services, db => db.Users.Where(u => u.Id == memberId).Select(u => u.FullName).SingleAsync(Cancel)));
        // No one is on call in the demo, so every clinician is alerted; nothing is e-mailed until the sweep runs.
        var alerts = await DbAsync(app.Services, db => db.SafetyAlerts.Where(a => a.CaseId == saved.Id).ToListAsync(Cancel));
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(AlertKind.NewCase, a.Kind));
        Assert.Null(saved.AssignedClinicianId);
        var audit = await DbAsync(app.Services, db => db.AuditEvents.Where(e => e.Action == "safety.case-opened" && e.RecordId == memberId).ToListAsync(Cancel));
        Assert.DoesNotContain("safety question", Assert.Single(audit).Detail ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Theory, AllProviders]
    public async Task ASecondSignal_FoldsIntoTheOpenCase_AndRaisesItsPriorityButNeverLowersIt(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync("member4@demo.local", Cancel);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero)); // a Wednesday, 10:00 in New York
        await using var at = WithClock(app, clock);

        var first = await SignalAsync(at.Services, memberId, CasePriority.Routine, ct: Cancel);
        var routine = await DbAsync(at.Services, db => db.EscalationCases.SingleAsync(c => c.Id == first, Cancel));
        Assert.Equal(new DateTime(2026, 12, 7, 15, 0, 0, DateTimeKind.Utc), routine.DueAtUtc); // three business days: Thu, Fri, Mon

        clock.Advance(TimeSpan.FromMinutes(10));
        var second = await SignalAsync(at.Services, memberId, CasePriority.Urgent, SignalKind.RiskLanguage, "Matched: self-harm", ct: Cancel);
        Assert.Equal(first, second);
        var raised = await DbAsync(at.Services, db => db.EscalationCases.Include(c => c.Signals).SingleAsync(c => c.Id == first, Cancel));
        Assert.Equal(CasePriority.Urgent, raised.Priority);
        Assert.Equal(new DateTime(2026, 12, 2, 16, 10, 0, DateTimeKind.Utc), raised.DueAtUtc);
        Assert.Equal(2, raised.Signals.Count);
        Assert.Equal(4, await DbAsync(at.Services, db => db.SafetyAlerts.CountAsync(a => a.CaseId == first && a.Kind == AlertKind.NewCase, Cancel)));

        clock.Advance(TimeSpan.FromMinutes(5));
        await SignalAsync(at.Services, memberId, CasePriority.Routine, ct: Cancel);
        var kept = await DbAsync(at.Services, db => db.EscalationCases.Include(c => c.Signals).SingleAsync(c => c.Id == first, Cancel));
        Assert.Equal(CasePriority.Urgent, kept.Priority);
        Assert.Equal(raised.DueAtUtc, kept.DueAtUtc);
        Assert.Equal(3, kept.Signals.Count);
        Assert.Equal(4, await DbAsync(at.Services, db => db.SafetyAlerts.CountAsync(a => a.CaseId == first, Cancel)));
        Assert.Equal(1, await DbAsync(at.Services, db => db.EscalationCases.CountAsync(c => c.MemberId == memberId, Cancel)));
    }

    [Theory, AllProviders]
    public async Task ANewCase_GoesToTheClinicianOnCall_OrToEveryClinicianWhenNobodyIs(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var onCall = await app.UserIdAsync("clinician2@demo.local", Cancel);
        var other = await app.UserIdAsync(PeerCircleAppFactory.ClinicianEmail, Cancel);
        var coordinator = await app.UserIdAsync(PeerCircleAppFactory.CoordinatorEmail, Cancel);
        await DbAsync(app.Services, async db =>
        {
            db.OnCallShifts.Add(new OnCallShift { ClinicianId = onCall, StartsAtUtc = DateTime.UtcNow.AddHours(-1), EndsAtUtc = DateTime.UtcNow.AddHours(8), CreatedById = coordinator, CreatedAtUtc = DateTime.UtcNow });
            // A shift that is over does not count.
            db.OnCallShifts.Add(new OnCallShift { ClinicianId = other, StartsAtUtc = DateTime.UtcNow.AddHours(-9), EndsAtUtc = DateTime.UtcNow.AddHours(-1), CreatedById = coordinator, CreatedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync(Cancel);
        });

        var caseId = await SignalAsync(app.Services, await app.UserIdAsync("member5@demo.local", Cancel), CasePriority.Priority, ct: Cancel);
        var routed = await DbAsync(app.Services, db => db.EscalationCases.SingleAsync(c => c.Id == caseId, Cancel));
        Assert.Equal(onCall, routed.AssignedClinicianId);
        Assert.Equal([onCall], await DbAsync(app.Services, db => db.SafetyAlerts.Where(a => a.CaseId == caseId).Select(a => a.RecipientId).ToListAsync(Cancel)));

        await DbAsync(app.Services, db => db.OnCallShifts.ExecuteDeleteAsync(Cancel));
        var unrouted = await SignalAsync(app.Services, await app.UserIdAsync("member6@demo.local", Cancel), CasePriority.Priority, ct: Cancel);
        var everyone = await DbAsync(app.Services, db => db.SafetyAlerts.Where(a => a.CaseId == unrouted).Select(a => a.RecipientId).OrderBy(id => id).ToListAsync(Cancel));
        Assert.Equal(new[] { onCall, other }.Order(StringComparer.Ordinal), everyone.Order(StringComparer.Ordinal));
    }

    [Theory, AllProviders]
    public async Task AnUnacknowledgedCase_PastItsDueTime_AlertsAgainOncePerInterval_AndGoesToTheCoordinators(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync("member7@demo.local", Cancel);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var at = WithClock(app, clock);
        var caseId = await SignalAsync(at.Services, memberId, CasePriority.Urgent, ct: Cancel);

        var first = await SweepAsync(at.Services, Cancel);
        Assert.Equal((0, 0, 2), (first.Overdue, first.Escalated, first.Sent));
        var mail = app.ReadOutbox();
        Assert.Equal(2, mail.Count);
        Assert.All(mail, m =>
        {
            Assert.Contains($"/clinician/cases/{caseId}", m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Distress", m.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Nadia", m.TextBody, StringComparison.Ordinal);
            Assert.Single(m.To);
        });

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal((0, 0), ((await SweepAsync(at.Services, Cancel)).Overdue, (await SweepAsync(at.Services, Cancel)).Escalated));

        clock.Advance(TimeSpan.FromMinutes(2));
        var late = await SweepAsync(at.Services, Cancel);
        Assert.Equal((1, 1), (late.Overdue, late.Escalated));
        var escalated = await DbAsync(at.Services, db => db.EscalationCases.SingleAsync(c => c.Id == caseId, Cancel));
        Assert.NotNull(escalated.EscalatedAtUtc);
        Assert.Equal(2, await DbAsync(at.Services, db => db.SafetyAlerts.CountAsync(a => a.CaseId == caseId && a.Kind == AlertKind.Overdue, Cancel)));
        var coordinator = await app.UserIdAsync(PeerCircleAppFactory.CoordinatorEmail, Cancel);
        Assert.True(await DbAsync(at.Services, db => db.SafetyAlerts.AnyAsync(a => a.CaseId == caseId && a.Kind == AlertKind.EscalatedToCoordinator && a.RecipientId == coordinator, Cancel)));
        Assert.Contains(app.ReadOutbox(), m => m.To.ToString().Contains("coordinator@demo.local", StringComparison.Ordinal) && (m.TextBody ?? "").Contains("/coordinator/safety", StringComparison.Ordinal));
        // In the app too: the coordinator's home page says a case is waiting, until a clinician picks it up.
        using var coordinatorClient = app.CreateClientWithCookies();
        await app.SignInAsync(coordinatorClient, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        Assert.Contains("1 safety case is past its due time and no clinician has picked it up.",
            PeerCircleAppFactory.VisibleTextOf(await coordinatorClient.GetStringAsync("/coordinator", Cancel)), StringComparison.Ordinal);

        // Within the next interval nothing more; after it, the clinicians once more but the coordinators not again.
        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, (await SweepAsync(at.Services, Cancel)).Overdue);
        clock.Advance(TimeSpan.FromMinutes(31));
        var again = await SweepAsync(at.Services, Cancel);
        Assert.Equal((1, 0), (again.Overdue, again.Escalated));
        Assert.Equal(4, await DbAsync(at.Services, db => db.SafetyAlerts.CountAsync(a => a.CaseId == caseId && a.Kind == AlertKind.Overdue, Cancel)));
    }

    [Theory, AllProviders]
    public async Task AFailedAlertEmail_IsKeptWithItsError_AndTriedAgainAfterABackoff(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var at = WithClock(app, clock);
        // The derived app's mail server is unreachable (nothing listens on port 1) until the test fixes it.
        var smtp = at.Services.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp;
        smtp.Host = "127.0.0.1";
        smtp.Port = 1;
        smtp.UseStartTls = false;
        var caseId = await SignalAsync(at.Services, await app.UserIdAsync("member8@demo.local", Cancel), CasePriority.Priority, ct: Cancel);

        var failed = await SweepAsync(at.Services, Cancel);
        Assert.Equal((0, 2), (failed.Sent, failed.Failed));
        var alerts = await DbAsync(at.Services, db => db.SafetyAlerts.Where(a => a.CaseId == caseId).ToListAsync(Cancel));
        Assert.All(alerts, a => { Assert.Null(a.EmailSentAtUtc); Assert.Equal(1, a.EmailAttempts); Assert.False(string.IsNullOrEmpty(a.LastError)); });

        smtp.Host = "";
        // Not retried at once: the first retry waits a minute.
        Assert.Equal(0, (await SweepAsync(at.Services, Cancel)).Sent);
        clock.Advance(TimeSpan.FromMinutes(1));
        var retried = await SweepAsync(at.Services, Cancel);
        Assert.Equal((2, 0), (retried.Sent, retried.Failed));
        alerts = await DbAsync(at.Services, db => db.SafetyAlerts.Where(a => a.CaseId == caseId).ToListAsync(Cancel));
        Assert.All(alerts, a => { Assert.NotNull(a.EmailSentAtUtc); Assert.Equal(2, a.EmailAttempts); Assert.Null(a.LastError); });
        Assert.Equal(2, app.ReadOutbox().Count);
    }
}
