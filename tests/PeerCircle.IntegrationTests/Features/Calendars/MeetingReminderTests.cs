using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.IntegrationTests.Features.Calendars;

/// <summary>
/// The day-before reminder: one message per member, by e-mail or text as they allow, never twice, never for a
/// cancelled meeting.
/// </summary>
public class MeetingReminderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Slug = "breast-cancer-survivors-circle";
    private const string Subject = "Reminder: Breast Cancer Survivors Circle meets tomorrow";
    private const string SaysNoToEmail = "member11@demo.local";

    [Theory, AllProviders]
    public async Task Reminders_GoOncePerMemberWhoAllowsEmail_SkipCancelledMeetings_AndFollowMovedOnes(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        // The clock starts early so that it only ever moves forward to each meeting's reminder time.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-2));
        await using var later = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        Group group;
        List<string> allowed;
        await using (var scope = later.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            group = await db.Groups.AsNoTracking().SingleAsync(g => g.Slug == Slug, Cancel);
            var saysNo = await app.UserIdAsync(SaysNoToEmail, Cancel);
            db.MemberProfiles.Add(new MemberProfile { UserId = saysNo, MayEmail = false, UpdatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync(Cancel);
            allowed = await db.GroupMemberships.Where(m => m.GroupId == group.Id && m.Status == MembershipStatus.Accepted && m.UserId != saysNo)
                .Select(m => m.User!.Email!).ToListAsync(Cancel);
            allowed.Sort(StringComparer.Ordinal);
        }
        var next = MeetingTimes.Next(group.Schedule, DateTime.UtcNow, 3);
        var movedTo = next[2].AddDays(1);
        await using (var scope = later.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            db.MeetingChanges.AddRange(
                new MeetingChange { GroupId = group.Id, OccurrenceStartUtc = next[1], Cancelled = true, Reason = "Holiday.", ChangedById = "x", ChangedAtUtc = DateTime.UtcNow },
                new MeetingChange { GroupId = group.Id, OccurrenceStartUtc = next[2], MovedToStartUtc = movedTo, Reason = "Room booked.", ChangedById = "x", ChangedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync(Cancel);
        }

        async Task<int> RunAtAsync(DateTime meetingUtc)
        {
            // Half-way through the 24-to-25-hour window before the meeting.
            clock.SetUtcNow(new DateTimeOffset(meetingUtc.AddHours(-24.5), TimeSpan.Zero));
            await using var scope = later.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MeetingReminders>().SendDueRemindersAsync(Cancel);
        }
        List<string> Recipients() => app.ReadOutbox().Where(m => m.Subject == Subject).Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal).ToList();

        Assert.True(await RunAtAsync(next[0]) >= allowed.Count);
        Assert.Equal(0, await RunAtAsync(next[0]));
        Assert.Equal(3, allowed.Count);
        Assert.Equal(allowed, Recipients());
        Assert.DoesNotContain(SaysNoToEmail, Recipients());

        var toMaria = app.ReadOutbox().Single(m => m.Subject == Subject && m.To.Mailboxes.Single().Address == PeerCircleAppFactory.MemberEmail);
        Assert.Empty(toMaria.Cc.Concat(toMaria.Bcc));
        Assert.Contains("7:30 PM your time (Eastern), which is", toMaria.TextBody, StringComparison.Ordinal);
        Assert.Contains("6:30 PM (Central time) where the group meets", toMaria.TextBody, StringComparison.Ordinal);
        Assert.Contains("Where: Northwestern Community Room, 251 E Huron St, Chicago, IL, 60611", toMaria.TextBody, StringComparison.Ordinal);
        Assert.Contains("send them a message", toMaria.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{PeerCircleAppFactory.PublicBaseUrl}/me/about", toMaria.TextBody, StringComparison.Ordinal);

        // The cancelled meeting gets no reminder; the moved one gets it a day before its new time, not its old one.
        await RunAtAsync(next[1]);
        await RunAtAsync(next[2]);
        Assert.Equal(3, Recipients().Count);
        await RunAtAsync(movedTo);
        Assert.Equal(allowed.Concat(allowed).Order(StringComparer.Ordinal), Recipients());
        Assert.All(app.ReadOutbox().Where(m => m.Subject == Subject).Skip(3), m =>
            Assert.Contains("this meeting was moved from its usual time", m.TextBody, StringComparison.Ordinal));

        await using var check = later.Services.CreateAsyncScope();
        var reminders = await check.ServiceProvider.GetRequiredService<PeerCircleDb>().MeetingReminders
            .Where(r => r.GroupId == group.Id).ToListAsync(Cancel);
        Assert.Equal(6, reminders.Count);
        Assert.Equal([next[0], next[2]], reminders.Select(r => r.OccurrenceStartUtc).Distinct().Order());
    }

    [Theory, AllProviders]
    public async Task AMemberWhoPrefersTexts_IsRemindedByText_WithoutTheGroupsName(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        // The clock starts early so that it only moves forward to the reminder time, however soon the meeting is.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-2));
        await using var later = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        Group group;
        string texterEmail;
        await using (var scope = later.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            group = await db.Groups.AsNoTracking().SingleAsync(g => g.Slug == Slug, Cancel);
            var texter = await db.GroupMemberships.Where(m => m.GroupId == group.Id && m.Status == MembershipStatus.Accepted)
                .OrderBy(m => m.UserId).Select(m => m.User!).FirstAsync(Cancel);
            texterEmail = texter.Email!;
            db.MemberProfiles.RemoveRange(db.MemberProfiles.Where(p => p.UserId == texter.Id));
            db.MemberProfiles.Add(new MemberProfile
            {
                UserId = texter.Id, MayText = true, PreferredChannel = ContactChannel.Text, Phone = "(312) 555-0142", UpdatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(Cancel);
        }
        var next = MeetingTimes.Next(group.Schedule, DateTime.UtcNow, 1)[0];
        clock.SetUtcNow(new DateTimeOffset(next.AddHours(-24.5), TimeSpan.Zero));

        await using (var scope = later.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MeetingReminders>().SendDueRemindersAsync(Cancel);
        }

        var text = Assert.Single(app.ReadTextOutbox(), t => t.To == "+13125550142").Body;
        Assert.StartsWith("PeerCircle: your group meets tomorrow, ", text, StringComparison.Ordinal);
        Assert.Contains($"The details are on your page: {PeerCircleAppFactory.PublicBaseUrl}/me Reply STOP", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cancer", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Breast", text, StringComparison.Ordinal);
        Assert.DoesNotContain(app.ReadOutbox(), m => m.Subject == Subject && m.To.Mailboxes.Single().Address == texterEmail);
        // The other members still get their e-mail.
        Assert.Contains(app.ReadOutbox(), m => m.Subject == Subject);
    }
}
