using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Web.Infrastructure.Audit;
using static PeerCircle.IntegrationTests.Features.Joining.MemberSetup;

namespace PeerCircle.IntegrationTests.Features.Members;

/// <summary>The intake form, recommendations built from it, and a member's right to a copy and to deletion.</summary>
public class IntakeAndDataRightsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static List<KeyValuePair<string, string>> Intake(params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.JourneyRole"] = "caregiver",
            ["Form.TreatmentPhase"] = "in-treatment",
            ["Form.Languages"] = "en",
            ["Form.PostalCode"] = "10001",
            ["Form.TravelMiles"] = "25",
            ["Form.PreferredTime"] = "evening",
            ["Form.PreferredChannel"] = "email",
            ["Form.MayEmail"] = "true",
            ["Form.EmergencyContactName"] = "Jo Park",
            ["Form.EmergencyContactPhone"] = "(212) 555-0101",
        };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }
        return [.. fields, new("Form.CancerTypes", "lung")];
    }

    [Theory, AllProviders]
    public async Task Intake_WithMistakes_SaysWhatToFix_KeepsTheAnswers_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, "member5@demo.local", totp: false, Cancel);
        var userId = await app.UserIdAsync("member5@demo.local", Cancel);

        using var response = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/about", "intake",
            Intake(("Form.MayText", "true"), ("Form.EmergencyContactPhone", ""), ("Form.PostalCode", "00000"), ("Form.AccessibilityNeeds", "Large print, please.")), Cancel);

        var html = await response.Content.ReadAsStringAsync(Cancel);
        var page = PeerCircleAppFactory.VisibleTextOf(html);
        Assert.Contains("Please add a phone number so we can text or call you, or untick those choices.", page, StringComparison.Ordinal);
        Assert.Contains("Please enter your emergency contact's phone number", page, StringComparison.Ordinal);
        Assert.Contains("We don't recognise that ZIP code.", page, StringComparison.Ordinal);
        Assert.Contains("Large print, please.", html, StringComparison.Ordinal);
        Assert.Null(await WithDbAsync(app, db => db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == userId, Cancel)));
    }

    [Theory, AllProviders]
    public async Task Intake_AllowingTexts_NeedsANumberThatCanTakeThem(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, "member5@demo.local", totp: false, Cancel);
        var userId = await app.UserIdAsync("member5@demo.local", Cancel);

        using var landline = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/about", "intake",
            Intake(("Form.MayText", "true"), ("Form.Phone", "+44 20 7946 0958")), Cancel);
        var page = PeerCircleAppFactory.VisibleTextOf(await landline.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("We cannot send texts to this number. Please give a mobile number, or untick “You may text me”.", page, StringComparison.Ordinal);
        Assert.Null(await WithDbAsync(app, db => db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == userId, Cancel)));

        // The same landline is fine for calls, and a number that takes texts is fine for texts.
        using var calls = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/about?returnUrl=%2Fgroups", "intake",
            Intake(("Form.MayLeaveVoicemail", "true"), ("Form.Phone", "+44 20 7946 0958")), Cancel);
        Assert.Equal("/groups", calls.Headers.Location?.AbsolutePath);
        using var mobile = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/about?returnUrl=%2Fgroups", "intake",
            Intake(("Form.MayText", "true"), ("Form.Phone", "(312) 555-0142")), Cancel);
        Assert.Equal("/groups", mobile.Headers.Location?.AbsolutePath);
        var saved = await WithDbAsync(app, db => db.MemberProfiles.SingleAsync(p => p.UserId == userId, Cancel));
        Assert.True(saved.MayText);
        Assert.Equal("(312) 555-0142", saved.Phone);
    }

    [Theory, AllProviders]
    public async Task Intake_WithWordsOfSelfHarm_ShowsCrisisHelpAtOnce_AndKeepsTheMemberOnThePage(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, "member5@demo.local", totp: false, Cancel);
        var userId = await app.UserIdAsync("member5@demo.local", Cancel);

        using var calm = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/about?returnUrl=%2Fgroups", "intake",
            Intake(("Form.AccessibilityNeeds", "Large print, please.")), Cancel);
        Assert.Equal("/groups", calm.Headers.Location?.AbsolutePath);

        using var response = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/about?returnUrl=%2Fgroups", "intake",
            Intake(("Form.AccessibilityNeeds", "I need quiet rooms. Honestly I have been thinking about killing myself.")), Cancel);

        var page = PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thank you for telling us. You matter", page, StringComparison.Ordinal);
        Assert.Contains("988", page, StringComparison.Ordinal);
        Assert.Contains("Continue where you were", page, StringComparison.Ordinal);
        var signal = await WithDbAsync(app, db => db.SafetySignals.SingleAsync(s => s.MemberId == userId, Cancel));
        Assert.Equal((PeerCircle.Data.Safety.CasePriority.Urgent, "intake"), (signal.Priority, signal.Source));
    }

    [Theory, AllProviders]
    public async Task Intake_IsSaved_AndGroupsAreRecommendedWithTheirReasons(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, "member5@demo.local", totp: false, Cancel);
        var userId = await app.UserIdAsync("member5@demo.local", Cancel);

        using var response = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/about", "intake", Intake(), Cancel);

        Assert.Contains("Thank you. Your answers are saved.", PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        var profile = await WithDbAsync(app, db => db.MemberProfiles.SingleAsync(p => p.UserId == userId, Cancel));
        Assert.Equal(JourneyRole.Caregiver, profile.JourneyRole);
        Assert.Equal([CancerType.Lung], profile.CancerTypes);
        Assert.Equal("Jo Park", profile.EmergencyContactName);
        var home = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me", Cancel));
        var suggestions = home[home.IndexOf("Groups that may suit you", StringComparison.Ordinal)..home.IndexOf("My details and choices", StringComparison.Ordinal)];
        // The video caregivers' group fits a caregiver wherever they live, and in the evening.
        Assert.Contains("Caregivers Evening Circle For caregivers like you Join from home Meets in the evening", suggestions, StringComparison.Ordinal);
        // Not in a language they chose, and not for their part of the journey.
        Assert.DoesNotContain("Grupo de Apoyo", suggestions, StringComparison.Ordinal);
        Assert.DoesNotContain("After Loss", suggestions, StringComparison.Ordinal);
        Assert.DoesNotContain("Survivors Circle", suggestions, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task ACopyOfMyData_HoldsMyDetailsAndSignatures_AndIsAudited(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app, "Breast Cancer Survivors Circle");
        var email = await OutsiderAsync(app, group.Id);
        var userId = await ReadyToJoinAsync(app, email, emergencyContact: true, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, email, totp: false, Cancel);

        using var response = await member.GetAsync("/me/export.json", Cancel);

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(email, json.RootElement.GetProperty("account").GetProperty("Email").GetString());
        Assert.Equal("Sam Rivera", json.RootElement.GetProperty("profile").GetProperty("emergencyContact").GetProperty("name").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("consentSignatures").GetArrayLength());
        Assert.True(await WithDbAsync(app, db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.DataExported && e.RecordId == userId, Cancel)));

        using var anonymous = app.CreateClientWithCookies();
        using var refused = await anonymous.GetAsync("/me/export.json", Cancel);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Theory, AllProviders]
    public async Task DeletingMyAccount_ErasesMyDetails_KeepsMySignature_AndGivesMyPlaceToTheNextPerson(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var group = await GroupAsync(app, "Breast Cancer Survivors Circle");
        var email = PeerCircleAppFactory.MemberEmail;
        var userId = await ReadyToJoinAsync(app, email, emergencyContact: true, Cancel);
        var taken = await WithDbAsync(app, db => db.GroupMemberships.CountAsync(m => m.GroupId == group.Id && m.Status == MembershipStatus.Accepted, Cancel));
        await WithDbAsync(app, db => db.Groups.Where(g => g.Id == group.Id).ExecuteUpdateAsync(g => g.SetProperty(x => x.Capacity, taken), Cancel));
        var waiting = await OutsiderAsync(app, group.Id);
        var waitingId = await app.UserIdAsync(waiting, Cancel);
        await WithDbAsync(app, async db =>
        {
            db.GroupMemberships.Add(new GroupMembership { GroupId = group.Id, UserId = waitingId, Status = MembershipStatus.Waitlisted, CreatedAtUtc = DateTime.UtcNow, WaitlistedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync(Cancel);
        });
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, email, totp: false, Cancel);

        using var wrong = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/data", "delete-account", [new("Delete.Password", "not my password")], Cancel);
        Assert.Contains("That password is not right.", PeerCircleAppFactory.VisibleTextOf(await wrong.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        using var deleted = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/data", "delete-account", [new("Delete.Password", PeerCircleAppFactory.DemoPassword)], Cancel);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var user = await WithDbAsync(app, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, Cancel));
        Assert.Equal("", user.FullName);
        Assert.Equal("Former member", user.DisplayName);
        Assert.Null(user.DateOfBirth);
        Assert.DoesNotContain("demo.local", user.Email, StringComparison.Ordinal);
        Assert.Null(await WithDbAsync(app, db => db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == userId, Cancel)));
        Assert.Equal(1, await WithDbAsync(app, db => db.ConsentSignatures.CountAsync(s => s.UserId == userId, Cancel)));
        Assert.All(await WithDbAsync(app, db => db.GroupMemberships.Where(m => m.UserId == userId).ToListAsync(Cancel)), m => Assert.Equal(MembershipStatus.Left, m.Status));
        Assert.Equal(MembershipStatus.Offered, await WithDbAsync(app, db => db.GroupMemberships.Where(m => m.UserId == waitingId && m.GroupId == group.Id).Select(m => m.Status).SingleAsync(Cancel)));
        using var again = app.CreateClientWithCookies();
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignInAsync(again, email, totp: false, Cancel));
    }
}
