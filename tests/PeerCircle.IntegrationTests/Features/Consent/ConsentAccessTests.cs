using System.Net;
using PeerCircle.Data;

namespace PeerCircle.IntegrationTests.Features.Consent;

/// <summary>Who may open the consent pages: agreements only for a group's accepted members, the coordinator page only for coordinators.</summary>
public class ConsentAccessTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task OnlyAcceptedMembersOfAGroup_CanOpenItsAgreementPage(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        // member2 is in the caregivers group only; member8 has asked to join the young adult survivors chat and waits.
        using var outsider = app.CreateClientWithCookies();
        await app.SignInAsync(outsider, "member2@demo.local", totp: false, Cancel);
        using var waiting = app.CreateClientWithCookies();
        await app.SignInAsync(waiting, "member8@demo.local", totp: false, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        using var notInGroup = await outsider.GetAsync("/groups/breast-cancer-survivors-circle/agreement", Cancel);
        using var onlyRequested = await waiting.GetAsync("/groups/young-adult-survivors-chat/agreement", Cancel);
        using var noSuchGroup = await member.GetAsync("/groups/no-such-group/agreement", Cancel);
        using var own = await member.GetAsync("/groups/breast-cancer-survivors-circle/agreement", Cancel);
        using var visitor = app.CreateClientWithCookies();
        using var anonymous = await visitor.GetAsync("/groups/breast-cancer-survivors-circle/agreement", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, notInGroup.StatusCode);
        Assert.DoesNotContain("comfort agreement", PeerCircleAppFactory.VisibleTextOf(await notInGroup.Content.ReadAsStringAsync(Cancel)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, onlyRequested.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuchGroup.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.PathOf(), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Members_CannotOpenTheCoordinatorConsentPages(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        foreach (var path in new[] { "/coordinator/consent", "/coordinator/consent/participant-consent" })
        {
            using var response = await member.GetAsync(path, Cancel);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathOf(), StringComparison.Ordinal);
        }
    }

    [Theory, AllProviders]
    public async Task TheConsentBanner_ShowsToMembers_NotToVisitorsOrStaff(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var member = app.CreateClientWithCookies();
        // member30 is in no test's way: nobody signs for them in the shared app.
        await app.SignInAsync(member, "member30@demo.local", totp: false, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        using var visitor = app.CreateClientWithCookies();
        const string banner = "Before you join a group, please read and sign our consent.";

        var memberPage = await member.GetStringAsync("/groups", Cancel);
        Assert.Contains(banner, PeerCircleAppFactory.VisibleTextOf(memberPage), StringComparison.Ordinal);
        Assert.Contains("href=\"/consent?returnUrl=%2Fgroups\"", memberPage, StringComparison.Ordinal);
        Assert.DoesNotContain(banner, PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/consent", Cancel)), StringComparison.Ordinal);
        Assert.DoesNotContain(banner, PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator", Cancel)), StringComparison.Ordinal);
        Assert.DoesNotContain(banner, PeerCircleAppFactory.VisibleTextOf(await visitor.GetStringAsync("/groups", Cancel)), StringComparison.Ordinal);
    }
}
