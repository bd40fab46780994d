using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Recruitment;

namespace PeerCircle.IntegrationTests.Features.Recruitment;

/// <summary>Flyers, shareable links that remember where people heard about a group, and the coordinators' recruitment report.</summary>
public class RecruitmentTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Dana Okafor leads it and Luis Herrera co-leads it; Tom Becker (facilitator4) leads other groups.
    private const string BreastGroup = "breast-cancer-survivors-circle";

    private static async Task<T> WithDbAsync<T>(PeerCircleAppFactory app, Func<PeerCircleDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }

    [Theory, AllProviders]
    public async Task Flyer_AnswersAnonymousVisitors_WithAQrCodeForTheGroupPageFromAFlyer_AndNoPrivateMeetingDetails(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var visitor = app.CreateClientWithCookies();

        foreach (var (slug, secret) in new[] { ("caregivers-evening-circle", "meet.peercircle.example"), ("prostate-cancer-phone-group", "555 0142") })
        {
            using var response = await visitor.GetAsync($"/groups/{slug}/flyer", Cancel);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync(Cancel);
            var text = PeerCircleAppFactory.VisibleTextOf(html);
            var target = $"{PeerCircleAppFactory.PublicBaseUrl}/groups/{slug}?ref=flyer";
            Assert.Contains(target, text, StringComparison.Ordinal);
            Assert.Contains("This is not medical care", text, StringComparison.Ordinal);
            Assert.Contains("988 Suicide & Crisis Lifeline: Call or text 988.", text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
            Assert.Contains($"<img src=\"/groups/{slug}/qr.svg\"", html, StringComparison.Ordinal);

            using var qr = await visitor.GetAsync($"/groups/{slug}/qr.svg", Cancel);
            Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
            Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType!.MediaType);
            Assert.Equal(FlyerQrCode.Svg(target), await qr.Content.ReadAsStringAsync(Cancel));
        }
        Assert.Contains("By phone, from anywhere.", PeerCircleAppFactory.VisibleTextOf(await visitor.GetStringAsync("/groups/prostate-cancer-phone-group/flyer", Cancel)), StringComparison.Ordinal);
        Assert.Contains("In person in Chicago, IL", PeerCircleAppFactory.VisibleTextOf(await visitor.GetStringAsync($"/groups/{BreastGroup}/flyer", Cancel)), StringComparison.Ordinal);
        using var unknown = await visitor.GetAsync("/groups/no-such-group/flyer", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var unknownQr = await visitor.GetAsync("/groups/no-such-group/qr.svg", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknownQr.StatusCode);
    }

    [Theory, AllProviders]
    public async Task AGroupThatIsTakingABreak_HasNoFlyer(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await WithDbAsync(app, db => db.Groups.Where(g => g.Slug == BreastGroup)
            .ExecuteUpdateAsync(g => g.SetProperty(x => x.Status, Data.Groups.GroupStatus.Paused), Cancel));
        using var visitor = app.CreateClientWithCookies();

        using var flyer = await visitor.GetAsync($"/groups/{BreastGroup}/flyer", Cancel);
        using var qr = await visitor.GetAsync($"/groups/{BreastGroup}/qr.svg", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, flyer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, qr.StatusCode);
    }

    [Theory, AllProviders]
    public async Task PageViewsFromASharedLink_AreCountedUnderTheirSource_AndShowInTheRecruitmentReport(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var visitor = app.CreateClientWithCookies();
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);

        foreach (var path in new[] { "?ref=oncologist", "?ref=Oncologist", "?ref=my-neighbour", "" })
        {
            using var response = await visitor.GetAsync($"/groups/{BreastGroup}{path}", Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        using (var robot = new HttpRequestMessage(HttpMethod.Get, $"/groups/{BreastGroup}?ref=oncologist"))
        {
            robot.Headers.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Googlebot/2.1)");
            using var crawled = await visitor.SendAsync(robot, Cancel);
            Assert.Equal(HttpStatusCode.OK, crawled.StatusCode);
        }
        // The group's own facilitator and a coordinator looking at the page are not recruits.
        (await facilitator.GetAsync($"/groups/{BreastGroup}?ref=oncologist", Cancel)).Dispose();
        (await coordinator.GetAsync($"/groups/{BreastGroup}?ref=oncologist", Cancel)).Dispose();
        // One member of the group came through a friend.
        var memberId = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);
        var groupId = await WithDbAsync(app, db => db.Groups.Where(g => g.Slug == BreastGroup).Select(g => g.Id).SingleAsync(Cancel));
        await WithDbAsync(app, db => db.GroupMemberships.Where(m => m.GroupId == groupId && m.UserId == memberId)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.ReferralSource, ReferralSource.Friend), Cancel));

        var views = await WithDbAsync(app, db => db.GroupPageViews.Where(v => v.GroupId == groupId)
            .Select(v => v.Source).ToListAsync(Cancel));
        Assert.Equal(4, views.Count);
        Assert.Equal(2, views.Count(s => s == ReferralSource.Oncologist));
        Assert.Equal(2, views.Count(s => s == null));

        var report = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync($"/coordinator/recruitment/{BreastGroup}", Cancel));
        Assert.Contains("Recruitment: Breast Cancer Survivors Circle", report, StringComparison.Ordinal);
        Assert.Contains("4 page views", report, StringComparison.Ordinal);
        Assert.Contains("An oncologist or cancer care team 2 0 0 0", report, StringComparison.Ordinal);
        Assert.Contains("A friend or family member 0 1 1 0", report, StringComparison.Ordinal);
        Assert.Contains("Not known (no source in the link) 2", report, StringComparison.Ordinal);

        var program = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/recruitment", Cancel));
        Assert.Contains("An oncologist or cancer care team 2 0 0 0", program, StringComparison.Ordinal);
        Assert.Contains("Breast Cancer Survivors Circle Meeting now 4", program, StringComparison.Ordinal);
        Assert.Contains("How members heard about us", program, StringComparison.Ordinal);

        // Views from before the chosen dates are left out.
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var later = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync($"/coordinator/recruitment/{BreastGroup}?from={tomorrow}", Cancel));
        Assert.Contains("0 page views", later, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task TheRecruitmentReport_CountsByWeekForTwelveWeeks(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var groupId = await WithDbAsync(app, db => db.Groups.Where(g => g.Slug == BreastGroup).Select(g => g.Id).SingleAsync(Cancel));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var thisMonday = RecruitmentReport.MondayOf(today);
        var twoWeeksAgo = thisMonday.AddDays(-14).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc);
        var longAgo = thisMonday.AddDays(-7 * 20).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        await WithDbAsync(app, async db =>
        {
            db.GroupPageViews.AddRange(
                new() { GroupId = groupId, ViewedAtUtc = twoWeeksAgo, Source = ReferralSource.SocialWorker },
                new() { GroupId = groupId, ViewedAtUtc = twoWeeksAgo.AddDays(2), Source = ReferralSource.SocialWorker },
                new() { GroupId = groupId, ViewedAtUtc = twoWeeksAgo.AddDays(1) },
                new() { GroupId = groupId, ViewedAtUtc = longAgo });
            return await db.SaveChangesAsync(Cancel);
        });
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);

        var html = await coordinator.GetStringAsync($"/coordinator/recruitment/{BreastGroup}", Cancel);

        var week = thisMonday.AddDays(-14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var text = PeerCircleAppFactory.VisibleTextOf(html);
        Assert.Matches($"<time datetime=\"{week}\">[^<]+</time></th>\\s*<td><span class=\"count-value\">3</span>", html);
        Assert.Equal(RecruitmentReport.Weeks, System.Text.RegularExpressions.Regex.Matches(html, "<time datetime=").Count);
        Assert.Contains("4 page views", text, StringComparison.Ordinal);
        Assert.Contains("A social worker 2 0 0 0", text, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task MembersAndFacilitators_CannotOpenTheRecruitmentReport(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);

        foreach (var client in new[] { member, facilitator })
        {
            foreach (var path in new[] { "/coordinator/recruitment", $"/coordinator/recruitment/{BreastGroup}" })
            {
                using var response = await client.GetAsync(path, Cancel);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathOf(), StringComparison.Ordinal);
            }
        }
    }

    [Theory, AllProviders]
    public async Task TheShareBox_IsForTheGroupsFacilitatorsAndCoordinators_NotForAFacilitatorOfAnotherGroupOrMembers(DatabaseProvider provider)
    {
        var app = await apps.For(provider);

        async Task<string> PageAs(string? email)
        {
            using var client = app.CreateClientWithCookies();
            if (email is not null)
            {
                await app.SignInAsync(client, email, totp: email != PeerCircleAppFactory.MemberEmail, Cancel);
            }
            return PeerCircleAppFactory.VisibleTextOf(await client.GetStringAsync($"/groups/{BreastGroup}", Cancel));
        }

        foreach (var staff in new[] { PeerCircleAppFactory.FacilitatorEmail, "facilitator2@demo.local", PeerCircleAppFactory.CoordinatorEmail })
        {
            var page = await PageAs(staff);
            Assert.Contains("Share this group", page, StringComparison.Ordinal);
            Assert.Contains($"A social worker {PeerCircleAppFactory.PublicBaseUrl}/groups/{BreastGroup}?ref=social-worker", page, StringComparison.Ordinal);
            Assert.Contains("Print a flyer", page, StringComparison.Ordinal);
        }
        foreach (var other in new[] { "facilitator4@demo.local", PeerCircleAppFactory.MemberEmail, null })
        {
            var page = await PageAs(other);
            Assert.DoesNotContain("Share this group", page, StringComparison.Ordinal);
            Assert.DoesNotContain("?ref=", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Print a flyer", page, StringComparison.Ordinal);
        }
    }
}
