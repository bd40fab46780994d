using System.Globalization;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.IntegrationTests.Features.Calendars;

/// <summary>
/// Meetings keep their local time when the clocks change: the UTC start moves by an hour in a zone with daylight
/// saving time and stays put in one without, for weekly and monthly schedules alike; and a time the clocks skip
/// cannot be chosen. In 2027 daylight saving time starts on 14 March and ends on 7 November.
/// </summary>
public class DaylightSavingScheduleTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Dana Okafor (facilitator@) leads the Breast Cancer Survivors Circle; each test gives it the schedule it needs.
    private const string Slug = "breast-cancer-survivors-circle";

    private static DateTime Utc(int month, int day, int hour) => new(2027, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static string Instant(DateTime utc) => utc.ToString("o", CultureInfo.InvariantCulture);

    private static async Task<Group> ScheduleAsync(PeerCircleAppFactory app, Frequency frequency, int weekOfMonth, string zone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var group = await db.Groups.SingleAsync(g => g.Slug == Slug, Cancel);
        group.Schedule.Frequency = frequency;
        group.Schedule.DayOfWeek = DayOfWeek.Tuesday;
        group.Schedule.WeekOfMonth = weekOfMonth;
        group.Schedule.StartMinuteOfDay = 18 * 60;
        group.Schedule.DurationMinutes = 90;
        group.Schedule.TimeZoneId = zone;
        group.Schedule.StartsOn = new DateOnly(2027, 1, 1);
        await db.SaveChangesAsync(Cancel);
        return group;
    }

    /// <summary>The next three meetings on the group's public page, as UTC instants and as the words a visitor reads.</summary>
    private static async Task<(string Html, string Text)> GroupPageAtAsync(PeerCircleAppFactory app, DateTime nowUtc)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(nowUtc, TimeSpan.Zero));
        await using var then = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var visitor = then.CreateClient();
        var html = await visitor.GetStringAsync($"/groups/{Slug}", Cancel);
        return (html, PeerCircleAppFactory.VisibleTextOf(html));
    }

    [Theory, AllProviders]
    public async Task AWeeklyChicagoGroup_MeetsAtSixPmLocal_AcrossBothClockChanges_SoItsUtcStartMovesAnHour(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await ScheduleAsync(app, Frequency.Weekly, 1, "America/Chicago");

        var (march, marchText) = await GroupPageAtAsync(app, Utc(3, 2, 12));
        var (november, novemberText) = await GroupPageAtAsync(app, Utc(10, 26, 12));

        // 6 PM CST is midnight UTC; 6 PM CDT is 11 PM UTC.
        Assert.Contains(Instant(Utc(3, 3, 0)), march, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(3, 10, 0)), march, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(3, 16, 23)), march, StringComparison.Ordinal);
        Assert.Contains("Tuesday, March 9, 6:00 PM", marchText, StringComparison.Ordinal);
        Assert.Contains("Tuesday, March 16, 6:00 PM", marchText, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(10, 26, 23)), november, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(11, 2, 23)), november, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(11, 10, 0)), november, StringComparison.Ordinal);
        Assert.Contains("Tuesday, November 2, 6:00 PM", novemberText, StringComparison.Ordinal);
        Assert.Contains("Tuesday, November 9, 6:00 PM", novemberText, StringComparison.Ordinal);

        // Calendars that subscribe work out the same instants from the group's file, read by an independent parser.
        using var visitor = app.CreateClient();
        var calendar = IcsReader.Parse(await visitor.GetStringAsync($"/groups/{Slug}/calendar.ics", Cancel));
        var series = Assert.Single(calendar.Components("VEVENT"));
        Assert.Equal("America/Chicago", series.Property("DTSTART")!.Parameter("TZID"));
        Assert.Equal([Utc(3, 10, 0), Utc(3, 16, 23)], IcsReader.Occurrences(series, Utc(3, 5, 0)).Take(2));
        Assert.Equal([Utc(11, 2, 23), Utc(11, 10, 0)], IcsReader.Occurrences(series, Utc(10, 30, 0)).Take(2));
    }

    [Theory, AllProviders]
    public async Task AWeeklyPhoenixGroup_KeepsTheSameUtcStart_BecauseArizonaHasNoDaylightSavingTime(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await ScheduleAsync(app, Frequency.Weekly, 1, "America/Phoenix");

        var (march, marchText) = await GroupPageAtAsync(app, Utc(3, 2, 12));
        var (november, _) = await GroupPageAtAsync(app, Utc(10, 26, 12));

        // 6 PM MST is 1 AM UTC the next day, before and after the rest of the country changes its clocks.
        Assert.Contains(Instant(Utc(3, 3, 1)), march, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(3, 10, 1)), march, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(3, 17, 1)), march, StringComparison.Ordinal);
        Assert.Contains("Tuesday, March 16, 6:00 PM", marchText, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(10, 27, 1)), november, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(11, 3, 1)), november, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(11, 10, 1)), november, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task AMonthlySecondTuesdayGroup_MeetsOnTheRightDayAtSixPmLocal_AcrossTheClockChanges(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await ScheduleAsync(app, Frequency.Monthly, 2, "America/Chicago");

        var (spring, springText) = await GroupPageAtAsync(app, Utc(2, 1, 12));
        var (autumn, autumnText) = await GroupPageAtAsync(app, Utc(10, 1, 12));

        // 9 February and 9 March are before the change (CST), 13 April after it (CDT).
        Assert.Contains(Instant(Utc(2, 10, 0)), spring, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(3, 10, 0)), spring, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(4, 13, 23)), spring, StringComparison.Ordinal);
        Assert.Contains("Tuesday, April 13, 6:00 PM", springText, StringComparison.Ordinal);
        // 12 October is in CDT, 9 November and 14 December in CST.
        Assert.Contains(Instant(Utc(10, 12, 23)), autumn, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(11, 10, 0)), autumn, StringComparison.Ordinal);
        Assert.Contains(Instant(Utc(12, 15, 0)), autumn, StringComparison.Ordinal);
        Assert.Contains("Tuesday, November 9, 6:00 PM", autumnText, StringComparison.Ordinal);
        Assert.DoesNotContain("Tuesday, November 2", autumnText, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task MovingOrAddingAMeeting_AtATimeTheClocksSkip_IsRefusedInPlainWords(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        Group group;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            group = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Groups.AsNoTracking().SingleAsync(g => g.Slug == Slug, Cancel);
        }
        // The next spring-forward day in Chicago (the second Sunday of March): 2:00 AM jumps to 3:00 AM.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var springForward = Enumerable.Range(0, 400).Select(today.AddDays)
            .First(d => d.Month == 3 && d.DayOfWeek == DayOfWeek.Sunday && d.Day is > 7 and <= 14);
        var day = springForward.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var next = MeetingTimes.Next(group.Schedule, DateTime.UtcNow, 1)[0];
        using var lead = app.CreateClientWithCookies();
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var path = $"/facilitator/groups/{group.Id}/meetings";

        using var move = await PeerCircleAppFactory.SubmitFormAsync(lead, path, "meeting-0",
        [
            new("Change.Occurrence", ChangeMeeting.OccurrenceKey(next)), new("Change.Action", "move"),
            new("Change.NewDate", day), new("Change.NewTime", "02:30"), new("Change.Reason", "An early start."),
        ], Cancel);
        using var add = await PeerCircleAppFactory.SubmitFormAsync(lead, path, "add-meeting",
            [new("Add.Date", day), new("Add.Time", "02:30"), new("Add.Reason", "An early start.")], Cancel);

        const string Refused = "That time does not exist on that day, because the clocks change. Please choose another time.";
        Assert.Contains(Refused, PeerCircleAppFactory.VisibleTextOf(await move.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Contains(Refused, PeerCircleAppFactory.VisibleTextOf(await add.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().MeetingChanges.AnyAsync(Cancel));
        }
        Assert.Empty(app.ReadOutbox());
    }
}
