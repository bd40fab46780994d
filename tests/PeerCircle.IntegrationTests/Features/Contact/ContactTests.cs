using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Members;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.IntegrationTests.Features.Contact;

/// <summary>The group contact sheet shows only what members chose to share; facilitators reach members through PeerCircle.</summary>
public class ContactTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Accepted members of the breast cancer group in the demo: member, member11, member21 and member31.
    // Dana Okafor (facilitator) leads it; Tom Becker (facilitator4) leads other groups; member12 belongs to another group.
    private const string BreastGroup = "breast-cancer-survivors-circle";

    private static async Task<T> WithDbAsync<T>(PeerCircleAppFactory app, Func<PeerCircleDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }

    private static Task<int> SaveProfileAsync(PeerCircleAppFactory app, string userId, string? phone, bool mayEmail) =>
        WithDbAsync(app, db =>
        {
            db.MemberProfiles.Add(new MemberProfile { UserId = userId, Phone = phone, MayEmail = mayEmail, UpdatedAtUtc = DateTime.UtcNow });
            return db.SaveChangesAsync(Cancel);
        });

    private static Task<Guid> GroupIdAsync(PeerCircleAppFactory app, string slug) =>
        WithDbAsync(app, db => db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync(Cancel));

    private async Task<HttpClient> MemberAsync(PeerCircleAppFactory app, string email)
    {
        var client = app.CreateClientWithCookies();
        await app.SignInAsync(client, email, totp: false, Cancel);
        return client;
    }

    [Theory, AllProviders]
    public async Task TheContactSheet_ShowsOnlyMembersWhoChoseToShare_AndOnlyWhatTheyChose(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var phoneSharer = await WithDbAsync(app, db => db.Users.SingleAsync(u => u.Email == "member11@demo.local", Cancel));
        var emailSharer = await WithDbAsync(app, db => db.Users.SingleAsync(u => u.Email == "member21@demo.local", Cancel));
        var keepsPrivate = await WithDbAsync(app, db => db.Users.SingleAsync(u => u.Email == PeerCircleAppFactory.MemberEmail, Cancel));
        await SaveProfileAsync(app, phoneSharer.Id, "312-555-0199", mayEmail: true);
        await SaveProfileAsync(app, emailSharer.Id, "773-555-0123", mayEmail: true);
        await SaveProfileAsync(app, keepsPrivate.Id, "847-555-0111", mayEmail: true);

        using (var member11 = await MemberAsync(app, phoneSharer.Email!))
        {
            var choices = PeerCircleAppFactory.VisibleTextOf(await member11.GetStringAsync($"/me/groups/{BreastGroup}/contact", Cancel));
            Assert.Contains("Nothing about you is shared unless you tick it here", choices, StringComparison.Ordinal);
            using var saved = await PeerCircleAppFactory.SubmitFormAsync(member11, $"/me/groups/{BreastGroup}/contact", "contact-choices",
                [new("Choices.Share", "name"), new("Choices.Share", "phone")], Cancel);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Contains("Your choices are saved.", await member11.GetStringAsync(saved.Headers.Location!.PathOf(), Cancel), StringComparison.Ordinal);
        }
        using (var member21 = await MemberAsync(app, emailSharer.Email!))
        {
            using var saved = await PeerCircleAppFactory.SubmitFormAsync(member21, $"/me/groups/{BreastGroup}/contact", "contact-choices",
                [new("Choices.Share", "email")], Cancel);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using var member31 = await MemberAsync(app, "member31@demo.local");

        using var response = await member31.GetAsync($"/groups/{BreastGroup}/contacts", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        var sheet = PeerCircleAppFactory.VisibleTextOf(html);
        Assert.Contains($"{phoneSharer.DisplayName} Not shared 312-555-0199", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain(phoneSharer.Email!, html, StringComparison.Ordinal);
        Assert.Contains($"Not shared {emailSharer.Email} Not shared", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain(emailSharer.DisplayName, sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("773-555-0123", html, StringComparison.Ordinal);
        Assert.DoesNotContain(keepsPrivate.DisplayName, sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("847-555-0111", html, StringComparison.Ordinal);
        Assert.DoesNotContain(phoneSharer.FullName, sheet, StringComparison.Ordinal);
        Assert.Contains("Please keep this list private.", sheet, StringComparison.Ordinal);

        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        Assert.Contains("312-555-0199", await facilitator.GetStringAsync($"/groups/{BreastGroup}/contacts", Cancel), StringComparison.Ordinal);

        var member31Id = await app.UserIdAsync("member31@demo.local", Cancel);
        var groupId = (await GroupIdAsync(app, BreastGroup)).ToString();
        Assert.True(await WithDbAsync(app, db => db.AuditEvents.AnyAsync(
            e => e.Action == AuditActions.ContactSheetViewed && e.RecordId == groupId && e.ActorUserId == member31Id, Cancel)));
        var change = await WithDbAsync(app, db => db.AuditEvents.SingleAsync(
            e => e.Action == AuditActions.ContactChoicesChanged && e.ActorUserId == phoneSharer.Id, Cancel));
        Assert.Contains("name: shared, e-mail: not shared, phone: shared", change.Detail, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task SharingAPhoneNumber_ThatWasNeverGiven_SaysWhatToDo_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = await MemberAsync(app, PeerCircleAppFactory.MemberEmail);

        using var response = await PeerCircleAppFactory.SubmitFormAsync(member, $"/me/groups/{BreastGroup}/contact", "contact-choices",
            [new("Choices.Share", "name"), new("Choices.Share", "phone")], Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You have not given us a phone number, so there is none to share.",
            PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        var memberId = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);
        Assert.False(await WithDbAsync(app, db => db.GroupMemberships.AnyAsync(m => m.UserId == memberId && m.ShareNameOnContactSheet, Cancel)));
    }

    [Theory, AllProviders]
    public async Task TheContactSheet_IsNotFound_ForAMemberOfAnotherGroup_ARequestStillWaiting_OrAFacilitatorOfAnotherGroup(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var otherGroupMember = await MemberAsync(app, "member12@demo.local");
        using var stillWaiting = await MemberAsync(app, "member22@demo.local");
        using var otherFacilitator = app.CreateClientWithCookies();
        await app.SignInAsync(otherFacilitator, "facilitator4@demo.local", totp: true, Cancel);

        foreach (var (client, path) in new[]
        {
            (otherGroupMember, $"/groups/{BreastGroup}/contacts"),
            (otherGroupMember, $"/me/groups/{BreastGroup}/contact"),
            (stillWaiting, "/groups/caregivers-evening-circle/contacts"),
            (stillWaiting, "/me/groups/caregivers-evening-circle/contact"),
            (otherFacilitator, $"/groups/{BreastGroup}/contacts"),
            (otherGroupMember, "/groups/no-such-group/contacts"),
        })
        {
            using var response = await client.GetAsync(path, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path} answered {(int)response.StatusCode}, not 404.");
        }
        using var ownGroup = await otherGroupMember.GetAsync("/groups/caregivers-evening-circle/contacts", Cancel);
        Assert.Equal(HttpStatusCode.OK, ownGroup.StatusCode);
    }

    [Theory, AllProviders]
    public async Task AMessageToEveryone_GoesOnePerMember_SkipsThoseWhoSaidNoToEmail_AndNeverShowsAddresses(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var saidNo = await app.UserIdAsync("member21@demo.local", Cancel);
        await SaveProfileAsync(app, saidNo, null, mayEmail: false);
        var groupId = await GroupIdAsync(app, BreastGroup);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var path = $"/facilitator/groups/{groupId}/message";

        var form = await facilitator.GetStringAsync(path, Cancel);
        Assert.DoesNotContain("@demo.local", form, StringComparison.Ordinal);
        using var response = await PeerCircleAppFactory.SubmitFormAsync(facilitator, path, "message-members",
            [new("Message.To", "all"), new("Message.Subject", "Room change on Tuesday"), new("Message.Body", "We meet in Room 204 this week. See you there!")], Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var result = PeerCircleAppFactory.VisibleTextOf(await facilitator.GetStringAsync(response.Headers.Location!.PathOf(), Cancel));
        Assert.Contains("Your message went to 3 members, each by their own e-mail.", result, StringComparison.Ordinal);
        Assert.Contains("1 member asked not to get e-mail", result, StringComparison.Ordinal);
        var sent = app.ReadOutbox().Where(m => m.Subject == "Breast Cancer Survivors Circle: Room change on Tuesday").ToList();
        Assert.Equal(["member11@demo.local", "member31@demo.local", "member@demo.local"],
            sent.Select(m => Assert.Single(m.To.Mailboxes).Address).Order(StringComparer.Ordinal));
        foreach (var message in sent)
        {
            Assert.Empty(message.Cc);
            Assert.Empty(message.Bcc);
            Assert.Empty(message.ReplyTo);
            Assert.Contains("We meet in Room 204 this week.", message.TextBody, StringComparison.Ordinal);
            Assert.Contains("Dana O., a facilitator of Breast Cancer Survivors Circle", message.TextBody, StringComparison.Ordinal);
        }
        var audited = await WithDbAsync(app, db => db.AuditEvents.Where(e => e.Action == AuditActions.MemberMessaged).ToListAsync(Cancel));
        Assert.Equal(3, audited.Count);
        Assert.DoesNotContain(audited, e => e.RecordId == saidNo);
        Assert.All(audited, e => Assert.DoesNotContain("Room 204", e.Detail ?? "", StringComparison.Ordinal));
    }

    [Theory, AllProviders]
    public async Task AMessage_WithNoSubjectOrBody_OrToAMemberWhoSaidNo_SaysWhatToFix_AndSendsNothing(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var saidNo = await app.UserIdAsync("member21@demo.local", Cancel);
        await SaveProfileAsync(app, saidNo, null, mayEmail: false);
        var groupId = await GroupIdAsync(app, BreastGroup);
        var membershipId = await WithDbAsync(app, db => db.GroupMemberships.Where(m => m.GroupId == groupId && m.UserId == saidNo).Select(m => m.Id).SingleAsync(Cancel));
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var path = $"/facilitator/groups/{groupId}/message";

        using var empty = await PeerCircleAppFactory.SubmitFormAsync(facilitator, path, "message-members",
            [new("Message.To", "all"), new("Message.Subject", " "), new("Message.Body", "")], Cancel);
        using var toSaidNo = await PeerCircleAppFactory.SubmitFormAsync(facilitator, path, "message-members",
            [new("Message.To", membershipId.ToString()), new("Message.Subject", "Hello"), new("Message.Body", new string('x', 4001))], Cancel);

        var first = PeerCircleAppFactory.VisibleTextOf(await empty.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Please write a short subject, up to 120 characters.", first, StringComparison.Ordinal);
        Assert.Contains("Please write your message, up to 4,000 characters.", first, StringComparison.Ordinal);
        var second = PeerCircleAppFactory.VisibleTextOf(await toSaidNo.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("asked us not to e-mail them", second, StringComparison.Ordinal);
        Assert.Contains("Please write your message, up to 4,000 characters.", second, StringComparison.Ordinal);
        Assert.Empty(app.ReadOutbox());
    }

    [Theory, AllProviders]
    public async Task AFacilitatorOfAnotherGroup_CannotMessageThisGroupsMembers(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var breastId = await GroupIdAsync(app, BreastGroup);
        var ownId = await GroupIdAsync(app, "prostate-cancer-phone-group");
        using var other = app.CreateClientWithCookies();
        await app.SignInAsync(other, "facilitator4@demo.local", totp: true, Cancel);

        using var page = await other.GetAsync($"/facilitator/groups/{breastId}/message", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        // A form taken from their own group's page and posted at this group's address is refused the same way.
        var token = PeerCircleAppFactory.AntiforgeryToken(await other.GetStringAsync($"/facilitator/groups/{ownId}/message", Cancel));
        FormUrlEncodedContent Form() => new(
        [
            new("__RequestVerificationToken", token), new("_handler", "message-members"),
            new("Message.To", "all"), new("Message.Subject", "Hello"), new("Message.Body", "Hi everyone"),
        ]);
        using var post = await other.PostAsync($"/facilitator/groups/{breastId}/message", Form(), Cancel);
        using var noSuchGroup = await other.PostAsync($"/facilitator/groups/{Guid.NewGuid()}/message", Form(), Cancel);
        // The page has no form to post to, exactly as for a group that does not exist.
        Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"The post answered {(int)post.StatusCode}.");
        Assert.Equal(noSuchGroup.StatusCode, post.StatusCode);
        Assert.Empty(app.ReadOutbox());

        using var member = await MemberAsync(app, PeerCircleAppFactory.MemberEmail);
        using var asMember = await member.GetAsync($"/facilitator/groups/{breastId}/message", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, asMember.StatusCode);
        Assert.StartsWith("/account/access-denied", asMember.Headers.Location!.PathOf(), StringComparison.Ordinal);
        Assert.False(await WithDbAsync(app, db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.MemberMessaged, Cancel)));
    }
}
