using System.Net;
using PeerCircle.Data;

namespace PeerCircle.IntegrationTests.Features.Accounts;

/// <summary>Signing in through the real pages, which is also how other tests get a signed-in client.</summary>
public class SignInTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<string> HomePageAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    [Theory, AllProviders]
    public async Task Member_SignsInWithTheirPassword_AndSeesTheirOwnMenu(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var client = app.CreateClientWithCookies();

        await app.SignInAsync(client, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        var home = await HomePageAsync(client);
        Assert.Contains("href=\"/me\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/coordinator\"", home, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Coordinator_SignsInWithAnAuthenticatorCode_AndSeesTheCoordinatorMenu(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var client = app.CreateClientWithCookies();

        await app.SignInAsync(client, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);

        Assert.Contains("href=\"/coordinator\"", await HomePageAsync(client), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Staff_WithoutACode_AreNotSignedIn(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var client = app.CreateClientWithCookies();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => app.SignInAsync(client, PeerCircleAppFactory.ClinicianEmail, totp: false, Cancel));

        Assert.Contains("asked for an authenticator code", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/me\"", await HomePageAsync(client), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task WrongPassword_ComesBackToTheFormWithAPlainMessage(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var client = app.CreateClientWithCookies();
        using var page = await client.GetAsync("/account/login", Cancel);
        var token = PeerCircleAppFactory.AntiforgeryToken(await page.Content.ReadAsStringAsync(Cancel));

        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Form.Email"] = "member2@demo.local",
            ["Form.Password"] = "not the password at all",
        }), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("do not match", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
