using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Safety.Oversight;

namespace PeerCircle.IntegrationTests.Features.Safety;

/// <summary>Coordinators keep the on-call roster; new cases go to whoever it says is on call.</summary>
public class OnCallRosterTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Clinician = "clinician@demo.local";
    private const string ClinicianName = "Dr. Priya Natarajan, LCSW";

    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>A date in the program's time zone (Eastern), some days from today.</summary>
    private static string Day(int daysFromToday) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Eastern).Date.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> AddShiftAsync(
        HttpClient coordinator, string clinicianId, string startDate, string startTime, string endDate, string endTime) =>
        await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/coordinator/on-call", "add-shift",
        [
            new("Shift.ClinicianId", clinicianId),
            new("Shift.StartDate", startDate),
            new("Shift.StartTime", startTime),
            new("Shift.EndDate", endDate),
            new("Shift.EndTime", endTime),
        ], Cancel);

    private static async Task<T> WithDbAsync<T>(PeerCircleAppFactory app, Func<PeerCircleDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }

    private static async Task<HttpClient> CoordinatorAsync(PeerCircleAppFactory app)
    {
        var client = app.CreateClientWithCookies();
        await app.SignInAsync(client, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        await WithDbAsync(app, db => db.OnCallShifts.ExecuteDeleteAsync(Cancel));
        return client;
    }

    private static async Task<string> TextOfAsync(HttpResponseMessage response) =>
        PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));

    [Theory, AllProviders]
    public async Task AddingAShift_ShowsItOnTheRoster_AndIsAudited(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = await CoordinatorAsync(app);
        var clinicianId = await app.UserIdAsync(Clinician, Cancel);

        using var response = await AddShiftAsync(coordinator, clinicianId, Day(2), "08:00", Day(3), "08:00");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync(response.Headers.Location!.PathOf(), Cancel));
        Assert.Contains("The shift is added.", page, StringComparison.Ordinal);
        Assert.Contains(ClinicianName, page, StringComparison.Ordinal);
        var shift = await WithDbAsync(app, db => db.OnCallShifts.SingleAsync(Cancel));
        Assert.Equal(clinicianId, shift.ClinicianId);
        // 08:00 to 08:00 the next day on the program's clock (23 or 25 hours when the clocks change that night).
        var (starts, ends) = (TimeZoneInfo.ConvertTimeFromUtc(shift.StartsAtUtc, Eastern), TimeZoneInfo.ConvertTimeFromUtc(shift.EndsAtUtc, Eastern));
        Assert.Equal((8, 8, 1.0), (starts.Hour, ends.Hour, (ends.Date - starts.Date).TotalDays));
        Assert.True(await WithDbAsync(app, db => db.AuditEvents.AnyAsync(
            e => e.Action == "safety.on-call-shift-added" && e.RecordId == shift.Id.ToString(CultureInfo.InvariantCulture), Cancel)));

        var id = shift.Id.ToString(CultureInfo.InvariantCulture);
        using var removed = await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/coordinator/on-call", "remove-shift", [new("RemoveId", id)], Cancel);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await WithDbAsync(app, db => db.OnCallShifts.AnyAsync(Cancel)));
        Assert.True(await WithDbAsync(app, db => db.AuditEvents.AnyAsync(e => e.Action == "safety.on-call-shift-removed", Cancel)));

        using var again = await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/coordinator/on-call", "remove-shift", [new("RemoveId", id)], Cancel);
        Assert.Contains("This shift is already removed.", await TextOfAsync(again), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task AShiftThatHasStarted_CannotBeRemoved(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = await CoordinatorAsync(app);
        var clinicianId = await app.UserIdAsync(Clinician, Cancel);
        var id = await WithDbAsync(app, async db =>
        {
            var started = new OnCallShift
            {
                ClinicianId = clinicianId, StartsAtUtc = DateTime.UtcNow.AddHours(-2), EndsAtUtc = DateTime.UtcNow.AddHours(6),
                CreatedById = clinicianId, CreatedAtUtc = DateTime.UtcNow.AddDays(-1),
            };
            db.OnCallShifts.Add(started);
            await db.SaveChangesAsync(Cancel);
            return started.Id;
        });

        var page = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/on-call", Cancel));
        Assert.Contains($"{ClinicianName} · on call now", page, StringComparison.Ordinal);
        using var refused = await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/coordinator/on-call", "remove-shift",
            [new("RemoveId", id.ToString(CultureInfo.InvariantCulture))], Cancel);
        Assert.Contains("This shift has already started, so it cannot be removed.", await TextOfAsync(refused), StringComparison.Ordinal);
        Assert.True(await WithDbAsync(app, db => db.OnCallShifts.AnyAsync(Cancel)));
    }

    [Theory, AllProviders]
    public async Task ShiftsThatMakeNoSense_AreRefusedInPlainWords(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = await CoordinatorAsync(app);
        var clinicianId = await app.UserIdAsync(Clinician, Cancel);
        var facilitatorId = await app.UserIdAsync(PeerCircleAppFactory.FacilitatorEmail, Cancel);

        using var notAClinician = await AddShiftAsync(coordinator, facilitatorId, Day(2), "08:00", Day(3), "08:00");
        Assert.Contains("Please choose a clinician from the list.", await TextOfAsync(notAClinician), StringComparison.Ordinal);

        using var unknown = await AddShiftAsync(coordinator, "no-such-person", Day(2), "08:00", Day(3), "08:00");
        Assert.Contains("Please choose a clinician from the list.", await TextOfAsync(unknown), StringComparison.Ordinal);

        using var backwards = await AddShiftAsync(coordinator, clinicianId, Day(3), "08:00", Day(2), "08:00");
        Assert.Contains("The shift must end after it starts.", await TextOfAsync(backwards), StringComparison.Ordinal);

        using var past = await AddShiftAsync(coordinator, clinicianId, Day(-2), "08:00", Day(2), "08:00");
        Assert.Contains("That start time has already passed.", await TextOfAsync(past), StringComparison.Ordinal);

        using var tooLong = await AddShiftAsync(coordinator, clinicianId, Day(2), "08:00", Day(17), "08:00");
        Assert.Contains("A shift can last at most 14 days.", await TextOfAsync(tooLong), StringComparison.Ordinal);

        using var garbled = await AddShiftAsync(coordinator, clinicianId, "next tuesday", "8 o'clock", Day(3), "08:00");
        var garbledText = await TextOfAsync(garbled);
        Assert.Contains("Please enter the date as year-month-day", garbledText, StringComparison.Ordinal);
        Assert.Contains("Please enter a time, like 08:00.", garbledText, StringComparison.Ordinal);

        // The clocks jump from 2:00 to 3:00 on the second Sunday in March, so 2:30 that night never happens.
        var march = new DateTime(DateTime.UtcNow.Year + 1, 3, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var springForward = march.AddDays((7 - (int)march.DayOfWeek) % 7 + 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var skipped = await AddShiftAsync(coordinator, clinicianId, springForward, "02:30", springForward, "12:00");
        Assert.Contains("The clocks go forward an hour that night, so 2:30 AM on March", await TextOfAsync(skipped), StringComparison.Ordinal);

        // On the first Sunday in November the clocks go back, so 1:30 that night happens twice.
        var november = new DateTime(DateTime.UtcNow.Year + 1, 11, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var fallBack = november.AddDays((7 - (int)november.DayOfWeek) % 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var repeated = await AddShiftAsync(coordinator, clinicianId, fallBack, "00:00", fallBack, "01:30");
        Assert.Contains("The clocks go back an hour that night, so 1:30 AM on November", await TextOfAsync(repeated), StringComparison.Ordinal);
        Assert.False(await WithDbAsync(app, db => db.OnCallShifts.AnyAsync(Cancel)));

        using var first = await AddShiftAsync(coordinator, clinicianId, Day(2), "08:00", Day(4), "08:00");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var overlapping = await AddShiftAsync(coordinator, clinicianId, Day(3), "20:00", Day(5), "08:00");
        Assert.Contains($"{ClinicianName} is already on call during part of this time.", await TextOfAsync(overlapping), StringComparison.Ordinal);

        // Back to back is not an overlap, and another clinician may cover the same time.
        using var handover = await AddShiftAsync(coordinator, clinicianId, Day(4), "08:00", Day(5), "08:00");
        Assert.Equal(HttpStatusCode.Redirect, handover.StatusCode);
        using var second = await AddShiftAsync(coordinator, await app.UserIdAsync("clinician2@demo.local", Cancel), Day(3), "20:00", Day(5), "08:00");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        Assert.Equal(3, await WithDbAsync(app, db => db.OnCallShifts.CountAsync(Cancel)));
    }

    [Theory, AllProviders]
    public async Task WhoIsOnCall_AtAHandover_IsOnlyTheClinicianStarting(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var first = await app.UserIdAsync(Clinician, Cancel);
        var second = await app.UserIdAsync("clinician2@demo.local", Cancel);
        var coordinatorId = await app.UserIdAsync(PeerCircleAppFactory.CoordinatorEmail, Cancel);
        var handover = new DateTime(2030, 1, 7, 13, 0, 0, DateTimeKind.Utc);
        await WithDbAsync(app, async db =>
        {
            await db.OnCallShifts.ExecuteDeleteAsync(Cancel);
            db.OnCallShifts.AddRange(
                new OnCallShift { ClinicianId = first, StartsAtUtc = handover.AddHours(-12), EndsAtUtc = handover, CreatedById = coordinatorId, CreatedAtUtc = DateTime.UtcNow },
                new OnCallShift { ClinicianId = second, StartsAtUtc = handover, EndsAtUtc = handover.AddHours(12), CreatedById = coordinatorId, CreatedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync(Cancel);
        });

        await using var scope = app.Services.CreateAsyncScope();
        var roster = scope.ServiceProvider.GetRequiredService<OnCallRoster>();
        Assert.Equal([first], await roster.WhoIsOnCallAsync(handover.AddHours(-12), Cancel));
        Assert.Equal([first], await roster.WhoIsOnCallAsync(handover.AddSeconds(-1), Cancel));
        Assert.Equal([second], await roster.WhoIsOnCallAsync(handover, Cancel));
        Assert.Equal([second], await roster.WhoIsOnCallAsync(handover.AddHours(12).AddSeconds(-1), Cancel));
        Assert.Empty(await roster.WhoIsOnCallAsync(handover.AddHours(12), Cancel));
        Assert.Empty(await roster.WhoIsOnCallAsync(handover.AddHours(-12).AddSeconds(-1), Cancel));
    }

    [Theory, AllProviders]
    public async Task TimesWithNobodyOnCall_InTheNextWeek_AreShownAsAWarning(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = await CoordinatorAsync(app);

        var empty = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/on-call", Cancel));
        Assert.Contains("Times with nobody on call in the next 7 days", empty, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(empty, "nobody is on call; new cases then go to every clinician."));

        var clinicianId = await app.UserIdAsync(Clinician, Cancel);
        using var added = await AddShiftAsync(coordinator, clinicianId, Day(2), "08:00", Day(4), "17:00");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var page = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/on-call", Cancel));
        // Before the shift and after it, until the week is out.
        Assert.Equal(2, CountOf(page, "nobody is on call; new cases then go to every clinician."));
        var start = DateTime.ParseExact(Day(2), "yyyy-MM-dd", CultureInfo.InvariantCulture).AddHours(8);
        var end = DateTime.ParseExact(Day(4), "yyyy-MM-dd", CultureInfo.InvariantCulture).AddHours(17);
        Assert.Contains($"to {ProgramTime.Format(start)} nobody is on call; new cases then go to every clinician.", page, StringComparison.Ordinal);
        Assert.Contains($"From {ProgramTime.Format(end)} to ", page, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task OnlyCoordinators_SeeTheRoster(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        foreach (var (email, totp) in new[] { (Clinician, true), (PeerCircleAppFactory.FacilitatorEmail, true), (PeerCircleAppFactory.MemberEmail, false) })
        {
            using var client = app.CreateClientWithCookies();
            await app.SignInAsync(client, email, totp, Cancel);
            using var response = await client.GetAsync("/coordinator/on-call", Cancel);
            Assert.True(Refused(response), $"{email} was answered {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    internal static bool Refused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || response.Headers.Location?.PathOf().StartsWith("/account/access-denied", StringComparison.Ordinal) == true;

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
