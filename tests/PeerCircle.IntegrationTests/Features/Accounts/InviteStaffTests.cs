using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using PeerCircle.Data;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.IntegrationTests.Features.Accounts;

/// <summary>A coordinator invites a clinician, who chooses a password and must set up two-step sign-in first.</summary>
public partial class InviteStaffTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task InvitedClinician_ChoosesAPassword_ThenMustEnrolAnAuthenticatorBeforeStaffPages(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);

        using var invited = await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/coordinator/staff", "invite",
            [new("Form.FullName", "Grace Obi"), new("Form.Email", "grace@clinic.example"), new("Form.Roles", "Clinician")], Cancel);
        Assert.Contains("Invitation sent to grace@clinic.example", await invited.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var invitation = Assert.Single(app.ReadOutbox(), m => m.To.Mailboxes.Single().Address == "grace@clinic.example");
        Assert.Equal("You are invited to PeerCircle", invitation.Subject);
        var link = new Uri(SetPasswordLink().Match(invitation.TextBody ?? "").Value);

        using var clinician = app.CreateClientWithCookies();
        const string password = "harbor quilt meadow sparrow";
        using (var set = await PeerCircleAppFactory.SubmitFormAsync(clinician, link.PathAndQuery, "set-password",
            [new("Form.UserId", Query(link, "userId")), new("Form.Code", Query(link, "code")),
             new("Form.Password", password), new("Form.ConfirmPassword", password)], Cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
            Assert.Equal("/account/login?message=password-set", set.Headers.Location!.PathOf());
        }

        // The link worked once; a second use is refused with a plain message.
        using (var again = await PeerCircleAppFactory.SubmitFormAsync(clinician, link.PathAndQuery, "set-password",
            [new("Form.UserId", Query(link, "userId")), new("Form.Code", Query(link, "code")),
             new("Form.Password", password + " again"), new("Form.ConfirmPassword", password + " again")], Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("This link did not work", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using (var signIn = await PeerCircleAppFactory.SubmitFormAsync(clinician, "/account/login", "login",
            [new("Form.Email", "grace@clinic.example"), new("Form.Password", password)], Cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        using (var desk = await clinician.GetAsync("/clinician", Cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
            Assert.StartsWith("/account/two-factor?returnUrl=", desk.Headers.Location!.PathOf(), StringComparison.Ordinal);
        }

        using var setupPage = await clinician.GetAsync("/account/two-factor", Cancel);
        var html = await setupPage.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        var key = SharedKey().Match(html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        using (var enrol = await PeerCircleAppFactory.SubmitFormAsync(clinician, "/account/two-factor?returnUrl=%2Fclinician", "two-factor",
            [new("Form.Code", code), new("Form.ReturnUrl", "/clinician")], Cancel))
        {
            Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
            Assert.Equal("/clinician", enrol.Headers.Location!.PathOf());
        }
        using var deskAfter = await clinician.GetAsync("/clinician", Cancel);
        Assert.Equal(HttpStatusCode.OK, deskAfter.StatusCode);
        Assert.Contains("Clinician desk", await deskAfter.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var grace = await db.Users.SingleAsync(u => u.Email == "grace@clinic.example", Cancel);
        Assert.True(grace.TwoFactorEnabled);
        var actions = await db.AuditEvents.Where(e => e.RecordId == grace.Id).Select(e => e.Action).ToListAsync(Cancel);
        Assert.Contains(AuditActions.StaffInvited, actions);
        Assert.Contains(AuditActions.PasswordSet, actions);
        Assert.Contains(AuditActions.TwoFactorEnabled, actions);
    }

    [Theory, AllProviders]
    public async Task Invitation_WithoutARole_SaysWhatToFixAndCreatesNobody(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);

        using var response = await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/coordinator/staff", "invite",
            [new("Form.FullName", new string('x', 10_000)), new("Form.Email", "not an address"), new("Form.Roles", "Superuser")], Cancel);

        var text = PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Please enter the person's name", text, StringComparison.Ordinal);
        Assert.Contains("Please enter their e-mail address", text, StringComparison.Ordinal);
        Assert.Contains("Please choose at least one staff role", text, StringComparison.Ordinal);
        Assert.Empty(app.ReadOutbox());
    }

    private static string Query(Uri link, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query)[name].ToString();

    [GeneratedRegex(@"http://localhost/account/set-password\?\S+")]
    private static partial Regex SetPasswordLink();

    [GeneratedRegex("<code class=\"key\">([a-z2-7 ]+)</code>")]
    private static partial Regex SharedKey();
}
