using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Safety;

namespace PeerCircle.IntegrationTests.Features.Safety;

/// <summary>The referral coach: facilitators refer only their own members, record outcomes, and send resources to members.</summary>
public class ReferralCoachTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A member in a group Dana leads or co-leads, and a member in none of her groups.</summary>
    private static async Task<(string Own, string OwnEmail, string Other)> MembersAsync(PeerCircleAppFactory app)
    {
        var danaId = await app.UserIdAsync(PeerCircleAppFactory.FacilitatorEmail, Cancel);
        return await ResourceDirectoryTests.WithDbAsync(app, async db =>
        {
            var mine = await db.GroupMemberships.Where(m => m.Status == MembershipStatus.Accepted
                    && (m.Group!.LeadFacilitatorId == danaId || m.Group.CoFacilitatorId == danaId))
                .Select(m => new { m.UserId, m.User!.Email }).ToListAsync(Cancel);
            var mineIds = mine.Select(m => m.UserId).ToHashSet();
            var others = await db.GroupMemberships.Where(m => m.Status == MembershipStatus.Accepted)
                .Select(m => m.UserId).Distinct().ToListAsync(Cancel);
            var own = mine.OrderBy(m => m.Email).First();
            return (own.UserId, own.Email!, others.First(id => !mineIds.Contains(id) && id != danaId));
        });
    }

    private static async Task<HttpClient> FacilitatorAsync(PeerCircleAppFactory app)
    {
        var client = app.CreateClientWithCookies();
        await app.SignInAsync(client, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        return client;
    }

    [Theory, AllProviders]
    public async Task Coach_IsOnlyForTheFacilitatorsOwnMembers(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var (own, _, other) = await MembersAsync(app);
        using var facilitator = await FacilitatorAsync(app);

        var home = await facilitator.GetStringAsync("/facilitator", Cancel);
        Assert.Contains($"/facilitator/referrals/new?member={own}", home, StringComparison.Ordinal);

        using var mine = await facilitator.GetAsync($"/facilitator/referrals/new?member={own}&need=financial-help", Cancel);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var page = PeerCircleAppFactory.VisibleTextOf(await mine.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Patient Advocate Foundation", page, StringComparison.Ordinal);
        Assert.Contains("How to offer a referral", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Hope Lodge", page, StringComparison.Ordinal);

        using var notMine = await facilitator.GetAsync($"/facilitator/referrals/new?member={other}&need=financial-help", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        using var nobody = await facilitator.GetAsync("/facilitator/referrals/new?member=not-a-person", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);

        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        using var anyMember = await coordinator.GetAsync($"/facilitator/referrals/new?member={other}", Cancel);
        Assert.Equal(HttpStatusCode.OK, anyMember.StatusCode);

        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var forbidden = await member.GetAsync($"/facilitator/referrals/new?member={own}", Cancel);
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        Assert.True(await ResourceDirectoryTests.WithDbAsync(app, db => db.AuditEvents.AnyAsync(e => e.Action == "safety.referral-coach-opened" && e.RecordId == own, Cancel)));
    }

    [Theory, AllProviders]
    public async Task Referral_IsRecorded_AndLaterItsOutcome(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var (own, _, _) = await MembersAsync(app);
        using var facilitator = await FacilitatorAsync(app);
        var resourceId = await ResourceDirectoryTests.WithDbAsync(app, db => db.Resources.Where(r => r.Name == "Patient Advocate Foundation").Select(r => r.Id).SingleAsync(Cancel));
        var path = $"/facilitator/referrals/new?member={own}&need=financial-help";

        using var bad = await PeerCircleAppFactory.SubmitFormAsync(facilitator, path, "record-referral",
            [new("Referral.FollowUpOn", "2001-01-01"), new("Referral.Note", "")], Cancel);
        var badPage = PeerCircleAppFactory.VisibleTextOf(await bad.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Please choose the resource you offered.", badPage, StringComparison.Ordinal);
        Assert.Contains("Please choose a follow-up date from today", badPage, StringComparison.Ordinal);

        // Today on the program's clock (Eastern), which is a day behind UTC's in the evening.
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"))
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var recorded = await PeerCircleAppFactory.SubmitFormAsync(facilitator, path, "record-referral",
            [new("Referral.ResourceId", resourceId.ToString()), new("Referral.FollowUpOn", today), new("Referral.Note", "Bills after surgery")], Cancel);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var referral = await ResourceDirectoryTests.WithDbAsync(app, db => db.OutsideReferrals.SingleAsync(Cancel));
        Assert.Equal(own, referral.MemberId);
        Assert.Equal(ResourceCategory.FinancialHelp, referral.Need);
        Assert.Equal(ReferralOutcome.Pending, referral.Outcome);

        var list = PeerCircleAppFactory.VisibleTextOf(await facilitator.GetStringAsync("/facilitator/referrals", Cancel));
        Assert.Contains("Follow-ups due (1)", list, StringComparison.Ordinal);
        Assert.Contains("Patient Advocate Foundation", list, StringComparison.Ordinal);

        using var outcome = await PeerCircleAppFactory.SubmitFormAsync(facilitator, "/facilitator/referrals", $"outcome-{referral.Id}",
            [new("Outcome.ReferralId", referral.Id.ToString(CultureInfo.InvariantCulture)), new("Outcome.Outcome", "Connected"), new("Outcome.Note", "")], Cancel);
        var after = PeerCircleAppFactory.VisibleTextOf(await outcome.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Saved how it went.", after, StringComparison.Ordinal);
        Assert.Contains("Follow-ups due (0)", after, StringComparison.Ordinal);
        var saved = await ResourceDirectoryTests.WithDbAsync(app, db => db.OutsideReferrals.SingleAsync(Cancel));
        Assert.Equal(ReferralOutcome.Connected, saved.Outcome);
        Assert.NotNull(saved.OutcomeAtUtc);

        // Another facilitator cannot see or change it.
        using var someoneElse = app.CreateClientWithCookies();
        await app.SignInAsync(someoneElse, "facilitator2@demo.local", totp: true, Cancel);
        var theirs = PeerCircleAppFactory.VisibleTextOf(await someoneElse.GetStringAsync("/facilitator/referrals", Cancel));
        Assert.DoesNotContain("Patient Advocate Foundation", theirs, StringComparison.Ordinal);
        using var sneaky = await PeerCircleAppFactory.SubmitFormAsync(someoneElse, "/facilitator/referrals", $"outcome-{referral.Id}",
            [new("Outcome.ReferralId", referral.Id.ToString(CultureInfo.InvariantCulture)), new("Outcome.Outcome", "Declined")], Cancel);
        Assert.Equal(ReferralOutcome.Connected, (await ResourceDirectoryTests.WithDbAsync(app, db => db.OutsideReferrals.SingleAsync(Cancel))).Outcome);
    }

    [Theory, AllProviders]
    public async Task ResourceSentToAMember_ShowsOnTheirPage_AndTheyGetANoteWithoutDetails(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var (own, ownEmail, _) = await MembersAsync(app);
        using var facilitator = await FacilitatorAsync(app);
        var resourceId = await ResourceDirectoryTests.WithDbAsync(app, db => db.Resources.Where(r => r.Name == "Hope Lodge").Select(r => r.Id).SingleAsync(Cancel));

        using var sent = await PeerCircleAppFactory.SubmitFormAsync(facilitator, $"/facilitator/referrals/new?member={own}&need=lodging", "send-resource",
            [new("Share.ResourceId", resourceId.ToString()), new("Share.Message", "The place I mentioned on Tuesday.")], Cancel);
        Assert.Contains("Sent.", PeerCircleAppFactory.VisibleTextOf(await sent.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);

        var note = Assert.Single(app.ReadOutbox(), m => m.Subject == "Your facilitator sent you something on PeerCircle");
        Assert.Equal(ownEmail, note.To.Mailboxes.Single().Address);
        Assert.DoesNotContain("Hope Lodge", note.TextBody, StringComparison.Ordinal);

        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, ownEmail, totp: false, Cancel);
        var me = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me", Cancel));
        Assert.Contains("Sent to you by your facilitator", me, StringComparison.Ordinal);
        Assert.Contains("Hope Lodge", me, StringComparison.Ordinal);
        Assert.Contains("The place I mentioned on Tuesday.", me, StringComparison.Ordinal);
        Assert.NotNull((await ResourceDirectoryTests.WithDbAsync(app, db => db.ResourceShares.SingleAsync(Cancel))).SeenAtUtc);
    }
}
