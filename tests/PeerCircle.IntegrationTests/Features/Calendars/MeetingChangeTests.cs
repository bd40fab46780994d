using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.IntegrationTests.Features.Calendars;

/// <summary>A facilitator cancels or moves one meeting; members hear about it one by one, and every list of meetings follows.</summary>
public class MeetingChangeTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Dana Okafor (facilitator@) leads the Breast Cancer Survivors Circle: Tuesdays, 6:30 PM, Chicago.
    private const string Slug = "breast-cancer-survivors-circle";
    private const string Name = "Breast Cancer Survivors Circle";
    private const string SaysNoToEmail = "member11@demo.local";

    private static async Task<T> WithDbAsync<T>(PeerCircleAppFactory app, Func<PeerCircleDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }

    private static Task<Group> GroupAsync(PeerCircleAppFactory app) =>
        WithDbAsync(app, db => db.Groups.AsNoTracking().SingleAsync(g => g.Slug == Slug, Cancel));

    private static Task<List<string>> AcceptedEmailsAsync(PeerCircleAppFactory app, Guid groupId) =>
        WithDbAsync(app, db => db.GroupMemberships.Where(m => m.GroupId == groupId && m.Status == MembershipStatus.Accepted)
            .Select(m => m.User!.Email!).ToListAsync(Cancel));

    private static async Task SayNoToEmailAsync(PeerCircleAppFactory app, string email)
    {
        var userId = await app.UserIdAsync(email, Cancel);
        await WithDbAsync(app, async db =>
        {
            db.MemberProfiles.Add(new MemberProfile { UserId = userId, MayEmail = false, UpdatedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync(Cancel);
        });
    }

    /// <summary>Posts the form of the first meeting on the page (each meeting's form is named by its place in the list).</summary>
    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, Group group, string action, DateTime plannedUtc, params (string Field, string Value)[] fields)
    {
        var key = ChangeMeeting.OccurrenceKey(plannedUtc);
        return PeerCircleAppFactory.SubmitFormAsync(client, $"/facilitator/groups/{group.Id}/meetings", "meeting-0",
        [
            new("Change.Occurrence", key), new("Change.Action", action),
            .. fields.Select(f => new KeyValuePair<string, string>($"Change.{f.Field}", f.Value)),
        ], Cancel);
    }

    private static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("o", CultureInfo.InvariantCulture);

    private static async Task<IcsComponent> CalendarOfAsync(MimeMessage message)
    {
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        using var ics = new MemoryStream();
        await attachment.Content!.DecodeToAsync(ics, Cancel);
        return IcsReader.Parse(System.Text.Encoding.UTF8.GetString(ics.ToArray()));
    }

    [Theory, AllProviders]
    public async Task CancellingAMeeting_EmailsEachMemberWhoAllowsIt_Separately_AndTheGroupPageDropsIt(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app);
        await SayNoToEmailAsync(app, SaysNoToEmail);
        // That member allows texts instead.
        var texterId = await app.UserIdAsync(SaysNoToEmail, Cancel);
        await WithDbAsync(app, async db =>
        {
            var profile = await db.MemberProfiles.SingleAsync(p => p.UserId == texterId, Cancel);
            (profile.MayText, profile.Phone) = (true, "(312) 555-0142");
            return await db.SaveChangesAsync(Cancel);
        });
        var next = MeetingTimes.Next(group.Schedule, DateTime.UtcNow, 2);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        using var visitor = app.CreateClientWithCookies();
        Assert.Contains(Instant(next[0]), await visitor.GetStringAsync($"/groups/{Slug}", Cancel), StringComparison.Ordinal);

        using var noReason = await ChangeAsync(facilitator, group, "cancel", next[0], ("Reason", "  "));
        Assert.Contains("Please say why", PeerCircleAppFactory.VisibleTextOf(await noReason.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(app, db => db.MeetingChanges.CountAsync(Cancel)));

        using var cancelled = await ChangeAsync(facilitator, group, "cancel", next[0], ("Reason", "The community room is closed for the holiday."));

        var page = PeerCircleAppFactory.VisibleTextOf(await cancelled.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("is cancelled. We e-mailed 3 members.", page, StringComparison.Ordinal);
        var expected = (await AcceptedEmailsAsync(app, group.Id)).Where(e => e != SaysNoToEmail).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, expected.Count);
        var messages = app.ReadOutbox().Where(m => (m.Subject ?? "").StartsWith($"Cancelled: {Name} on ", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, messages.Select(m => Assert.Single(m.To.Mailboxes).Address).Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.Empty(m.Cc.Concat(m.Bcc)));
        Assert.DoesNotContain(app.ReadOutbox(), m => m.To.Mailboxes.Any(a => a.Address == SaysNoToEmail));
        // The member who allows only texts hears by text, which does not name the group.
        var text = Assert.Single(app.ReadTextOutbox(), t => t.To == "+13125550142").Body;
        Assert.StartsWith("PeerCircle: your group's meeting on ", text, StringComparison.Ordinal);
        Assert.Contains(" is cancelled. More on your page: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Breast", text, StringComparison.Ordinal);
        var toMaria = messages.Single(m => m.To.Mailboxes.Single().Address == PeerCircleAppFactory.MemberEmail);
        Assert.Contains("The community room is closed for the holiday.", toMaria.TextBody, StringComparison.Ordinal);
        // Maria lives in the Eastern zone; the group meets in Central.
        Assert.Contains("7:30 PM your time (Eastern), which is", toMaria.TextBody, StringComparison.Ordinal);
        Assert.Contains("6:30 PM (Central time) where the group meets", toMaria.TextBody, StringComparison.Ordinal);

        // The attached calendar update marks that one meeting cancelled.
        var update = await CalendarOfAsync(toMaria);
        var exception = Assert.Single(update.Components("VEVENT"), e => e.Property("RECURRENCE-ID") is not null);
        Assert.Equal("CANCELLED", exception.Value("STATUS"));
        Assert.Equal(next[0], IcsReader.ToUtc(exception.Property("RECURRENCE-ID")!));
        Assert.Equal(group.Schedule.TimeZoneId, exception.Property("RECURRENCE-ID")!.Parameter("TZID"));

        // The group page and the downloadable calendar follow.
        var groupPage = await visitor.GetStringAsync($"/groups/{Slug}", Cancel);
        Assert.DoesNotContain(Instant(next[0]), groupPage, StringComparison.Ordinal);
        Assert.Contains(Instant(next[1]), groupPage, StringComparison.Ordinal);
        var download = IcsReader.Parse(await visitor.GetStringAsync($"/groups/{Slug}/calendar.ics", Cancel));
        Assert.Equal("CANCELLED", Assert.Single(download.Components("VEVENT"), e => e.Property("RECURRENCE-ID") is not null).Value("STATUS"));
        Assert.True(await WithDbAsync(app, db => db.AuditEvents.AnyAsync(a => a.Action == "group.meeting-changed" && a.RecordId == group.Id.ToString(), Cancel)));
    }

    [Theory, AllProviders]
    public async Task MovingAMeeting_ShowsItAtItsNewTime_AndPuttingItBackRestoresIt(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(group.Schedule.TimeZoneId);
        var planned = MeetingTimes.Next(group.Schedule, DateTime.UtcNow, 1)[0];
        var newLocal = TimeZoneInfo.ConvertTimeFromUtc(planned, zone).Date.AddDays(1).AddHours(17);
        var movedTo = TimeZoneInfo.ConvertTimeToUtc(newLocal, zone);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        using var visitor = app.CreateClientWithCookies();

        using var past = await ChangeAsync(coordinator, group, "move", planned, ("NewDate", "2020-01-07"), ("NewTime", "17:00"), ("Reason", "Room booked."));
        Assert.Contains("That time has already passed.", PeerCircleAppFactory.VisibleTextOf(await past.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);

        using var moved = await ChangeAsync(coordinator, group, "move", planned,
            ("NewDate", newLocal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("NewTime", "17:00"), ("Reason", "The room is booked on Tuesday."));

        Assert.Contains("is moved to", PeerCircleAppFactory.VisibleTextOf(await moved.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        var groupPage = await visitor.GetStringAsync($"/groups/{Slug}", Cancel);
        Assert.Contains(Instant(movedTo), groupPage, StringComparison.Ordinal);
        Assert.DoesNotContain(Instant(planned), groupPage, StringComparison.Ordinal);
        var download = IcsReader.Parse(await visitor.GetStringAsync($"/groups/{Slug}/calendar.ics", Cancel));
        var exception = Assert.Single(download.Components("VEVENT"), e => e.Property("RECURRENCE-ID") is not null);
        Assert.Equal(planned, IcsReader.ToUtc(exception.Property("RECURRENCE-ID")!));
        Assert.Equal(movedTo, IcsReader.ToUtc(exception.Property("DTSTART")!));
        Assert.Equal(4, app.ReadOutbox().Count(m => (m.Subject ?? "").StartsWith($"New time: {Name}", StringComparison.Ordinal)));

        using var undone = await ChangeAsync(coordinator, group, "undo", planned);

        Assert.Contains("is back as planned.", PeerCircleAppFactory.VisibleTextOf(await undone.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Contains(Instant(planned), await visitor.GetStringAsync($"/groups/{Slug}", Cancel), StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(app, db => db.MeetingChanges.CountAsync(Cancel)));
        Assert.Equal(4, app.ReadOutbox().Count(m => (m.Subject ?? "").StartsWith($"Back on: {Name}", StringComparison.Ordinal)));
    }

    [Theory, AllProviders]
    public async Task OnlyTheGroupsOwnFacilitatorsAndCoordinators_ReachItsMeetingsPage(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var group = await GroupAsync(app);
        var path = $"/facilitator/groups/{group.Id}/meetings";
        using var lead = app.CreateClientWithCookies();
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        using var otherFacilitator = app.CreateClientWithCookies();
        await app.SignInAsync(otherFacilitator, "facilitator3@demo.local", totp: true, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        using var own = await lead.GetAsync(path, Cancel);
        using var notTheirs = await otherFacilitator.GetAsync(path, Cancel);
        using var unknown = await lead.GetAsync($"/facilitator/groups/{Guid.NewGuid()}/meetings", Cancel);
        using var refused = await member.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var text = PeerCircleAppFactory.VisibleTextOf(await own.Content.ReadAsStringAsync(Cancel));
        Assert.Contains($"Upcoming meetings of {Name}", text, StringComparison.Ordinal);
        Assert.Equal(8, CountOf(text, "Cancel this meeting"));
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.DoesNotContain(Name, await notTheirs.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden
            || refused.Headers.Location?.PathOf().StartsWith("/account/access-denied", StringComparison.Ordinal) == true,
            $"A member was answered {(int)refused.StatusCode} {refused.Headers.Location}");
        Assert.Contains($"/facilitator/groups/{group.Id}/meetings", await lead.GetStringAsync("/facilitator", Cancel), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task AForgedOrStaleMeeting_IsRefusedInPlainWords(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app);
        using var lead = app.CreateClientWithCookies();
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var next = MeetingTimes.Next(group.Schedule, DateTime.UtcNow, 1)[0];

        using var past = await ChangeAsync(lead, group, "cancel", next.AddDays(-7), ("Reason", "Snow."));
        using var offSchedule = await ChangeAsync(lead, group, "cancel", next.AddHours(1), ("Reason", "Snow."));
        using var badAction = await ChangeAsync(lead, group, "delete", next, ("Reason", "Snow."));
        using var nothingToUndo = await ChangeAsync(lead, group, "undo", next);

        Assert.All(new[] { past, offSchedule, badAction, nothingToUndo }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains("That meeting is not on the list any more.", await past.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("That meeting is not on the list any more.", await offSchedule.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("Please choose whether to cancel or move the meeting.", await badAction.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("This meeting has no change to undo.", await nothingToUndo.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(app, db => db.MeetingChanges.CountAsync(Cancel)));
        Assert.Empty(app.ReadOutbox());
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
