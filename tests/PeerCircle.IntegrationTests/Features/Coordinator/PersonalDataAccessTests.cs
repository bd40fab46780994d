using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.IntegrationTests.Features.Coordinator;

/// <summary>Who may see a member's personal details, and the audit trail every look leaves.</summary>
public class PersonalDataAccessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task CoordinatorOpeningAMembersDetails_IsAuditedWithWhoWhatAndWhere(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var memberId = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);

        using var page = await coordinator.GetAsync($"/coordinator/members/{memberId}", Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(PeerCircleAppFactory.MemberEmail, await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var viewed = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.MemberViewed && e.RecordId == memberId, Cancel);
        Assert.Equal(PeerCircleAppFactory.CoordinatorEmail, viewed.ActorName);
        Assert.Equal(await app.UserIdAsync(PeerCircleAppFactory.CoordinatorEmail, Cancel), viewed.ActorUserId);
        Assert.Equal("Member", viewed.RecordType);

        using var log = await coordinator.GetAsync($"/coordinator/audit?action=member.viewed&record={memberId}", Cancel);
        Assert.Contains(PeerCircleAppFactory.CoordinatorEmail, await log.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task MemberChangingTheirDetails_IsSavedAndAudited(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        using var response = await PeerCircleAppFactory.SubmitFormAsync(member, "/account/profile", "profile",
            [new("Form.FullName", "Maria Gonzalez"), new("Form.DisplayName", "Mari G."), new("Form.TimeZoneId", "America/Denver")], Cancel);

        Assert.Contains("Your changes are saved.", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var user = await db.Users.SingleAsync(u => u.Email == PeerCircleAppFactory.MemberEmail, Cancel);
        Assert.Equal("Mari G.", user.DisplayName);
        Assert.Equal("America/Denver", user.TimeZoneId);
        var changed = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.ProfileChanged && e.RecordId == user.Id, Cancel);
        Assert.Contains("display name", changed.Detail, StringComparison.Ordinal);
        Assert.Contains("time zone", changed.Detail, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task MembersAndFacilitators_CannotReachCoordinatorPages(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var memberId = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);

        foreach (var client in new[] { member, facilitator })
        {
            foreach (var path in new[] { "/coordinator", "/coordinator/members", $"/coordinator/members/{memberId}", "/coordinator/audit", "/clinician" })
            {
                using var response = await client.GetAsync(path, Cancel);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathOf(), StringComparison.Ordinal);
            }
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.MemberViewed, Cancel));
    }

    [Theory, AllProviders]
    public async Task Facilitator_SeesOnlyTheGroupsTheyLead_WithMembersByTheirChosenNames(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);

        using var page = await facilitator.GetAsync("/facilitator", Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var facilitatorId = await app.UserIdAsync(PeerCircleAppFactory.FacilitatorEmail, Cancel);
        var groups = await db.Groups.Select(g => new { g.Name, Mine = g.LeadFacilitatorId == facilitatorId || g.CoFacilitatorId == facilitatorId }).ToListAsync(Cancel);
        Assert.Contains(groups, g => g.Mine);
        Assert.Contains(groups, g => !g.Mine);
        foreach (var group in groups)
        {
            Assert.Equal(group.Mine, html.Contains(System.Net.WebUtility.HtmlEncode(group.Name), StringComparison.Ordinal));
        }
        Assert.DoesNotContain("@demo.local", html, StringComparison.Ordinal);
    }

}
