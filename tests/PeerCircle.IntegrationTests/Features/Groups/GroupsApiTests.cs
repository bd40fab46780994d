using System.Net;
using System.Text.Json;
using PeerCircle.Data;

namespace PeerCircle.IntegrationTests.Features.Groups;

/// <summary>The public directory API, read against the ten groups of the demo program.</summary>
public class GroupsApiTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(DatabaseProvider provider, string path)
    {
        var app = await apps.For(provider);
        using var client = app.CreateClientWithCookies();
        using var response = await client.GetAsync(path, Cancel);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(Cancel));
    }

    private async Task<JsonElement> SearchAsync(DatabaseProvider provider, string queryString)
    {
        var (status, _, body) = await GetAsync(provider, "/api/groups" + queryString);
        Assert.True(status == HttpStatusCode.OK, $"GET /api/groups{queryString} answered {(int)status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string[] Slugs(JsonElement search) =>
        search.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("slug").GetString()!).ToArray();

    [Theory, AllProviders]
    public async Task Search_WithoutFilters_ListsEverySeededGroupByName(DatabaseProvider provider)
    {
        var search = await SearchAsync(provider, "");

        Assert.Equal(10, search.GetProperty("total").GetInt32());
        Assert.Equal(1, search.GetProperty("page").GetInt32());
        Assert.Equal(1, search.GetProperty("pageCount").GetInt32());
        Assert.Equal(
            [
                "after-loss-bereavement-group", "blood-cancer-caregivers-phoenix", "breast-cancer-survivors-circle",
                "caregivers-evening-circle", "grupo-de-apoyo-juntos", "living-with-advanced-cancer",
                "lung-cancer-support-atlanta", "newly-diagnosed-first-steps", "prostate-cancer-phone-group",
                "young-adult-survivors-chat",
            ],
            Slugs(search));
        var circle = search.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("slug").GetString() == "breast-cancer-survivors-circle");
        Assert.Equal("survivors", circle.GetProperty("audience").GetString());
        Assert.Equal("in-person", circle.GetProperty("modality").GetString());
        Assert.Equal("Every Tuesday, 6:30 PM to 8:00 PM", circle.GetProperty("schedule").GetString());
        Assert.Equal("/groups/breast-cancer-survivors-circle", circle.GetProperty("url").GetString());
    }

    [Theory, AllProviders]
    public async Task Search_NearChicagoZip_PutsTheChicagoGroupFirstWithItsDistanceThenRemoteGroups(DatabaseProvider provider)
    {
        var search = await SearchAsync(provider, "?zip=60614&radius=50");

        var groups = search.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal("60614", search.GetProperty("originZip").GetString());
        var first = groups[0];
        Assert.Equal("breast-cancer-survivors-circle", first.GetProperty("slug").GetString());
        Assert.False(first.GetProperty("isRemote").GetBoolean());
        Assert.InRange(first.GetProperty("distanceMiles").GetDouble(), 0.5, 5);
        // Every group after it meets remotely, open to people wherever they live; in-person groups elsewhere are left out.
        Assert.Equal(
            [
                "blood-cancer-caregivers-phoenix", "caregivers-evening-circle", "living-with-advanced-cancer",
                "newly-diagnosed-first-steps", "prostate-cancer-phone-group", "young-adult-survivors-chat",
            ],
            groups.Skip(1).Select(g => g.GetProperty("slug").GetString()));
        Assert.All(groups.Skip(1), g =>
        {
            Assert.True(g.GetProperty("isRemote").GetBoolean());
            Assert.Equal(JsonValueKind.Null, g.GetProperty("distanceMiles").ValueKind);
        });
        Assert.Equal(7, search.GetProperty("total").GetInt32());
    }

    [Theory, AllProviders]
    public async Task Search_NearASmallRadiusElsewhere_FindsNoInPersonGroupButStillTheRemoteOnes(DatabaseProvider provider)
    {
        // 59801 is Missoula, Montana: no demo group meets within 10 miles.
        var search = await SearchAsync(provider, "?zip=59801&radius=10&modality=in-person");

        Assert.Equal(["blood-cancer-caregivers-phoenix", "newly-diagnosed-first-steps"], Slugs(search));
        Assert.All(search.GetProperty("groups").EnumerateArray(), g => Assert.True(g.GetProperty("isRemote").GetBoolean()));
    }

    [Theory, AllProviders]
    public async Task Search_ByAudience_IncludesMixedGroups(DatabaseProvider provider)
    {
        var search = await SearchAsync(provider, "?audience=caregivers");

        Assert.Equal(
            ["blood-cancer-caregivers-phoenix", "caregivers-evening-circle", "grupo-de-apoyo-juntos", "lung-cancer-support-atlanta"],
            Slugs(search));
    }

    [Theory, AllProviders]
    public async Task Search_ByCancer_IncludesGroupsOpenToAnyCancer(DatabaseProvider provider)
    {
        var search = await SearchAsync(provider, "?cancer=prostate");

        Assert.Equal(
            [
                "after-loss-bereavement-group", "caregivers-evening-circle", "grupo-de-apoyo-juntos",
                "newly-diagnosed-first-steps", "prostate-cancer-phone-group", "young-adult-survivors-chat",
            ],
            Slugs(search));
    }

    [Theory, AllProviders]
    public async Task Search_ByModality_CountsHybridGroupsAsBothInPersonAndVideo(DatabaseProvider provider)
    {
        Assert.Equal(["prostate-cancer-phone-group"], Slugs(await SearchAsync(provider, "?modality=phone")));
        Assert.Equal(
            ["blood-cancer-caregivers-phoenix", "caregivers-evening-circle", "living-with-advanced-cancer", "newly-diagnosed-first-steps"],
            Slugs(await SearchAsync(provider, "?modality=video")));
        Assert.Equal(
            [
                "after-loss-bereavement-group", "blood-cancer-caregivers-phoenix", "breast-cancer-survivors-circle",
                "grupo-de-apoyo-juntos", "lung-cancer-support-atlanta", "newly-diagnosed-first-steps",
            ],
            Slugs(await SearchAsync(provider, "?modality=in-person")));
    }

    [Theory, AllProviders]
    public async Task Search_ByLanguageDayAndTime_MatchesTheGroupsOwnSchedule(DatabaseProvider provider)
    {
        Assert.Equal(["grupo-de-apoyo-juntos"], Slugs(await SearchAsync(provider, "?language=es")));
        Assert.Equal(
            ["living-with-advanced-cancer", "newly-diagnosed-first-steps"],
            Slugs(await SearchAsync(provider, "?day=thursday")));
        Assert.Equal(
            ["grupo-de-apoyo-juntos", "lung-cancer-support-atlanta", "prostate-cancer-phone-group"],
            Slugs(await SearchAsync(provider, "?time=morning")));
        Assert.Equal(["living-with-advanced-cancer"], Slugs(await SearchAsync(provider, "?time=afternoon")));
    }

    [Theory, AllProviders]
    public async Task Search_WithSeveralFilters_AppliesThemAll(DatabaseProvider provider)
    {
        var search = await SearchAsync(provider, "?audience=patients&modality=video&day=thursday&time=evening");

        Assert.Equal(["newly-diagnosed-first-steps"], Slugs(search));
    }

    [Theory, AllProviders]
    public async Task Search_PastTheLastPage_IsEmptyNotAnError(DatabaseProvider provider)
    {
        var search = await SearchAsync(provider, "?page=2");

        Assert.Empty(Slugs(search));
        Assert.Equal(10, search.GetProperty("total").GetInt32());
    }

    [Theory, AllProviders]
    public async Task Search_WithBadFilters_AnswersAProblemNamingEachField(DatabaseProvider provider)
    {
        var (status, contentType, body) = await GetAsync(provider, "/api/groups?audience=teens&modality=3&zip=1234&radius=abc&page=0");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors");
        Assert.Equal(
            ["audience", "modality", "page", "radius", "zip"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Please enter a 5-digit US ZIP code, like 60614.", errors.GetProperty("zip")[0].GetString());
    }

    [Theory, AllProviders]
    public async Task Search_WithUnknownZip_SaysItWasNotFound(DatabaseProvider provider)
    {
        var (status, _, body) = await GetAsync(provider, "/api/groups?zip=00000");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("We could not find ZIP code 00000", body, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Search_WithATenThousandCharacterValue_IsABadRequestNotAServerError(DatabaseProvider provider)
    {
        var huge = new string('x', 10_000);
        foreach (var field in new[] { "audience", "cancer", "language", "zip", "radius", "page" })
        {
            var (status, contentType, body) = await GetAsync(provider, $"/api/groups?{field}={huge}");

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("application/problem+json", contentType);
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body[..Math.Min(300, body.Length)]);
        }
    }

    [Theory, AllProviders]
    public async Task GetGroup_BySlugOrId_ReturnsItsPublicDetailsAndNextMeetings(DatabaseProvider provider)
    {
        var (status, _, body) = await GetAsync(provider, "/api/groups/breast-cancer-survivors-circle");

        Assert.Equal(HttpStatusCode.OK, status);
        var group = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Breast Cancer Survivors Circle", group.GetProperty("name").GetString());
        Assert.Equal("Chicago", group.GetProperty("city").GetString());
        Assert.Equal("America/Chicago", group.GetProperty("timeZone").GetString());
        Assert.Equal(3, group.GetProperty("nextMeetingsUtc").GetArrayLength());

        var (byIdStatus, _, byId) = await GetAsync(provider, "/api/groups/" + group.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, byIdStatus);
        Assert.Equal("breast-cancer-survivors-circle", JsonDocument.Parse(byId).RootElement.GetProperty("slug").GetString());
    }

    [Theory, AllProviders]
    public async Task GetGroup_ThatDoesNotExist_AnswersANotFoundProblem(DatabaseProvider provider)
    {
        var paths = new[]
        {
            "/api/groups/no-such-group",
            "/api/groups/" + Guid.Empty,
            "/api/groups/%27%22%3Cscript%3E",
            "/api/groups/" + new string('a', 300),
            "/api/groups/%F0%9F%98%80",
        };
        foreach (var path in paths)
        {
            var (status, contentType, body) = await GetAsync(provider, path);

            Assert.True(status == HttpStatusCode.NotFound, $"{path} answered {(int)status}: {body}");
            Assert.EndsWith("json", contentType, StringComparison.Ordinal);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(404, problem.GetProperty("status").GetInt32());
            Assert.Equal("Group not found", problem.GetProperty("title").GetString());
        }
    }

    [Theory]
    [AllProviders]
    public async Task GetGroup_ThatDoesNotExist_IsServedAsProblemJson(DatabaseProvider provider)
    {
        var (status, contentType, _) = await GetAsync(provider, "/api/groups/no-such-group");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", contentType);
    }

    [Theory, AllProviders]
    public async Task Api_NeverRevealsMeetingLinksOrDialInNumbers(DatabaseProvider provider)
    {
        var bodies = new List<string>();
        foreach (var query in new[] { "", "?zip=60614&radius=500", "?modality=phone", "?modality=video" })
        {
            bodies.Add((await GetAsync(provider, "/api/groups" + query)).Body);
        }
        foreach (var slug in Slugs(await SearchAsync(provider, "")))
        {
            bodies.Add((await GetAsync(provider, "/api/groups/" + slug)).Body);
        }

        Assert.All(bodies, body =>
        {
            Assert.DoesNotContain("meetingLink", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("dialIn", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https://meet.", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("access code", body, StringComparison.OrdinalIgnoreCase);
        });
    }
}
