using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Features.Consent;
using PeerCircle.Web.Infrastructure.Audit;
using static PeerCircle.IntegrationTests.Features.Outcomes.Surveys.SurveyTestKit;

namespace PeerCircle.IntegrationTests.Features.Outcomes.Surveys;

/// <summary>
/// The survey schedule: the baseline when a member is first accepted into a group, follow-ups on their days, missed once
/// closed, and reminders (by e-mail or text, as the member allows) at most twice, with nothing about their health.
/// </summary>
public class SurveyScheduleTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task Baseline_FromFirstAcceptance_FollowUpsOnTheirDays_MissedAfterClosing(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var timed = PeerCircle.IntegrationTests.Features.Safety.CaseTestKit.WithClock(app, clock);
        var instrumentId = await AddInstrumentAsync(app.Services, "schedule-test", [0, 56], Cancel);
        var memberId = await app.UserIdAsync("member33@demo.local", Cancel);
        var accepted = await DbAsync(app.Services, db => db.GroupMemberships
            .Where(m => m.UserId == memberId && m.Status == MembershipStatus.Accepted)
            .Select(m => m.StatusChangedAtUtc ?? m.CreatedAtUtc).MinAsync(Cancel));

        await SweepAsync(timed.Services, Cancel);
        var baseline = Assert.Single(await ResponsesAsync(app.Services, memberId, instrumentId, Cancel));
        Assert.Equal(0, baseline.DaysAfterJoining);
        Assert.Equal(SurveyStatus.Due, baseline.Status);
        Assert.Equal(accepted, baseline.JoinedAtUtc, TimeSpan.FromSeconds(1));
        Assert.Equal(baseline.JoinedAtUtc, baseline.DueAtUtc);
        Assert.Equal(baseline.DueAtUtc.AddDays(28), baseline.ClosesAtUtc);

        // Running again changes nothing: one baseline per member and instrument.
        await SweepAsync(timed.Services, Cancel);
        Assert.Single(await ResponsesAsync(app.Services, memberId, instrumentId, Cancel));

        // Day 55: the baseline closed unfinished; the 8-week follow-up is not due yet.
        clock.Advance(TimeSpan.FromDays(55));
        await SweepAsync(timed.Services, Cancel);
        var responses = await ResponsesAsync(app.Services, memberId, instrumentId, Cancel);
        Assert.Equal(SurveyStatus.Missed, Assert.Single(responses).Status);

        // Day 56: the follow-up is due, counted from the same join time.
        clock.Advance(TimeSpan.FromDays(1));
        await SweepAsync(timed.Services, Cancel);
        responses = await ResponsesAsync(app.Services, memberId, instrumentId, Cancel);
        Assert.Equal(2, responses.Count);
        var followUp = responses[1];
        Assert.Equal(56, followUp.DaysAfterJoining);
        Assert.Equal(SurveyStatus.Due, followUp.Status);
        Assert.Equal(baseline.JoinedAtUtc.AddDays(56), followUp.DueAtUtc);
        Assert.Equal(followUp.DueAtUtc.AddDays(28), followUp.ClosesAtUtc);

        // 28 days later it is missed too.
        clock.Advance(TimeSpan.FromDays(28));
        await SweepAsync(timed.Services, Cancel);
        Assert.All(await ResponsesAsync(app.Services, memberId, instrumentId, Cancel), r => Assert.Equal(SurveyStatus.Missed, r.Status));

        // Members who were never accepted into a group (still waiting) get no survey.
        var waitingId = await app.UserIdAsync("member10@demo.local", Cancel);
        Assert.Empty(await ResponsesAsync(app.Services, waitingId, instrumentId, Cancel));
    }

    [Theory, AllProviders]
    public async Task ANewVersion_MembersFinishOnTheVersionTheyStarted_NewMembersStartOnTheNewest(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var timed = PeerCircle.IntegrationTests.Features.Safety.CaseTestKit.WithClock(app, clock);
        var first = await AddInstrumentAsync(app.Services, "versioned-test", "1", [0, 56], Cancel);
        var startedId = await app.UserIdAsync("member33@demo.local", Cancel);
        var restartedId = await app.UserIdAsync("member34@demo.local", Cancel);
        var newcomerId = await app.UserIdAsync("member10@demo.local", Cancel);
        await SweepAsync(timed.Services, Cancel);
        Assert.Equal(0, Assert.Single(await ResponsesAsync(app.Services, startedId, first, Cancel)).DaysAfterJoining);

        // Version 2 arrives with the same schedule. One member's version 1 baseline is gone (deleted by hand), and a
        // member who was waiting is accepted into a group now.
        var second = await AddInstrumentAsync(app.Services, "versioned-test", "2", [0, 56], Cancel);
        await DbAsync(app.Services, async db =>
        {
            await db.SurveyResponses.Where(r => r.MemberId == restartedId && r.InstrumentId == first).ExecuteDeleteAsync(Cancel);
            var membership = await db.GroupMemberships.FirstAsync(m => m.UserId == newcomerId, Cancel);
            membership.Status = MembershipStatus.Accepted;
            membership.StatusChangedAtUtc = clock.GetUtcNow().UtcDateTime;
            return await db.SaveChangesAsync(Cancel);
        });
        await SweepAsync(timed.Services, Cancel);
        // Whoever started on version 1 is not asked the new version's baseline too; everyone without one gets version 2.
        Assert.Empty(await ResponsesAsync(app.Services, startedId, second, Cancel));
        Assert.Equal(0, Assert.Single(await ResponsesAsync(app.Services, restartedId, second, Cancel)).DaysAfterJoining);
        Assert.Equal(0, Assert.Single(await ResponsesAsync(app.Services, newcomerId, second, Cancel)).DaysAfterJoining);
        Assert.Empty(await ResponsesAsync(app.Services, newcomerId, first, Cancel));
        Assert.Equal(0, (await SweepAsync(timed.Services, Cancel)).Scheduled);

        // At 8 weeks each follow-up is on the member's own version, so it pairs with their baseline.
        clock.Advance(TimeSpan.FromDays(56));
        await SweepAsync(timed.Services, Cancel);
        Assert.Equal([0, 56], (await ResponsesAsync(app.Services, startedId, first, Cancel)).Select(r => r.DaysAfterJoining));
        Assert.Empty(await ResponsesAsync(app.Services, startedId, second, Cancel));
        Assert.Equal([0, 56], (await ResponsesAsync(app.Services, restartedId, second, Cancel)).Select(r => r.DaysAfterJoining));
        Assert.Empty(await ResponsesAsync(app.Services, restartedId, first, Cancel));
        Assert.Equal([0, 56], (await ResponsesAsync(app.Services, newcomerId, second, Cancel)).Select(r => r.DaysAfterJoining));
        Assert.Empty(await ResponsesAsync(app.Services, newcomerId, first, Cancel));
        // Nobody looks short of a survey they already have on the other version.
        Assert.Equal(0, (await SweepAsync(timed.Services, Cancel)).Scheduled);
    }

    [Theory, AllProviders]
    public async Task AfterLeaving_FollowUpsContinue_ButNeverAfterConsentIsWithdrawn(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var timed = PeerCircle.IntegrationTests.Features.Safety.CaseTestKit.WithClock(app, clock);
        var instrumentId = await AddInstrumentAsync(app.Services, "leaving-test", [0, 56, 365], Cancel);
        var leaverId = await app.UserIdAsync("member34@demo.local", Cancel);
        var withdrawnId = await app.UserIdAsync("member35@demo.local", Cancel);
        await SweepAsync(timed.Services, Cancel);

        // Both leave their groups; one also withdraws consent.
        await DbAsync(app.Services, async db =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var membership in await db.GroupMemberships.Where(m => m.UserId == leaverId || m.UserId == withdrawnId).ToListAsync(Cancel))
            {
                membership.Status = MembershipStatus.Left;
                membership.StatusChangedAtUtc = now;
            }
            db.ConsentWithdrawals.Add(new ConsentWithdrawal { UserId = withdrawnId, DocumentSlug = MemberConsent.ParticipantConsent, Version = 1, WithdrawnAtUtc = now });
            return await db.SaveChangesAsync(Cancel);
        });
        await SweepAsync(timed.Services, Cancel);
        // The withdrawn member's open baseline closes at once.
        Assert.Equal(SurveyStatus.Missed, Assert.Single(await ResponsesAsync(app.Services, withdrawnId, instrumentId, Cancel)).Status);

        clock.Advance(TimeSpan.FromDays(56));
        await SweepAsync(timed.Services, Cancel);
        Assert.Contains(await ResponsesAsync(app.Services, leaverId, instrumentId, Cancel), r => r.DaysAfterJoining == 56 && r.Status == SurveyStatus.Due);
        Assert.DoesNotContain(await ResponsesAsync(app.Services, withdrawnId, instrumentId, Cancel), r => r.DaysAfterJoining == 56);

        // Past 6 months nobody who left is asked again.
        clock.Advance(TimeSpan.FromDays(365 - 56));
        await SweepAsync(timed.Services, Cancel);
        Assert.DoesNotContain(await ResponsesAsync(app.Services, leaverId, instrumentId, Cancel), r => r.DaysAfterJoining == 365);
    }

    [Theory, AllProviders]
    public async Task Reminders_WhenDueAndAWeekLater_OnlyWithEmailAllowed_InTheMembersLanguage_WithoutHealthDetails(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var timed = PeerCircle.IntegrationTests.Features.Safety.CaseTestKit.WithClock(app, clock);
        var instrumentId = await AddInstrumentAsync(app.Services, "reminder-test", [0], Cancel);
        var memberId = await app.UserIdAsync("member33@demo.local", Cancel);
        var noEmailId = await app.UserIdAsync("member34@demo.local", Cancel);
        await ChangeProfileAsync(app.Services, noEmailId, p => p.MayEmail = false, Cancel);

        // A member who reads Spanish and not English.
        var spanishId = await app.UserIdAsync("member35@demo.local", Cancel);
        await ChangeProfileAsync(app.Services, spanishId, p => p.Languages = ["es"], Cancel);

        int To(string address) => app.ReadOutbox().Count(m => m.To.Mailboxes.Any(a => a.Address == address));

        await SweepAsync(timed.Services, Cancel);
        Assert.Equal(1, To("member33@demo.local"));
        Assert.Equal(0, To("member34@demo.local"));
        Assert.NotEmpty(await ResponsesAsync(app.Services, spanishId, instrumentId, Cancel));
        var spanish = app.ReadOutbox().Single(m => m.To.Mailboxes.Any(a => a.Address == "member35@demo.local"));
        Assert.Equal("Tiene una encuesta corta esperándole", spanish.Subject);
        Assert.StartsWith("Hola, ", spanish.TextBody, StringComparison.Ordinal);
        Assert.Equal("A short survey is waiting for you",
            app.ReadOutbox().Single(m => m.To.Mailboxes.Any(a => a.Address == "member33@demo.local")).Subject);
        var message = app.ReadOutbox().Single(m => m.To.Mailboxes.Any(a => a.Address == "member33@demo.local"));
        Assert.Single(message.To.Mailboxes);
        var body = message.TextBody;
        var response = Assert.Single(await ResponsesAsync(app.Services, memberId, instrumentId, Cancel));
        Assert.Contains($"{PeerCircleAppFactory.PublicBaseUrl}/me/survey", body, StringComparison.Ordinal);
        Assert.Contains("about 3 minutes", body, StringComparison.Ordinal);
        foreach (var health in new[] { "cancer", "Cancer", "score", "hope", "Test survey", "distress" })
        {
            Assert.DoesNotContain(health, body + message.Subject, StringComparison.Ordinal);
        }
        Assert.Equal(1, response.Reminders);

        // Not again the next day, nor on day 6.
        clock.Advance(TimeSpan.FromDays(6));
        await SweepAsync(timed.Services, Cancel);
        Assert.Equal(1, To("member33@demo.local"));

        // A week after the first, once more; then never again, however long it waits.
        clock.Advance(TimeSpan.FromDays(1));
        await SweepAsync(timed.Services, Cancel);
        Assert.Equal(2, To("member33@demo.local"));
        clock.Advance(TimeSpan.FromDays(8));
        await SweepAsync(timed.Services, Cancel);
        Assert.Equal(2, To("member33@demo.local"));
        Assert.Equal(0, To("member34@demo.local"));
        Assert.Equal(2, Assert.Single(await ResponsesAsync(app.Services, memberId, instrumentId, Cancel)).Reminders);
    }

    [Theory, AllProviders]
    public async Task Reminders_GoByText_ToMembersWhoPreferTexts_OrAllowOnlyTexts_ButNeverToALandline(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var timed = PeerCircle.IntegrationTests.Features.Safety.CaseTestKit.WithClock(app, clock);
        var instrumentId = await AddInstrumentAsync(app.Services, "text-reminder-test", [0], Cancel);
        var prefersTextsId = await app.UserIdAsync("member33@demo.local", Cancel);
        await ChangeProfileAsync(app.Services, prefersTextsId, p => (p.MayText, p.PreferredChannel, p.Phone) = (true, ContactChannel.Text, "(202) 456-1414"), Cancel);
        // Allows texts and not e-mail, and reads Spanish.
        var onlyTextsId = await app.UserIdAsync("member34@demo.local", Cancel);
        await ChangeProfileAsync(app.Services, onlyTextsId, p => (p.MayEmail, p.MayText, p.Phone, p.Languages) = (false, true, "202.456.1111", ["es"]), Cancel);
        // Allows texts and not e-mail, but gave a London landline.
        var landlineId = await app.UserIdAsync("member35@demo.local", Cancel);
        await ChangeProfileAsync(app.Services, landlineId, p => (p.MayEmail, p.MayText, p.Phone) = (false, true, "+44 20 7946 0958"), Cancel);

        await SweepAsync(timed.Services, Cancel);

        var english = Assert.Single(app.ReadTextOutbox(), t => t.To == "+12024561414").Body;
        var spanish = Assert.Single(app.ReadTextOutbox(), t => t.To == "+12024561111").Body;
        Assert.DoesNotContain(app.ReadTextOutbox(), t => t.To.StartsWith("+44", StringComparison.Ordinal));
        Assert.DoesNotContain(app.ReadOutbox(), m => m.To.Mailboxes.Any(a => a.Address is "member33@demo.local" or "member34@demo.local" or "member35@demo.local"));
        Assert.StartsWith("PeerCircle: a short survey is waiting for you (about 3 minutes).", english, StringComparison.Ordinal);
        Assert.Contains($"{PeerCircleAppFactory.PublicBaseUrl}/me/survey", english, StringComparison.Ordinal);
        Assert.EndsWith("Reply STOP to stop texts.", english, StringComparison.Ordinal);
        Assert.StartsWith("PeerCircle: tiene una encuesta corta esperándole", spanish, StringComparison.Ordinal);
        foreach (var health in new[] { "cancer", "Cancer", "score", "hope", "Test survey", "distress" })
        {
            Assert.DoesNotContain(health, english, StringComparison.Ordinal);
        }
        Assert.Equal(1, Assert.Single(await ResponsesAsync(app.Services, prefersTextsId, instrumentId, Cancel)).Reminders);
        Assert.Equal(0, Assert.Single(await ResponsesAsync(app.Services, landlineId, instrumentId, Cancel)).Reminders);
        var audited = await DbAsync(app.Services, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.OutcomesSurveyReminded && e.RecordId == prefersTextsId).Select(e => e.Detail).ToListAsync(Cancel));
        // One text for all the surveys waiting; each survey notes it.
        Assert.NotEmpty(audited);
        Assert.All(audited, detail => Assert.EndsWith("text reminder 1.", detail, StringComparison.Ordinal));
    }
}
