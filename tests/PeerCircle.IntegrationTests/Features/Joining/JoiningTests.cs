using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.TestHost;
using PeerCircle.Data;
using PeerCircle.Data.Content;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Consent;
using PeerCircle.Web.Features.Joining;
using static PeerCircle.IntegrationTests.Features.Joining.MemberSetup;

namespace PeerCircle.IntegrationTests.Features.Joining;

/// <summary>Asking to join: the steps first, then open, closed and full groups, the waitlist and its offers.</summary>
public class JoiningTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string OpenInPerson = "Breast Cancer Survivors Circle";
    private const string ClosedInPerson = "After Loss: Bereavement Group";
    private const string OpenVideo = "Caregivers Evening Circle";

    private static async Task<string> JoinAsync(HttpClient client, Group group)
    {
        using var response = await PeerCircleAppFactory.SubmitFormAsync(client, $"/groups/{group.Slug}?ref=oncologist", "join", [], Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
    }

    /// <summary>A signed-in demo member who is not in the group yet and has done every step before joining.</summary>
    private static async Task<(HttpClient Client, string Email, string UserId)> ReadyMemberAsync(PeerCircleAppFactory app, Group group)
    {
        var email = await OutsiderAsync(app, group.Id);
        var userId = await ReadyToJoinAsync(app, email, emergencyContact: false, Cancel);
        var client = app.CreateClientWithCookies();
        await app.SignInAsync(client, email, totp: false, Cancel);
        return (client, email, userId);
    }

    private static Task<GroupMembership?> MembershipAsync(PeerCircleAppFactory app, Guid groupId, string userId) =>
        WithDbAsync(app, db => db.GroupMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.GroupId == groupId && m.UserId == userId, Cancel));

    [Theory, AllProviders]
    public async Task ANewMember_SeesTheStepsFirst_AndCannotJoinUntilTheyAreDone(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app, OpenInPerson);
        var email = await OutsiderAsync(app, group.Id);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, email, totp: false, Cancel);

        var page = await JoinAsync(member, group);

        Assert.Contains("Before you join, there are a few short steps.", page, StringComparison.Ordinal);
        Assert.Contains("Tell us a little about you", page, StringComparison.Ordinal);
        Assert.Contains("Read and sign the consent", page, StringComparison.Ordinal);
        Assert.Contains("Read our guide to contact between members outside meetings", page, StringComparison.Ordinal);
        Assert.Null(await MembershipAsync(app, group.Id, await app.UserIdAsync(email, Cancel)));
    }

    [Theory, AllProviders]
    public async Task AnOpenGroupWithSpace_TakesTheMemberAtOnce_AndRemembersWhereTheyHeardOfIt(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app, OpenInPerson);
        var (member, email, userId) = await ReadyMemberAsync(app, group);
        using var _ = member;

        var page = await JoinAsync(member, group);

        Assert.Contains("Welcome! You are now a member of this group.", page, StringComparison.Ordinal);
        var membership = await MembershipAsync(app, group.Id, userId);
        Assert.Equal(MembershipStatus.Accepted, membership!.Status);
        Assert.Equal(PeerCircle.Data.Members.ReferralSource.Oncologist, membership.ReferralSource);
        Assert.Single(app.ReadOutbox(), m => m.Subject == $"Welcome to {group.Name}" && m.To.Mailboxes.Single().Address == email);
        var home = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me", Cancel));
        Assert.Contains($"{group.Name} Member Next meeting:", home, StringComparison.Ordinal);
        Assert.Contains("251 E Huron St", home, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task PhoneVideoAndOnlineGroups_NeedAnEmergencyContactFirst(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app, OpenVideo);
        var (member, email, userId) = await ReadyMemberAsync(app, group);
        using var _ = member;

        var page = await JoinAsync(member, group);

        Assert.Contains("Add an emergency contact (needed for phone, video and online groups)", page, StringComparison.Ordinal);
        Assert.Null(await MembershipAsync(app, group.Id, userId));
    }

    [Theory, AllProviders]
    public async Task AClosedGroup_SendsTheRequestToItsFacilitator_WhoArrangesACallAndThenWelcomesThem(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app, ClosedInPerson);
        var (member, email, userId) = await ReadyMemberAsync(app, group);
        using var _ = member;

        var page = await JoinAsync(member, group);

        Assert.Contains("Your request has gone to the facilitator", page, StringComparison.Ordinal);
        Assert.Single(app.ReadOutbox(), m => m.Subject == $"A request to join {group.Name}" && m.To.Mailboxes.Single().Address == "facilitator3@demo.local");
        var membership = (await MembershipAsync(app, group.Id, userId))!;
        Assert.Equal(MembershipStatus.Requested, membership.Status);

        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, "facilitator3@demo.local", totp: true, Cancel);
        var path = $"/facilitator/groups/{group.Id}/requests";
        var requests = PeerCircleAppFactory.VisibleTextOf(await facilitator.GetStringAsync(path, Cancel));
        Assert.Contains("Here as I have or had cancer", requests, StringComparison.Ordinal);
        using var noReason = await PeerCircleAppFactory.SubmitFormAsync(facilitator, path, $"decide-{membership.Id}",
            [new("Decision.MembershipId", membership.Id.ToString()), new("Decision.Decision", "decline")], Cancel);
        Assert.Contains("Please write a short, kind reason", PeerCircleAppFactory.VisibleTextOf(await noReason.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        var callDay = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var call = await PeerCircleAppFactory.SubmitFormAsync(facilitator, path, $"decide-{membership.Id}",
            [new("Decision.MembershipId", membership.Id.ToString()), new("Decision.Decision", "prescreen"), new("Decision.PrescreenDate", callDay), new("Decision.PrescreenTime", "14:30")], Cancel);
        Assert.Contains("The call with", PeerCircleAppFactory.VisibleTextOf(await call.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Single(app.ReadOutbox(), m => m.Subject == $"A short call about joining {group.Name}" && (m.TextBody ?? "").Contains("2:30 PM (Pacific time)", StringComparison.Ordinal));
        using var accept = await PeerCircleAppFactory.SubmitFormAsync(facilitator, path, $"decide-{membership.Id}",
            [new("Decision.MembershipId", membership.Id.ToString()), new("Decision.Decision", "accept")], Cancel);
        Assert.Contains("is now a member.", PeerCircleAppFactory.VisibleTextOf(await accept.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Accepted, (await MembershipAsync(app, group.Id, userId))!.Status);

        // Another group's facilitator, and members, cannot see these requests.
        using var other = app.CreateClientWithCookies();
        await app.SignInAsync(other, "facilitator2@demo.local", totp: true, Cancel);
        using var notTheirs = await other.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        using var asMember = await member.GetAsync(path, Cancel);
        Assert.NotEqual(HttpStatusCode.OK, asMember.StatusCode);
    }

    [Theory, AllProviders]
    public async Task AFullGroup_Waitlists_ThenOffersAFreedPlaceToTheFirstInLine_AndALapsedOfferMovesOn(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app, OpenInPerson);
        var taken = await WithDbAsync(app, db => db.GroupMemberships.CountAsync(m => m.GroupId == group.Id && GroupPlaces.HoldingPlace.Contains(m.Status), Cancel));
        await WithDbAsync(app, db => db.Groups.Where(g => g.Id == group.Id).ExecuteUpdateAsync(g => g.SetProperty(x => x.Capacity, taken), Cancel));
        var first = await OutsiderAsync(app, group.Id, 0);
        var second = await OutsiderAsync(app, group.Id, 1);
        var firstId = await ReadyToJoinAsync(app, first, emergencyContact: false, Cancel);
        var secondId = await ReadyToJoinAsync(app, second, emergencyContact: false, Cancel);
        using var firstClient = app.CreateClientWithCookies();
        await app.SignInAsync(firstClient, first, totp: false, Cancel);
        using var secondClient = app.CreateClientWithCookies();
        await app.SignInAsync(secondClient, second, totp: false, Cancel);

        Assert.Contains("You are number 1 in line.", await JoinAsync(firstClient, group), StringComparison.Ordinal);
        Assert.Contains("You are number 2 in line.", await JoinAsync(secondClient, group), StringComparison.Ordinal);

        // A member leaves: the first in line is offered the place, by e-mail, for 72 hours.
        using var leaver = app.CreateClientWithCookies();
        await app.SignInAsync(leaver, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var left = await PeerCircleAppFactory.SubmitFormAsync(leaver, "/me", $"membership-{group.Id}",
            [new("Change.GroupId", group.Id.ToString()), new("Change.Action", "Leave")], Cancel);
        Assert.Contains("Done. You have left.", PeerCircleAppFactory.VisibleTextOf(await left.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        var offer = (await MembershipAsync(app, group.Id, firstId))!;
        Assert.Equal(MembershipStatus.Offered, offer.Status);
        Assert.InRange(offer.OfferExpiresAtUtc!.Value, DateTime.UtcNow.AddHours(71), DateTime.UtcNow.AddHours(73));
        Assert.Single(app.ReadOutbox(), m => m.Subject == $"A place is open for you in {group.Name}" && m.To.Mailboxes.Single().Address == first);
        Assert.Equal(MembershipStatus.Waitlisted, (await MembershipAsync(app, group.Id, secondId))!.Status);
        Assert.Contains($"A place is open for you in {group.Name}", PeerCircleAppFactory.VisibleTextOf(await firstClient.GetStringAsync("/me", Cancel)), StringComparison.Ordinal);

        // Three days pass without an answer: the offer lapses, goes to the next person, and the first goes to the back.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(73));
        await using (var later = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock))))
        await using (var scope = later.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<GroupPlaces>().OfferFreePlacesEverywhereAsync(Cancel);
        }
        Assert.Equal(MembershipStatus.Waitlisted, (await MembershipAsync(app, group.Id, firstId))!.Status);
        Assert.Equal(MembershipStatus.Offered, (await MembershipAsync(app, group.Id, secondId))!.Status);
        Assert.Single(app.ReadOutbox(), m => m.Subject == $"Your place in {group.Name}" && m.To.Mailboxes.Single().Address == first);

        using var accepted = await PeerCircleAppFactory.SubmitFormAsync(secondClient, "/me", $"offer-{group.Id}",
            [new("Change.GroupId", group.Id.ToString()), new("Change.Action", "AcceptOffer")], Cancel);
        Assert.Contains("Welcome! The place is yours.", PeerCircleAppFactory.VisibleTextOf(await accepted.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Accepted, (await MembershipAsync(app, group.Id, secondId))!.Status);
    }

    [Theory, AllProviders]
    public async Task ANewConsentVersion_BlocksJoiningUntilItIsSigned(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app, OpenInPerson);
        var email = await OutsiderAsync(app, group.Id);
        var userId = await ReadyToJoinAsync(app, email, emergencyContact: false, Cancel);
        await WithDbAsync(app, async db =>
        {
            var current = await db.ContentRevisions.Where(r => r.Kind == ContentKinds.MemberDocument && r.Slug == MemberConsent.ParticipantConsent).MaxAsync(r => r.Number, Cancel);
            db.ContentRevisions.Add(new ContentRevision
            {
                Kind = ContentKinds.MemberDocument, Slug = MemberConsent.ParticipantConsent, Number = current + 1, Source = "new text",
                Fingerprint = "new", Summary = "Clearer words on recording.", EditedByName = "coordinator", SavedAtUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync(Cancel);
        });
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, email, totp: false, Cancel);

        var page = await JoinAsync(member, group);

        Assert.Contains("Read and sign the consent", page, StringComparison.Ordinal);
        Assert.Null(await MembershipAsync(app, group.Id, userId));
    }

    [Theory, AllProviders]
    public async Task SomeoneWaitingWhileAPlaceIsFree_IsOfferedItFirst_ThenTheNewcomerJoinsIfThereIsStillRoom(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app, OpenInPerson);
        var waitingEmail = await OutsiderAsync(app, group.Id, 0);
        var waitingId = await app.UserIdAsync(waitingEmail, Cancel);
        await WithDbAsync(app, async db =>
        {
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = waitingId, Status = MembershipStatus.Waitlisted, CreatedAtUtc = DateTime.UtcNow, WaitlistedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync(Cancel);
        });
        var (member, email, userId) = await ReadyMemberAsync(app, group);
        using var _ = member;

        var page = await JoinAsync(member, group);

        Assert.Contains("Welcome! You are now a member of this group.", page, StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Offered, (await MembershipAsync(app, group.Id, waitingId))!.Status);
        Assert.Equal(MembershipStatus.Accepted, (await MembershipAsync(app, group.Id, userId))!.Status);
    }
}
