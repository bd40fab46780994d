using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;

namespace PeerCircle.IntegrationTests.Features.Meetings;

/// <summary>Members offer to present on a meeting's planned topic; the group's facilitators accept or decline.</summary>
public class PresentationOfferTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Dana Okafor leads the 90-minute Breast Cancer Survivors Circle; Maria G. (member@) is one of its members.
    private const string Slug = "breast-cancer-survivors-circle";
    private const string Sharing = "How I got through my first scan after treatment.";

    private sealed record Meeting(Guid GroupId, string Key)
    {
        public string PlanPath => $"/facilitator/groups/{GroupId}/plan/{Key}";
        public string OfferPath => $"/me/groups/{Slug}/present/{Key}";
    }

    private static async Task<Meeting> NextMeetingAsync(PeerCircleAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var group = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Groups.AsNoTracking().SingleAsync(g => g.Slug == Slug, Cancel);
        var next = (await scope.ServiceProvider.GetRequiredService<GroupCalendar>().NextMeetingsAsync(group, 1, Cancel))[0];
        return new Meeting(group.Id, ChangeMeeting.OccurrenceKey(next));
    }

    private static Task<HttpResponseMessage> PlanAsync(HttpClient lead, Meeting meeting, string topic) =>
        PeerCircleAppFactory.SubmitFormAsync(lead, meeting.PlanPath, "meeting-plan",
        [
            new("Plan.Minutes[CheckIn]", "18"), new("Plan.Minutes[Presentations]", "37"), new("Plan.Minutes[Exercise]", "18"),
            new("Plan.Minutes[Feedback]", "9"), new("Plan.Minutes[Confidentiality]", "4"), new("Plan.Minutes[Contact]", "4"),
            new("Plan.TopicSlug", topic), new("Plan.Presenters", ""),
        ], Cancel);

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));

    [Theory, AllProviders]
    public async Task AMemberOffers_TheFacilitatorAccepts_AndTheyAreListedAsPresenting(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var meeting = await NextMeetingAsync(app);
        using var lead = app.CreateClientWithCookies();
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        using var maria = app.CreateClientWithCookies();
        await app.SignInAsync(maria, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        // Before the meeting has a topic there is nothing to offer for.
        Assert.Contains("This meeting has no planned topic yet", PeerCircleAppFactory.VisibleTextOf(await maria.GetStringAsync(meeting.OfferPath, Cancel)), StringComparison.Ordinal);
        Assert.DoesNotContain(meeting.OfferPath, await maria.GetStringAsync("/me", Cancel), StringComparison.Ordinal);
        using (await PlanAsync(lead, meeting, "fear-of-recurrence"))
        {
        }

        // The member finds the offer from their page.
        Assert.Contains(meeting.OfferPath, await maria.GetStringAsync("/me", Cancel), StringComparison.Ordinal);
        using var empty = await PeerCircleAppFactory.SubmitFormAsync(maria, meeting.OfferPath, "present", [new("Offer.Action", "offer"), new("Offer.About", " ")], Cancel);
        Assert.Contains("Please say in a few words what you would like to share.", await TextAsync(empty), StringComparison.Ordinal);
        using var offered = await PeerCircleAppFactory.SubmitFormAsync(maria, meeting.OfferPath, "present", [new("Offer.Action", "offer"), new("Offer.About", Sharing)], Cancel);
        Assert.Contains("Thank you! Your facilitator will see your offer", await TextAsync(offered), StringComparison.Ordinal);
        Assert.Contains("Waiting for your facilitator", await TextAsync(offered), StringComparison.Ordinal);

        // The facilitator sees it on the plan and accepts it.
        var plan = PeerCircleAppFactory.VisibleTextOf(await lead.GetStringAsync(meeting.PlanPath, Cancel));
        Assert.Contains($"Maria G. {Sharing} Waiting for your answer", plan, StringComparison.Ordinal);
        long offerId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            offerId = (await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().PresentationOffers.SingleAsync(Cancel)).Id;
        }
        using var accepted = await PeerCircleAppFactory.SubmitFormAsync(lead, meeting.PlanPath, $"offer-{offerId}",
            [new("Decision.OfferId", offerId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Decision.Decision", "accept")], Cancel);

        var answered = await TextAsync(accepted);
        Assert.Contains("You accepted Maria G.'s offer.", answered, StringComparison.Ordinal);
        Assert.Contains("Offers you accepted are presenting as well: Maria G.", answered, StringComparison.Ordinal);
        Assert.Contains("Accepted: presenting", answered, StringComparison.Ordinal);
        var print = PeerCircleAppFactory.VisibleTextOf(await lead.GetStringAsync(meeting.PlanPath + "/print", Cancel));
        Assert.Contains($"Presenters Maria G.: {Sharing}", print, StringComparison.Ordinal);

        // The member sees the answer on their page and by e-mail.
        var mine = PeerCircleAppFactory.VisibleTextOf(await maria.GetStringAsync(meeting.OfferPath, Cancel));
        Assert.Contains("Accepted Your facilitator said yes.", mine, StringComparison.Ordinal);
        Assert.Single(app.ReadOutbox(), m => m.Subject == "Your offer to share at Breast Cancer Survivors Circle"
            && m.To.Mailboxes.Single().Address == PeerCircleAppFactory.MemberEmail);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var offer = await db.PresentationOffers.SingleAsync(Cancel);
            Assert.Equal(PresentationOfferStatus.Accepted, offer.Status);
            Assert.Equal(await app.UserIdAsync(PeerCircleAppFactory.FacilitatorEmail, Cancel), offer.DecidedById);
            var actions = await db.AuditEvents.Where(a => a.RecordId == offer.UserId).Select(a => a.Action).ToListAsync(Cancel);
            Assert.Contains("meetings.presentation-offered", actions);
            Assert.Contains("meetings.presentation-decided", actions);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "meetings.presentation-offers-viewed" && a.RecordId == meeting.GroupId.ToString(), Cancel));
        }

        // Until the meeting, the member can still withdraw.
        using var withdrawn = await PeerCircleAppFactory.SubmitFormAsync(maria, meeting.OfferPath, "withdraw", [new("Offer.Action", "withdraw")], Cancel);
        Assert.Contains("Your offer is withdrawn.", await TextAsync(withdrawn), StringComparison.Ordinal);
        Assert.DoesNotContain("Maria G.", PeerCircleAppFactory.VisibleTextOf(await lead.GetStringAsync(meeting.PlanPath, Cancel)).Split("Offers to present")[1].Split("Check-ins so far")[0], StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task ADeclinedOffer_ShowsTheMemberAKindNote(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var meeting = await NextMeetingAsync(app);
        using var lead = app.CreateClientWithCookies();
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        using var maria = app.CreateClientWithCookies();
        await app.SignInAsync(maria, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using (await PlanAsync(lead, meeting, "fear-of-recurrence"))
        using (await PeerCircleAppFactory.SubmitFormAsync(maria, meeting.OfferPath, "present", [new("Offer.Action", "offer"), new("Offer.About", Sharing)], Cancel))
        {
        }
        long offerId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            offerId = (await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().PresentationOffers.SingleAsync(Cancel)).Id;
        }

        using var declined = await PeerCircleAppFactory.SubmitFormAsync(lead, meeting.PlanPath, $"offer-{offerId}",
        [
            new("Decision.OfferId", offerId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Decision.Decision", "decline"),
            new("Decision.Reason", "Two people are sharing already; please offer again next month."),
        ], Cancel);

        Assert.Contains("You declined Maria G.'s offer.", await TextAsync(declined), StringComparison.Ordinal);
        var mine = PeerCircleAppFactory.VisibleTextOf(await maria.GetStringAsync(meeting.OfferPath, Cancel));
        Assert.Contains("Not this time Thank you for offering.", mine, StringComparison.Ordinal);
        Assert.Contains("This is not about you", mine, StringComparison.Ordinal);
        var message = Assert.Single(app.ReadOutbox(), m => m.Subject == "Your offer to share at Breast Cancer Survivors Circle");
        Assert.Contains("Two people are sharing already; please offer again next month.", message.TextBody, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task OnlyTheGroupsAcceptedMembers_CanOfferToPresent(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var meeting = await NextMeetingAsync(app);
        using var lead = app.CreateClientWithCookies();
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        using (await PlanAsync(lead, meeting, "fear-of-recurrence"))
        {
        }
        // member4 belongs to another group; member10 is on the waitlist of a third group, where a meeting key is as good as any.
        using var stranger = app.CreateClientWithCookies();
        await app.SignInAsync(stranger, "member4@demo.local", totp: false, Cancel);
        using var waiting = app.CreateClientWithCookies();
        await app.SignInAsync(waiting, "member10@demo.local", totp: false, Cancel);
        string waitlistedSlug;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var waitingId = await app.UserIdAsync("member10@demo.local", Cancel);
            waitlistedSlug = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().GroupMemberships
                .Where(m => m.UserId == waitingId && m.Status == MembershipStatus.Waitlisted).Select(m => m.Group!.Slug).SingleAsync(Cancel);
        }

        using var notAMember = await stranger.GetAsync(meeting.OfferPath, Cancel);
        using var postedAnyway = await stranger.PostAsync(meeting.OfferPath, new FormUrlEncodedContent(
            [new("_handler", "present"), new("Offer.Action", "offer"), new("Offer.About", Sharing)]), Cancel);
        using var onTheWaitlist = await waiting.GetAsync($"/me/groups/{waitlistedSlug}/present/{meeting.Key}", Cancel);
        using var staff = await lead.GetAsync(meeting.OfferPath, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, notAMember.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, postedAnyway.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onTheWaitlist.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, staff.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().PresentationOffers.AnyAsync(Cancel));
        }
    }
}
