using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Data.Safety;

namespace PeerCircle.IntegrationTests.Features.Safety;

/// <summary>Clinicians and coordinators record confidentiality breaks; coordinators review the log; nobody else sees it.</summary>
public class ConfidentialityBreakTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string FormPath = "/safety/confidentiality-breaks/new";
    private const string LogPath = "/coordinator/confidentiality-breaks";

    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTime EasternNow => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Eastern);

    /// <summary>Noon in the program's zone, some days from today: a time that exists whatever the clocks do that night.</summary>
    private static DateTime EasternNoon(int daysFromToday) => EasternNow.Date.AddDays(daysFromToday).AddHours(12);

    private static async Task<HttpResponseMessage> RecordAsync(
        HttpClient client, string path, string exception, string email, string caseId, string what, string toWhom, DateTime localWhen) =>
        await PeerCircleAppFactory.SubmitFormAsync(client, path, "confidentiality-break",
        [
            new("Break.Exception", exception),
            new("Break.MemberEmail", email),
            new("Break.CaseId", caseId),
            new("Break.WhatWasDisclosed", what),
            new("Break.DisclosedTo", toWhom),
            new("Break.Date", localWhen.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Break.Time", localWhen.ToString("HH:mm", CultureInfo.InvariantCulture)),
        ], Cancel);

    private static async Task<T> WithDbAsync<T>(PeerCircleAppFactory app, Func<PeerCircleDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }

    [Theory, AllProviders]
    public async Task AClinicianRecordsABreak_FromACase_AndCoordinatorsReviewIt_WithEveryViewAudited(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync("member3@demo.local", Cancel);
        var clinicianId = await app.UserIdAsync(PeerCircleAppFactory.ClinicianEmail, Cancel);
        var caseId = await WithDbAsync(app, async db =>
        {
            var opened = new EscalationCase
            {
                MemberId = memberId, Priority = CasePriority.Urgent, Status = CaseStatus.Acknowledged,
                OpenedAtUtc = DateTime.UtcNow.AddHours(-3), DueAtUtc = DateTime.UtcNow.AddHours(-2), AcknowledgedAtUtc = DateTime.UtcNow.AddHours(-2.5),
            };
            db.EscalationCases.Add(opened);
            await db.SaveChangesAsync(Cancel);
            return opened.Id;
        });
        using var clinician = app.CreateClientWithCookies();
        await app.SignInAsync(clinician, PeerCircleAppFactory.ClinicianEmail, totp: true, Cancel);
        Assert.Contains(FormPath, await clinician.GetStringAsync("/clinician", Cancel), StringComparison.Ordinal);

        var when = EasternNoon(-1);
        using var saved = await RecordAsync(clinician, $"{FormPath}?case={caseId}", "RiskToSelf", "", caseId.ToString(CultureInfo.InvariantCulture),
            "Her plan and that she has her late husband's pills at home.", "Mobile crisis team, Cook County", when);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var confirmation = PeerCircleAppFactory.VisibleTextOf(await clinician.GetStringAsync(saved.Headers.Location!.PathOf(), Cancel));
        Assert.Contains("The record is saved in the confidentiality-break log.", confirmation, StringComparison.Ordinal);
        var record = await WithDbAsync(app, db => db.ConfidentialityBreaks.SingleAsync(Cancel));
        Assert.Equal(ConfidentialityException.RiskToSelf, record.Exception);
        Assert.Equal(memberId, record.MemberId);
        Assert.Equal(caseId, record.CaseId);
        Assert.Equal(clinicianId, record.RecordedById);
        Assert.Equal(when.Hour, TimeZoneInfo.ConvertTimeFromUtc(record.DisclosedAtUtc, Eastern).Hour);
        using (var clinicianLog = await clinician.GetAsync(LogPath, Cancel))
        {
            Assert.True(OnCallRosterTests.Refused(clinicianLog), $"A clinician was answered {(int)clinicianLog.StatusCode}");
        }

        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        Assert.Contains(LogPath, await coordinator.GetStringAsync("/coordinator", Cancel), StringComparison.Ordinal);
        var log = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync(LogPath, Cancel));
        Assert.Contains("Risk to self", log, StringComparison.Ordinal);
        Assert.Contains("Mobile crisis team, Cook County", log, StringComparison.Ordinal);
        Assert.Contains("Dr. Priya Natarajan, LCSW", log, StringComparison.Ordinal);
        Assert.Contains($"case {caseId}", log, StringComparison.Ordinal);

        var month = when.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var sameMonth = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync($"{LogPath}?exception=RiskToSelf&month={month}", Cancel));
        Assert.Contains("Mobile crisis team, Cook County", sameMonth, StringComparison.Ordinal);
        var otherException = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync($"{LogPath}?exception=AbuseReporting", Cancel));
        Assert.DoesNotContain("Mobile crisis team, Cook County", otherException, StringComparison.Ordinal);
        var otherMonth = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync($"{LogPath}?month=2001-01", Cancel));
        Assert.Contains("No confidentiality breaks are recorded for this choice.", otherMonth, StringComparison.Ordinal);
        using (var handEdited = await coordinator.GetAsync($"{LogPath}?exception=42&month=banana", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, handEdited.StatusCode);
            Assert.Contains("Mobile crisis team, Cook County", await handEdited.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        var detail = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync($"{LogPath}/{record.Id}", Cancel));
        Assert.Contains("Her plan and that she has her late husband's pills at home.", detail, StringComparison.Ordinal);
        Assert.Contains("member3@demo.local", detail, StringComparison.Ordinal);
        using (var missing = await coordinator.GetAsync($"{LogPath}/{record.Id + 1000}", Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        var audited = await WithDbAsync(app, db => db.AuditEvents.Where(e => e.Action.StartsWith("safety.confidentiality-break")).Select(e => e.Action).ToListAsync(Cancel));
        Assert.Equal(1, audited.Count(a => a == "safety.confidentiality-break-recorded"));
        Assert.Equal(5, audited.Count(a => a == "safety.confidentiality-breaks-viewed"));
        Assert.Equal(1, audited.Count(a => a == "safety.confidentiality-break-viewed"));
    }

    [Theory, AllProviders]
    public async Task AnIncompleteRecord_SaysWhatToFix_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);

        using var empty = await RecordAsync(coordinator, FormPath, "", "", "", "", "", EasternNoon(-1));
        var text = PeerCircleAppFactory.VisibleTextOf(await empty.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Please choose which exception to confidentiality applied.", text, StringComparison.Ordinal);
        Assert.Contains("Please say what was shared.", text, StringComparison.Ordinal);
        Assert.Contains("Please say who it was shared with", text, StringComparison.Ordinal);

        using var wrong = await RecordAsync(coordinator, FormPath, "RiskToOthers", "nobody@nowhere.example", "999999",
            new string('x', 2001), "Chicago Police Department", EasternNoon(2));
        var wrongText = PeerCircleAppFactory.VisibleTextOf(await wrong.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("We could not find anyone with that e-mail address.", wrongText, StringComparison.Ordinal);
        Assert.Contains("We could not find a case with that number.", wrongText, StringComparison.Ordinal);
        Assert.Contains("Please keep what was shared under 2,000 characters.", wrongText, StringComparison.Ordinal);
        Assert.Contains("That time is in the future. Please enter when it was shared.", wrongText, StringComparison.Ordinal);

        Assert.False(await WithDbAsync(app, db => db.ConfidentialityBreaks.AnyAsync(Cancel)));

        // A coordinator may record one too, naming the member by e-mail.
        using var saved = await RecordAsync(coordinator, FormPath, "AbuseReporting", "member4@demo.local", "",
            "That the member's mother may be neglected at home.", "Adult Protective Services", EasternNoon(-1));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var memberId = await app.UserIdAsync("member4@demo.local", Cancel);
        Assert.Equal(memberId, await WithDbAsync(app, db => db.ConfidentialityBreaks.Select(b => b.MemberId).SingleAsync(Cancel)));
    }

    [Theory, AllProviders]
    public async Task ATimeTheClocksShowTwice_IsTheOneThatHasPassed(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        // 05:40 UTC on 1 November 2026 is 01:40 daylight time: the first pass through the hour the clocks show twice.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 5, 40, 0, TimeSpan.Zero));
        await using var then = CaseTestKit.WithClock(app, clock);
        using var coordinator = then.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var half = new DateTime(2026, 11, 1, 1, 30, 0, DateTimeKind.Unspecified);

        using var first = await RecordAsync(coordinator, FormPath, "AbuseReporting", "member4@demo.local", "",
            "That the member's mother may be neglected at home.", "Adult Protective Services", half);
        // An hour later the clocks have gone back and show 01:40 again: now 01:30 means the second pass.
        clock.Advance(TimeSpan.FromHours(1));
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel); // The idle sign-out has passed.
        using var second = await RecordAsync(coordinator, FormPath, "AbuseReporting", "member5@demo.local", "",
            "That the member's father may be neglected at home.", "Adult Protective Services", half);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var times = await WithDbAsync(app, db => db.ConfidentialityBreaks.OrderBy(b => b.Id).Select(b => b.DisclosedAtUtc).ToListAsync(Cancel));
        Assert.Equal([new DateTime(2026, 11, 1, 5, 30, 0), new DateTime(2026, 11, 1, 6, 30, 0)], times);
    }

    [Theory, AllProviders]
    public async Task FacilitatorsAndMembers_CannotRecordOrReadBreaks(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync("member5@demo.local", Cancel);
        var coordinatorId = await app.UserIdAsync(PeerCircleAppFactory.CoordinatorEmail, Cancel);
        var id = await WithDbAsync(app, async db =>
        {
            var record = new ConfidentialityBreak
            {
                MemberId = memberId, Exception = ConfidentialityException.LegalRequirement, WhatWasDisclosed = "Attendance dates.",
                DisclosedTo = "County court", DisclosedAtUtc = DateTime.UtcNow.AddDays(-1), RecordedById = coordinatorId, RecordedAtUtc = DateTime.UtcNow,
            };
            db.ConfidentialityBreaks.Add(record);
            await db.SaveChangesAsync(Cancel);
            return record.Id;
        });

        foreach (var (email, totp) in new[] { (PeerCircleAppFactory.FacilitatorEmail, true), ("member5@demo.local", false) })
        {
            using var client = app.CreateClientWithCookies();
            await app.SignInAsync(client, email, totp, Cancel);
            foreach (var path in new[] { FormPath, LogPath, $"{LogPath}/{id}", "/coordinator/safety/response-times" })
            {
                using var response = await client.GetAsync(path, Cancel);
                Assert.True(OnCallRosterTests.Refused(response), $"{email} was answered {(int)response.StatusCode} for {path}");
                Assert.DoesNotContain("County court", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
            }
        }
    }
}
