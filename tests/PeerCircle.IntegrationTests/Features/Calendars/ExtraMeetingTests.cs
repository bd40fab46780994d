using System.Globalization;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.IntegrationTests.Features.Calendars;

/// <summary>
/// A facilitator adds a one-off extra meeting: members hear about it one by one with a calendar file that has it, it
/// shows wherever the group's next meetings are listed, and it can be cancelled or taken away again.
/// </summary>
public class ExtraMeetingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Dana Okafor (facilitator@) leads the Breast Cancer Survivors Circle: Tuesdays, 6:30 PM, 90 minutes, Chicago,
    // with four accepted members.
    private const string Slug = "breast-cancer-survivors-circle";
    private const string Name = "Breast Cancer Survivors Circle";
    private const string Reason = "An extra meeting before the holidays.";

    private static async Task<Group> GroupAsync(PeerCircleAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Groups.AsNoTracking().SingleAsync(g => g.Slug == Slug, Cancel);
    }

    private static async Task<T> WithDbAsync<T>(PeerCircleAppFactory app, Func<PeerCircleDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }

    /// <summary>The Thursday after the next regular Tuesday meeting, at 6:00 PM in Chicago.</summary>
    private static (string Date, DateTime Utc) Thursday(Group group)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(group.Schedule.TimeZoneId);
        var tuesday = TimeZoneInfo.ConvertTimeFromUtc(MeetingTimes.Next(group.Schedule, DateTime.UtcNow, 1)[0], zone).Date;
        var local = tuesday.AddDays(2).AddHours(18);
        return (local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TimeZoneInfo.ConvertTimeToUtc(local, zone));
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, Group group, string date, string time, string reason) =>
        PeerCircleAppFactory.SubmitFormAsync(client, $"/facilitator/groups/{group.Id}/meetings", "add-meeting",
            [new("Add.Date", date), new("Add.Time", time), new("Add.Reason", reason)], Cancel);

    /// <summary>Posts the form of the meeting at <paramref name="place"/> on the list (forms are named by their place).</summary>
    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, Group group, int place, DateTime plannedUtc, string action, string reason = "") =>
        PeerCircleAppFactory.SubmitFormAsync(client, $"/facilitator/groups/{group.Id}/meetings", $"meeting-{place}",
        [
            new("Change.Occurrence", ChangeMeeting.OccurrenceKey(plannedUtc)), new("Change.Action", action), new("Change.Reason", reason),
            new("Change.NewDate", ""), new("Change.NewTime", ""),
        ], Cancel);

    private static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("o", CultureInfo.InvariantCulture);

    private static async Task<IcsComponent> CalendarOfAsync(MimeMessage message)
    {
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        using var ics = new MemoryStream();
        await attachment.Content!.DecodeToAsync(ics, Cancel);
        return IcsReader.Parse(System.Text.Encoding.UTF8.GetString(ics.ToArray()));
    }

    private static IcsComponent? ExtraEvent(IcsComponent calendar, Group group, DateTime addedUtc) =>
        calendar.Components("VEVENT").SingleOrDefault(e => e.Value("UID") == MeetingCalendarFile.ExtraUid(group.Id, addedUtc));

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));

    [Theory, AllProviders]
    public async Task AddingAMeeting_EmailsEachMemberACalendarWithIt_AndItShowsInTheListsAndTheFeeds(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app);
        var (date, addedUtc) = Thursday(group);
        using var lead = app.CreateClientWithCookies();
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);

        using var added = await AddAsync(lead, group, date, "18:00", Reason);

        Assert.Contains("An extra meeting is added on", await TextAsync(added), StringComparison.Ordinal);
        Assert.Contains("We e-mailed 4 members.", await TextAsync(added), StringComparison.Ordinal);
        var change = await WithDbAsync(app, db => db.MeetingChanges.SingleAsync(Cancel));
        Assert.True(change.Added);
        Assert.Equal(addedUtc, change.OccurrenceStartUtc);

        // Each member gets a message of their own, with a calendar file that has the extra meeting as an event of its own.
        var messages = app.ReadOutbox().Where(m => (m.Subject ?? "").StartsWith($"Extra meeting: {Name} on ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, messages.Count);
        Assert.All(messages, m => Assert.Single(m.To.Mailboxes));
        Assert.Equal(4, messages.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        var toMaria = messages.Single(m => m.To.Mailboxes.Single().Address == PeerCircleAppFactory.MemberEmail);
        Assert.Contains(Reason, toMaria.TextBody, StringComparison.Ordinal);
        Assert.Contains("6:00 PM (Central time) where the group meets", toMaria.TextBody, StringComparison.Ordinal);
        var attached = ExtraEvent(await CalendarOfAsync(toMaria), group, addedUtc);
        Assert.NotNull(attached);
        Assert.Equal(addedUtc, IcsReader.ToUtc(attached.Property("DTSTART")!));
        Assert.Equal("CONFIRMED", attached.Value("STATUS"));
        Assert.Null(attached.Property("RRULE"));

        // The facilitator's list, the group's page and its calendar file all have it, in time order.
        var list = PeerCircleAppFactory.VisibleTextOf(await lead.GetStringAsync($"/facilitator/groups/{group.Id}/meetings", Cancel));
        Assert.Contains($"Extra meeting Why: {Reason}", list, StringComparison.Ordinal);
        Assert.Contains($"/facilitator/groups/{group.Id}/plan/{ChangeMeeting.OccurrenceKey(addedUtc)}",
            await lead.GetStringAsync($"/facilitator/groups/{group.Id}/meetings", Cancel), StringComparison.Ordinal);
        using var visitor = app.CreateClientWithCookies();
        var page = await visitor.GetStringAsync($"/groups/{Slug}", Cancel);
        var next = MeetingTimes.Next(group.Schedule, DateTime.UtcNow, 2);
        Assert.True(page.IndexOf(Instant(next[0]), StringComparison.Ordinal) < page.IndexOf(Instant(addedUtc), StringComparison.Ordinal));
        Assert.True(page.IndexOf(Instant(addedUtc), StringComparison.Ordinal) < page.IndexOf(Instant(next[1]), StringComparison.Ordinal));
        Assert.Contains("Extra meeting", PeerCircleAppFactory.VisibleTextOf(page), StringComparison.Ordinal);
        var feed = IcsReader.Parse(await visitor.GetStringAsync($"/groups/{Slug}/calendar.ics", Cancel));
        Assert.Equal(addedUtc, IcsReader.ToUtc(ExtraEvent(feed, group, addedUtc)!.Property("DTSTART")!));
    }

    [Theory, AllProviders]
    public async Task CancellingAnExtraMeeting_TakesItOutOfTheFeeds_AndTheEmailedFileMarksItCancelled(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app);
        var (date, addedUtc) = Thursday(group);
        using var lead = app.CreateClientWithCookies();
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        using (await AddAsync(lead, group, date, "18:00", Reason))
        {
        }
        using var visitor = app.CreateClientWithCookies();
        Assert.NotNull(ExtraEvent(IcsReader.Parse(await visitor.GetStringAsync($"/groups/{Slug}/calendar.ics", Cancel)), group, addedUtc));

        // The list is the next regular Tuesday, then the extra Thursday.
        using var cancelled = await ChangeAsync(lead, group, 1, addedUtc, "cancel", "Not enough people can come.");

        Assert.Contains("is cancelled. We e-mailed 4 members.", await TextAsync(cancelled), StringComparison.Ordinal);
        Assert.Null(ExtraEvent(IcsReader.Parse(await visitor.GetStringAsync($"/groups/{Slug}/calendar.ics", Cancel)), group, addedUtc));
        Assert.DoesNotContain(Instant(addedUtc), await visitor.GetStringAsync($"/groups/{Slug}", Cancel), StringComparison.Ordinal);
        var message = app.ReadOutbox().First(m => (m.Subject ?? "").StartsWith($"Cancelled: {Name}", StringComparison.Ordinal));
        Assert.Contains("Not enough people can come.", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("CANCELLED", ExtraEvent(await CalendarOfAsync(message), group, addedUtc)!.Value("STATUS"));

        // A member's own calendar link drops it too.
        using var maria = app.CreateClientWithCookies();
        await app.SignInAsync(maria, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var made = await PeerCircleAppFactory.SubmitFormAsync(maria, "/me/calendar", "make-calendar-link", [], Cancel);
        var link = System.Text.RegularExpressions.Regex.Match(await made.Content.ReadAsStringAsync(Cancel), @"/calendar/[A-Za-z0-9_-]{43}\.ics").Value;
        var personal = IcsReader.Parse(await visitor.GetStringAsync(link, Cancel));
        Assert.Null(ExtraEvent(personal, group, addedUtc));
        Assert.NotEmpty(personal.Components("VEVENT"));
    }

    [Theory, AllProviders]
    public async Task TakingAnExtraMeetingAway_RemovesIt_AndTellsMembersItIsOff(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app);
        var (date, addedUtc) = Thursday(group);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        using (await AddAsync(coordinator, group, date, "18:00", Reason))
        {
        }

        using var undone = await ChangeAsync(coordinator, group, 1, addedUtc, "undo");

        Assert.Contains("The extra meeting on", await TextAsync(undone), StringComparison.Ordinal);
        Assert.Contains("is taken away. We e-mailed 4 members.", await TextAsync(undone), StringComparison.Ordinal);
        Assert.False(await WithDbAsync(app, db => db.MeetingChanges.AnyAsync(Cancel)));
        var off = app.ReadOutbox().Where(m => (m.Subject ?? "").StartsWith($"Off: the extra meeting of {Name}", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, off.Count);
        Assert.Contains("will not happen after all", off[0].TextBody, StringComparison.Ordinal);
        // Calendars that imported the first file need the cancellation to drop it.
        Assert.Equal("CANCELLED", ExtraEvent(await CalendarOfAsync(off[0]), group, addedUtc)!.Value("STATUS"));
        using var visitor = app.CreateClientWithCookies();
        Assert.Null(ExtraEvent(IcsReader.Parse(await visitor.GetStringAsync($"/groups/{Slug}/calendar.ics", Cancel)), group, addedUtc));
        Assert.Equal(2, await WithDbAsync(app, db => db.AuditEvents.CountAsync(a => a.Action == "group.meeting-changed" && a.RecordId == group.Id.ToString(), Cancel)));
    }

    [Theory, AllProviders]
    public async Task AnExtraMeeting_MustBeAhead_WithinAYear_WithAReason_AndNotWhileTheGroupMeets(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(group.Schedule.TimeZoneId);
        var tuesday = TimeZoneInfo.ConvertTimeFromUtc(MeetingTimes.Next(group.Schedule, DateTime.UtcNow, 1)[0], zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (thursday, _) = Thursday(group);
        var farAway = DateTime.UtcNow.AddMonths(13).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var lead = app.CreateClientWithCookies();
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);

        using var noReason = await AddAsync(lead, group, thursday, "18:00", " ");
        using var past = await AddAsync(lead, group, "2020-03-03", "18:00", Reason);
        using var tooFar = await AddAsync(lead, group, farAway, "18:00", Reason);
        using var sameStart = await AddAsync(lead, group, tuesday, "18:30", Reason);
        using var overlapping = await AddAsync(lead, group, tuesday, "19:15", Reason);
        using var badTime = await AddAsync(lead, group, thursday, "half past six", Reason);

        Assert.Contains("Please say why", await TextAsync(noReason), StringComparison.Ordinal);
        Assert.Contains("That time has already passed.", await TextAsync(past), StringComparison.Ordinal);
        Assert.Contains("Please choose a date within the next year.", await TextAsync(tooFar), StringComparison.Ordinal);
        Assert.Contains("The group already has a meeting at that time.", await TextAsync(sameStart), StringComparison.Ordinal);
        Assert.Contains("That would overlap the meeting on", await TextAsync(overlapping), StringComparison.Ordinal);
        Assert.Contains("Please enter the start time, like 18:30.", await TextAsync(badTime), StringComparison.Ordinal);
        // What was typed comes back, so it can be corrected.
        Assert.Contains("half past six", await badTime.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.False(await WithDbAsync(app, db => db.MeetingChanges.AnyAsync(Cancel)));
        Assert.Empty(app.ReadOutbox());
    }

    [Theory, AllProviders]
    public async Task TheDayBeforeAnExtraMeeting_MembersGetAReminder_ThatSaysItIsExtra(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app);
        var (_, addedUtc) = Thursday(group);
        await WithDbAsync(app, db =>
        {
            db.MeetingChanges.Add(new MeetingChange
            {
                GroupId = group.Id, OccurrenceStartUtc = addedUtc, Added = true, Reason = Reason, ChangedById = "x", ChangedAtUtc = DateTime.UtcNow,
            });
            return db.SaveChangesAsync(Cancel);
        });
        var clock = new FakeTimeProvider(new DateTimeOffset(addedUtc.AddHours(-24.5), TimeSpan.Zero));
        await using var dayBefore = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

        await using (var scope = dayBefore.Services.CreateAsyncScope())
        {
            Assert.Equal(4, await scope.ServiceProvider.GetRequiredService<MeetingReminders>().SendDueRemindersAsync(Cancel));
        }

        var reminders = app.ReadOutbox().Where(m => m.Subject == $"Reminder: {Name} meets tomorrow").ToList();
        Assert.Equal(4, reminders.Count);
        Assert.All(reminders, r => Assert.Contains("this is an extra meeting", r.TextBody, StringComparison.Ordinal));
    }
}
