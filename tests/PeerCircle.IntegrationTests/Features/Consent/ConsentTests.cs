using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Content;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Consent;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.IntegrationTests.Features.Consent;

/// <summary>Members sign the participant consent, can download what they signed, and can withdraw; coordinators publish new versions.</summary>
public partial class ConsentTests
{
    // Maria Gonzalez belongs to two groups: the breast cancer survivors (led by Dana Okafor) and the caregivers (led by facilitator2).
    private const string Member = PeerCircleAppFactory.MemberEmail;
    private const string MemberName = "Maria Gonzalez";
    private const string OtherMember = "member2@demo.local";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<T> WithDbAsync<T>(PeerCircleAppFactory app, Func<PeerCircleDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }

    private static async Task<HttpClient> SignedInAsync(PeerCircleAppFactory app, string email)
    {
        var client = app.CreateClientWithCookies();
        await app.SignInAsync(client, email, totp: email.StartsWith("coordinator", StringComparison.Ordinal), Cancel);
        return client;
    }

    private static async Task<string> SignAsync(HttpClient client, string? agreed, string typedName, string path = "/consent", string? version = null)
    {
        using var response = await PeerCircleAppFactory.SubmitFormAsync(client, path, "sign-consent",
        [
            .. agreed is null ? [] : new KeyValuePair<string, string>[] { new("Consent.Agreed", agreed) },
            new("Consent.TypedName", typedName),
            new("Consent.Version", version ?? await CurrentVersionOnPageAsync(client, path)),
        ], Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private static async Task<string> CurrentVersionOnPageAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path, Cancel);
        return VersionField().Match(html).Groups[1].Value;
    }

