using System.Net;
using Microsoft.AspNetCore.Hosting;
using PeerCircle.Data;

namespace PeerCircle.IntegrationTests.Infrastructure.Security;

/// <summary>Sign-in and sign-up forms refuse forged posts and slow down password guessing.</summary>
public class AccountFormProtectionTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task SignInPost_WithoutTheFormsAntiforgeryToken_IsRefused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var client = app.CreateClientWithCookies();

        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(
            [new("_handler", "login"), new("Form.Email", PeerCircleAppFactory.MemberEmail), new("Form.Password", PeerCircleAppFactory.DemoPassword)]),
            Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("peercircle.auth", StringComparison.Ordinal)));
    }

    [Theory, AllProviders]
    public async Task SignInPosts_BeyondTheLimitPerMinute_AreTurnedAwayWithAPlainMessage(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:AccountPostsPerMinute", "3"));
        using var client = limited.CreateClient(new() { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await PeerCircleAppFactory.SubmitFormAsync(client, "/account/login", "login",
                [new("Form.Email", "nobody@example.org"), new("Form.Password", "wrong password " + i)], Cancel);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Please wait a minute", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
