using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.IntegrationTests.Features.Groups;

/// <summary>A group's facilitator composes its comfort agreement; each change is a new, frozen version.</summary>
public class ComfortAgreementTests(SharedApps apps)
{
    // facilitator@demo.local leads this group; facilitator2@demo.local leads the caregivers group.
    private const string LedGroupSlug = "breast-cancer-survivors-circle";
    private const string OtherGroupSlug = "caregivers-evening-circle";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<Guid> GroupIdAsync(PeerCircleAppFactory app, string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Groups.Where(g => g.Slug == slug).Select(g => g.Id).SingleAsync(Cancel);
    }

    private static async Task<List<PeerCircle.Data.Groups.ComfortAgreement>> VersionsAsync(PeerCircleAppFactory app, Guid groupId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().ComfortAgreements.AsNoTracking()
            .Where(a => a.GroupId == groupId).OrderBy(a => a.Version).ToListAsync(Cancel);
    }

    private static List<KeyValuePair<string, string>> Choice(string ownWords, params string[] keys) =>
        [.. keys.Select(k => new KeyValuePair<string, string>("Agreement.IdeaKeys", k)), new("Agreement.OwnWords", ownWords)];

    private static async Task<string> SaveAsync(HttpClient client, string path, List<KeyValuePair<string, string>> fields)
    {
        using var response = await PeerCircleAppFactory.SubmitFormAsync(client, path, "comfort-agreement", fields, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory, AllProviders]
    public async Task LeadFacilitator_SavesTwoVersions_BothKeptWithTheirOwnText_AndTheGroupPageShowsTheCurrentOne(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var groupId = await GroupIdAsync(app, LedGroupSlug);
        var path = $"/facilitator/groups/{groupId}/comfort-agreement";
        Assert.Contains(path, await facilitator.GetStringAsync("/facilitator", Cancel), StringComparison.Ordinal);

        var first = await SaveAsync(facilitator, path, Choice("We bring tissues for each other.", "confidentiality", "share-the-air", "if-broken"));
        var second = await SaveAsync(facilitator, path, Choice("We bring tissues for each other.", "passing", "confidentiality", "share-the-air", "if-broken"));
        var again = await SaveAsync(facilitator, path, Choice("We bring tissues for each other.", "passing", "confidentiality", "share-the-air", "if-broken"));

        Assert.Contains("Saved as version 1.", first, StringComparison.Ordinal);
        Assert.Contains("Saved as version 2.", second, StringComparison.Ordinal);
        Assert.Contains("No changes to save. This is already version 2.", again, StringComparison.Ordinal);
        var versions = await VersionsAsync(app, groupId);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("confidentiality,share-the-air,if-broken", versions[0].IdeaKeys);
        Assert.Equal("confidentiality,share-the-air,passing,if-broken", versions[1].IdeaKeys);
        Assert.DoesNotContain("pass", versions[0].Text, StringComparison.Ordinal);
        Assert.Contains("Anyone can say \"pass\"", versions[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("- We bring tissues for each other.", versions[1].Text, StringComparison.Ordinal);
        Assert.Equal(await app.UserIdAsync(PeerCircleAppFactory.FacilitatorEmail, Cancel), versions[1].CreatedById);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ComfortAgreementSaved && e.RecordId == groupId.ToString(), Cancel));
        }

        using var visitor = app.CreateClientWithCookies();
        var publicPage = PeerCircleAppFactory.VisibleTextOf(await visitor.GetStringAsync($"/groups/{LedGroupSlug}", Cancel));
        Assert.Contains("Our comfort agreement", publicPage, StringComparison.Ordinal);
        Assert.Contains("Anyone can say \"pass\"", publicPage, StringComparison.Ordinal);
        Assert.Contains("We bring tissues for each other.", publicPage, StringComparison.Ordinal);
        Assert.Contains("Version 2", publicPage, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task LeavingOutARequiredIdea_SaysSo_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var groupId = await GroupIdAsync(app, LedGroupSlug);
        var path = $"/facilitator/groups/{groupId}/comfort-agreement";

        var withoutConfidentiality = await SaveAsync(facilitator, path, Choice("", "share-the-air", "if-broken"));
        var unknownIdea = await SaveAsync(facilitator, path, Choice("", "confidentiality", "if-broken", "no-such-idea"));
        var tooLong = await SaveAsync(facilitator, path, Choice(new string('a', 301), "confidentiality", "if-broken"));

        Assert.Contains("Every group's agreement includes \"What we share stays here, with limits\". Please keep it ticked.", withoutConfidentiality, StringComparison.Ordinal);
        Assert.Contains("One of the chosen ideas is not in the library.", unknownIdea, StringComparison.Ordinal);
        Assert.Contains("Please keep your own words to 300 characters or fewer.", tooLong, StringComparison.Ordinal);
        Assert.Empty(await VersionsAsync(app, groupId));
        Assert.DoesNotContain("Our comfort agreement", await app.CreateClientWithCookies().GetStringAsync($"/groups/{LedGroupSlug}", Cancel), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task FacilitatorWhoDoesNotLeadTheGroup_GetsNotFound(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var otherGroup = await GroupIdAsync(app, OtherGroupSlug);

        using var notTheirs = await facilitator.GetAsync($"/facilitator/groups/{otherGroup}/comfort-agreement", Cancel);
        using var noSuchGroup = await facilitator.GetAsync($"/facilitator/groups/{Guid.NewGuid()}/comfort-agreement", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noSuchGroup.StatusCode);
        Assert.DoesNotContain("Ideas for our agreement", await notTheirs.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Coordinator_MayOpenAnyGroupsAgreement(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var otherGroup = await GroupIdAsync(app, OtherGroupSlug);

        using var page = await coordinator.GetAsync($"/facilitator/groups/{otherGroup}/comfort-agreement", Cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Ideas for our agreement", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