    private static async Task<string> PublishAsync(HttpClient coordinator, string slug, string body, string note)
    {
        var path = $"/coordinator/consent/{slug}";
        var html = await coordinator.GetStringAsync(path, Cancel);
        using var response = await PeerCircleAppFactory.SubmitFormAsync(coordinator, path, "publish-document",
            [new("Document.Body", body), new("Document.Note", note), new("Document.BasedOn", BasedOnField().Match(html).Groups[1].Value)], Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
    }

    private static async Task<string> CurrentBodyAsync(PeerCircleAppFactory app, string slug) =>
        BodyOf(await WithDbAsync(app, db => db.ContentRevisions
            .Where(r => r.Kind == ContentKinds.MemberDocument && r.Slug == slug)
            .OrderByDescending(r => r.Number).Select(r => r.Source).FirstAsync(Cancel)));

    /// <summary>The README's rule, written out independently: the text after the closing "---", "\n" line endings, trimmed.</summary>
    private static string BodyOf(string source)
    {
        var text = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        return text[(end + 5)..].Trim();
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<bool> HasSignedCurrentAsync(PeerCircleAppFactory app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MemberConsent>().HasSignedCurrentAsync(userId, Cancel);
    }

    [Theory, AllProviders]
    public async Task Signing_StoresTheVersionTheHashOfTheExactTextTheTimeAndTheTypedName(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = await SignedInAsync(app, Member);
        var userId = await app.UserIdAsync(Member, Cancel);
        var before = DateTime.UtcNow.AddSeconds(-1);
        Assert.False(await HasSignedCurrentAsync(app, userId));

        var page = PeerCircleAppFactory.VisibleTextOf(await SignAsync(member, "true", "  maria   GONZALEZ ", "/consent?returnUrl=%2Fgroups%2Fcaregivers-evening-circle"));

        Assert.Contains("Thank you for signing", page, StringComparison.Ordinal);
        Assert.Contains("You signed version 1 of our consent.", page, StringComparison.Ordinal);
        var signature = await WithDbAsync(app, db => db.ConsentSignatures.AsNoTracking().SingleAsync(s => s.UserId == userId, Cancel));
        Assert.Equal(MemberConsent.ParticipantConsent, signature.DocumentSlug);
        Assert.Equal(1, signature.Version);
        Assert.Equal(Sha256(await CurrentBodyAsync(app, MemberConsent.ParticipantConsent)), signature.TextSha256);
        Assert.Equal("maria GONZALEZ", signature.TypedName);
        Assert.InRange(signature.SignedAtUtc, before, DateTime.UtcNow.AddSeconds(1));
        Assert.True(await HasSignedCurrentAsync(app, userId));
        Assert.Equal(1, await WithDbAsync(app, db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ConsentSigned && e.RecordId == userId, Cancel)));

        // Posting the same form again (a refresh) signs nothing new. The confirmation leads back to where the member
        // came from, and only ever within PeerCircle.
        var html = await SignAsync(member, "true", MemberName, "/consent?returnUrl=%2Fgroups%2Fcaregivers-evening-circle", version: "1");
        Assert.Contains("href=\"/groups/caregivers-evening-circle\"", html, StringComparison.Ordinal);
        Assert.Single(await WithDbAsync(app, db => db.ConsentSignatures.Where(s => s.UserId == userId).ToListAsync(Cancel)));
        var elsewhere = await SignAsync(member, "true", MemberName, "/consent?returnUrl=https%3A%2F%2Fevil.example", version: "1");
        Assert.Contains("href=\"/me\"", elsewhere, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example\"", elsewhere, StringComparison.Ordinal);
        var again = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/consent", Cancel));
        Assert.Contains("You signed this version on", again, StringComparison.Ordinal);
        Assert.DoesNotContain("Before you join a group", again, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task SigningWithoutTheTickOrTheName_SaysWhatToFix_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = await SignedInAsync(app, Member);

        var empty = PeerCircleAppFactory.VisibleTextOf(await SignAsync(member, null, ""));
        var wrongName = PeerCircleAppFactory.VisibleTextOf(await SignAsync(member, "true", "Mary Gonzales"));

        Assert.Contains("Please tick the box to say you have read the consent and agree to it.", empty, StringComparison.Ordinal);
        Assert.Contains("Please type your full name to sign.", empty, StringComparison.Ordinal);
        Assert.Contains("The name you typed is not the same as the name on your account, Maria Gonzalez.", wrongName, StringComparison.Ordinal);
        Assert.DoesNotContain("Please tick the box", wrongName, StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(app, db => db.ConsentSignatures.CountAsync(Cancel)));
    }

    [Theory, AllProviders]
    public async Task TheSignedCopy_IsTheExactTextSigned_AndOnlyTheSignerCanDownloadIt(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = await SignedInAsync(app, Member);
        var userId = await app.UserIdAsync(Member, Cancel);
        var signedPage = await SignAsync(member, "true", MemberName);
        var link = SignedCopyLink().Match(signedPage).Value;
        Assert.NotEmpty(link);
        var signature = await WithDbAsync(app, db => db.ConsentSignatures.AsNoTracking().SingleAsync(s => s.UserId == userId, Cancel));
        Assert.Equal($"/consent/signed/{signature.Id}", link);
        var signedText = await CurrentBodyAsync(app, MemberConsent.ParticipantConsent);

        // A new version later does not change what the member's copy shows.
        using var coordinator = await SignedInAsync(app, PeerCircleAppFactory.CoordinatorEmail);
        await PublishAsync(coordinator, MemberConsent.ParticipantConsent, signedText + "\n\nWe added a line at the end.", "A new closing line.");
        using var download = await member.GetAsync(link, Cancel);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/plain", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        var copy = await download.Content.ReadAsStringAsync(Cancel);
        var parts = copy.Split("\n---\n", 2);
        Assert.Equal(signedText, parts[0].Trim());
        Assert.Equal(signature.TextSha256, Sha256(parts[0].Trim()));
        Assert.Contains($"Signed by: {MemberName}", parts[1], StringComparison.Ordinal);
        Assert.Contains($"Signed on: {signature.SignedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC", parts[1], StringComparison.Ordinal);
        Assert.Contains("version 1", parts[1], StringComparison.Ordinal);
        Assert.Contains($"SHA-256 of the text above the line: {signature.TextSha256}", parts[1], StringComparison.Ordinal);
        Assert.DoesNotContain("We added a line at the end.", copy, StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(app, db => db.AuditEvents.CountAsync(
            e => e.Action == AuditActions.ConsentCopyDownloaded && e.RecordId == signature.Id.ToString(CultureInfo.InvariantCulture) && e.ActorUserId == userId, Cancel)));

        using var other = await SignedInAsync(app, OtherMember);
        using var notTheirs = await other.GetAsync(link, Cancel);
        using var coordinatorTry = await coordinator.GetAsync(link, Cancel);
        using var visitor = app.CreateClientWithCookies();
        using var anonymous = await visitor.GetAsync(link, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, coordinatorTry.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.DoesNotContain(signedText[..40], await notTheirs.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task PublishingANewVersion_AsksMembersToSignAgain_AndListsThemForCoordinatorsUntilTheyDo(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = await SignedInAsync(app, Member);
        var userId = await app.UserIdAsync(Member, Cancel);
        await SignAsync(member, "true", MemberName);
        var signedHome = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me", Cancel));
        Assert.DoesNotContain("please read and sign our consent", signedHome, StringComparison.Ordinal);
        Assert.Contains("My consent (signed)", signedHome, StringComparison.Ordinal);
        using var coordinator = await SignedInAsync(app, PeerCircleAppFactory.CoordinatorEmail);
        var listBefore = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/consent", Cancel));
        Assert.DoesNotContain(MemberName, listBefore, StringComparison.Ordinal);
        Assert.Contains("James Carter Never", listBefore, StringComparison.Ordinal);

        var published = await PublishAsync(coordinator, MemberConsent.ParticipantConsent,
            await CurrentBodyAsync(app, MemberConsent.ParticipantConsent) + "\n\n## Photos\n\nPlease do not take photos in meetings.",
            "Added a short section on photos.");

        Assert.Contains("Version 2 is published.", published, StringComparison.Ordinal);
        Assert.False(await HasSignedCurrentAsync(app, userId));
        var revision = await WithDbAsync(app, db => db.ContentRevisions.AsNoTracking()
            .SingleAsync(r => r.Kind == ContentKinds.MemberDocument && r.Slug == MemberConsent.ParticipantConsent && r.Number == 2, Cancel));
        Assert.Equal(await app.UserIdAsync(PeerCircleAppFactory.CoordinatorEmail, Cancel), revision.EditedById);
        Assert.Equal("Added a short section on photos.", revision.Summary);
        Assert.Equal(1, await WithDbAsync(app, db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.MemberDocumentPublished, Cancel)));

        var home = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me", Cancel));
        Assert.Contains("We updated our consent. Please read and sign the new version before your next meeting. Until then you can't join or take part in groups.", home, StringComparison.Ordinal);
        var consentPage = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/consent", Cancel));
        Assert.Contains("What changed: Added a short section on photos.", consentPage, StringComparison.Ordinal);
        Assert.Contains("Please do not take photos in meetings.", consentPage, StringComparison.Ordinal);
        var list = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/consent", Cancel));
        Assert.Matches($"{MemberName} Version 1 \\d", list);
        Assert.Contains("members have not signed version 2.", list, StringComparison.Ordinal);

        await SignAsync(member, "true", MemberName);

        Assert.True(await HasSignedCurrentAsync(app, userId));
        Assert.DoesNotContain("We updated our consent", PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me", Cancel)), StringComparison.Ordinal);
        Assert.DoesNotContain(MemberName, PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/consent", Cancel)), StringComparison.Ordinal);
        var signatures = await WithDbAsync(app, db => db.ConsentSignatures.Where(s => s.UserId == userId).OrderBy(s => s.Version).ToListAsync(Cancel));
        Assert.Equal([1, 2], signatures.Select(s => s.Version));
        Assert.NotEqual(signatures[0].TextSha256, signatures[1].TextSha256);
        Assert.Equal(Sha256(await CurrentBodyAsync(app, MemberConsent.ParticipantConsent)), signatures[1].TextSha256);
    }

    [Theory, AllProviders]
    public async Task PublishingRefusesEmptyUnchangedOrHtmlText_AndKeepsWhatWasTyped(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = await SignedInAsync(app, PeerCircleAppFactory.CoordinatorEmail);
        var body = await CurrentBodyAsync(app, MemberConsent.OutsideInteractions);

        var empty = await PublishAsync(coordinator, MemberConsent.OutsideInteractions, "   ", "");
        var unchanged = await PublishAsync(coordinator, MemberConsent.OutsideInteractions, body + "\n\n", "Nothing really.");
        var html = await PublishAsync(coordinator, MemberConsent.OutsideInteractions, body + "\n\n<div onclick=\"x()\">Click</div>", "Added a box.");

        Assert.Contains("Please write the text of the document.", empty, StringComparison.Ordinal);
        Assert.Contains("Say in a sentence what you changed and why.", empty, StringComparison.Ordinal);
        Assert.Contains("You have not changed the text yet.", unchanged, StringComparison.Ordinal);
        Assert.Contains("Please take out the HTML tags", html, StringComparison.Ordinal);
        Assert.Contains("<div onclick=\"x()\">Click</div>", html, StringComparison.Ordinal);
        Assert.Equal(1, await WithDbAsync(app, db => db.ContentRevisions.CountAsync(r => r.Kind == ContentKinds.MemberDocument && r.Slug == MemberConsent.OutsideInteractions, Cancel)));
    }

    [Theory, AllProviders]
    public async Task Withdrawing_EndsEveryMembership_TellsEachLeadFacilitatorOnce_AndIsAudited(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = await SignedInAsync(app, Member);
        var userId = await app.UserIdAsync(Member, Cancel);
        await SignAsync(member, "true", MemberName);
        // She has also asked to join a third group; that request ends too, but its facilitator has nothing to be told.
        await WithDbAsync(app, async db =>
        {
            var group = await db.Groups.SingleAsync(g => g.Slug == "newly-diagnosed-first-steps", Cancel);
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = userId, Status = MembershipStatus.Requested, CreatedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync(Cancel);
        });
        var page = await member.GetStringAsync("/consent", Cancel);
        Assert.Contains("Withdraw my consent", page, StringComparison.Ordinal);
        Assert.Contains("You leave all your groups right away.", PeerCircleAppFactory.VisibleTextOf(page), StringComparison.Ordinal);

        using var unconfirmed = await PeerCircleAppFactory.SubmitFormAsync(member, "/consent", "withdraw-consent", [], Cancel);
        Assert.Contains("Please tick the box to confirm", PeerCircleAppFactory.VisibleTextOf(await unconfirmed.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal(0, await WithDbAsync(app, db => db.ConsentWithdrawals.CountAsync(Cancel)));

        var before = DateTime.UtcNow.AddSeconds(-1);
        using var confirmed = await PeerCircleAppFactory.SubmitFormAsync(member, "/consent", "withdraw-consent", [new("Withdraw.Confirm", "true")], Cancel);

        Assert.Contains("Your consent is withdrawn", PeerCircleAppFactory.VisibleTextOf(await confirmed.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        var memberships = await WithDbAsync(app, db => db.GroupMemberships.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(Cancel));
        Assert.Equal(3, memberships.Count);
        Assert.All(memberships, m =>
        {
            Assert.Equal(MembershipStatus.Left, m.Status);
            Assert.InRange(m.StatusChangedAtUtc!.Value, before, DateTime.UtcNow.AddSeconds(1));
        });
        var withdrawal = await WithDbAsync(app, db => db.ConsentWithdrawals.AsNoTracking().SingleAsync(Cancel));
        Assert.Equal((userId, MemberConsent.ParticipantConsent, 1), (withdrawal.UserId, withdrawal.DocumentSlug, withdrawal.Version));
        Assert.False(await HasSignedCurrentAsync(app, userId));
        Assert.Single(await WithDbAsync(app, db => db.ConsentSignatures.Where(s => s.UserId == userId).ToListAsync(Cancel)));
        var audit = await WithDbAsync(app, db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ConsentWithdrawn, Cancel));
        Assert.Equal(userId, audit.RecordId);

        var notes = app.ReadOutbox().Where(m => m.Subject == "A member has left your group").ToList();
        Assert.Equal(["facilitator2@demo.local", "facilitator@demo.local"], notes.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.All(notes, n =>
        {
            Assert.Contains("Maria G. has left", n.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Gonzalez", n.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(Member, n.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Newly Diagnosed", n.TextBody, StringComparison.Ordinal);
        });

        var home = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me", Cancel));
        Assert.Contains("Before you join a group, please read and sign our consent.", home, StringComparison.Ordinal);
        await SignAsync(member, "true", MemberName);
        Assert.True(await HasSignedCurrentAsync(app, userId));
    }

    [Theory, AllProviders]
    public async Task TheOutsideInteractionsPolicy_IsAcknowledgedOncePerVersion(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = await SignedInAsync(app, Member);
        var userId = await app.UserIdAsync(Member, Cancel);
        const string path = "/policies/outside-interactions";
        var page = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync(path, Cancel));
        Assert.Contains("Getting together outside the group", page, StringComparison.Ordinal);
        Assert.Contains("You can always say no.", page, StringComparison.Ordinal);

        async Task<string> AcknowledgeAsync()
        {
            using var response = await PeerCircleAppFactory.SubmitFormAsync(member, path, "acknowledge-outside-interactions",
                [new("Acknowledge.Version", await CurrentVersionOnPageAsync(member, path))], Cancel);
            return PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
        }
        Assert.Contains("Thank you for reading this.", await AcknowledgeAsync(), StringComparison.Ordinal);
        using (var twice = await PeerCircleAppFactory.SubmitFormAsync(member, path, "acknowledge-outside-interactions", [new("Acknowledge.Version", "1")], Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        }
        Assert.DoesNotContain("I have read this", PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync(path, Cancel)), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<MemberConsent>().HasAcknowledgedOutsideInteractionsAsync(userId, Cancel));
        }

        using var coordinator = await SignedInAsync(app, PeerCircleAppFactory.CoordinatorEmail);
        await PublishAsync(coordinator, MemberConsent.OutsideInteractions,
            await CurrentBodyAsync(app, MemberConsent.OutsideInteractions) + "\n\n- **Be kind online.** Treat members in chats as you would in the room.",
            "Added a line on chats.");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<MemberConsent>().HasAcknowledgedOutsideInteractionsAsync(userId, Cancel));
        }
        Assert.Contains("I have read this", await member.GetStringAsync(path, Cancel), StringComparison.Ordinal);
        await AcknowledgeAsync();

        var acknowledgements = await WithDbAsync(app, db => db.Acknowledgements.AsNoTracking()
            .Where(a => a.UserId == userId && a.Kind == AcknowledgementKind.OutsideInteractions).OrderBy(a => a.Version).ToListAsync(Cancel));
        Assert.Equal([1, 2], acknowledgements.Select(a => a.Version));
        Assert.Equal(Sha256(await CurrentBodyAsync(app, MemberConsent.OutsideInteractions)), acknowledgements[1].TextSha256);
        Assert.NotEqual(acknowledgements[0].TextSha256, acknowledgements[1].TextSha256);
        Assert.All(acknowledgements, a => Assert.Null(a.GroupId));
        Assert.Equal(2, await WithDbAsync(app, db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.OutsideInteractionsAcknowledged && e.RecordId == userId, Cancel)));
    }

    [Theory, AllProviders]
    public async Task AGroupsComfortAgreement_IsAgreedToPerGroupAndVersion_AndTheBannerAsksUntilThen(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = await SignedInAsync(app, Member);
        var userId = await app.UserIdAsync(Member, Cancel);
        const string slug = "breast-cancer-survivors-circle";
        const string path = $"/groups/{slug}/agreement";
        var groupId = await WithDbAsync(app, db => db.Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync(Cancel));
        async Task AddAgreementAsync(int version, string text) => await WithDbAsync(app, async db =>
        {
            db.ComfortAgreements.Add(new ComfortAgreement
            {
                GroupId = groupId, Version = version, IdeaKeys = "confidentiality", Text = text,
                CreatedById = await app.UserIdAsync(PeerCircleAppFactory.FacilitatorEmail, Cancel), CreatedAtUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync(Cancel);
        });
        async Task<string> AgreeAsync()
        {
            using var response = await PeerCircleAppFactory.SubmitFormAsync(member, path, "acknowledge-comfort-agreement",
                [new("Agreement.Version", await CurrentVersionOnPageAsync(member, path))], Cancel);
            return PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
        }

        var noAgreement = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync(path, Cancel));
        Assert.Contains("This group does not have a comfort agreement yet.", noAgreement, StringComparison.Ordinal);
        const string first = "- What is said here stays here.\n- We listen without fixing.";
        await AddAgreementAsync(1, first);

        var home = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me", Cancel));
        Assert.Contains("Please read and agree to your group's comfort agreement before your next meeting: Breast Cancer Survivors Circle", home, StringComparison.Ordinal);
        Assert.Contains("We listen without fixing.", PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync(path, Cancel)), StringComparison.Ordinal);
        Assert.Contains("Thank you. You agreed to version 1 of your group's comfort agreement.", await AgreeAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("comfort agreement before your next meeting", PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me", Cancel)), StringComparison.Ordinal);

        const string second = first + "\n- Anyone can pass.";
        await AddAgreementAsync(2, second);
        Assert.Contains("Breast Cancer Survivors Circle", PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me", Cancel)), StringComparison.Ordinal);
        await AgreeAsync();

        var acknowledgements = await WithDbAsync(app, db => db.Acknowledgements.AsNoTracking()
            .Where(a => a.UserId == userId && a.Kind == AcknowledgementKind.ComfortAgreement).OrderBy(a => a.Version).ToListAsync(Cancel));
        Assert.Equal([(groupId, 1, Sha256(first)), (groupId, 2, Sha256(second))],
            acknowledgements.Select(a => (a.GroupId!.Value, a.Version, a.TextSha256)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<MemberConsent>().PendingAgreementsAsync(userId, Cancel));
        }
        Assert.Equal(2, await WithDbAsync(app, db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.ComfortAgreementAcknowledged && e.RecordId == userId, Cancel)));
    }

    [GeneratedRegex("name=\"(?:Consent|Acknowledge|Agreement)\\.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [GeneratedRegex("name=\"Document\\.BasedOn\" value=\"(\\d+)\"")]
    private static partial Regex BasedOnField();

    [GeneratedRegex("/consent/signed/\\d+")]
    private static partial Regex SignedCopyLink();
}
