using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Safety.Resources;

namespace PeerCircle.IntegrationTests.Features.Safety;

/// <summary>The resource directory: coordinators keep it, HSDS import and export, the starter directory, and members browsing.</summary>
public class ResourceDirectoryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static async Task<T> WithDbAsync<T>(PeerCircleAppFactory app, Func<PeerCircleDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }

    private static List<KeyValuePair<string, string>> Fields(string name, string area = "National", params (string Key, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Resource.Name"] = name,
            ["Resource.Category"] = "Transportation",
            ["Resource.Description"] = "Volunteer drivers take people to treatment.",
            ["Resource.HowToContact"] = "Call on weekdays, 9 to 5.",
            ["Resource.Phone"] = "1-555-010-0199",
            ["Resource.Website"] = "",
            ["Resource.Email"] = "",
            ["Resource.Area"] = area,
            ["Resource.States"] = "",
            ["Resource.PostalCode"] = "",
            ["Resource.RadiusMiles"] = "",
            ["Resource.Cost"] = "Free",
            ["Resource.Eligibility"] = "",
            ["Resource.LastReviewedOn"] = Today,
            ["Resource.Active"] = "true",
        };
        foreach (var (key, value) in changes)
        {
            fields["Resource." + key] = value;
        }
        return [.. fields, new("Resource.Languages", "en")];
    }

    private static async Task<HttpClient> CoordinatorAsync(PeerCircleAppFactory app)
    {
        var client = app.CreateClientWithCookies();
        await app.SignInAsync(client, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        return client;
    }

    [Theory, AllProviders]
    public async Task Coordinator_AddsAResource_ButEveryFieldIsCheckedFirst(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = await CoordinatorAsync(app);
        var before = await WithDbAsync(app, db => db.Resources.CountAsync(Cancel));

        using var bad = await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/coordinator/resources/new", "resource",
            Fields("", "Radius", ("Phone", "call us"), ("PostalCode", "00000"), ("RadiusMiles", "9999"), ("LastReviewedOn", "2999-01-01")), Cancel);
        var page = PeerCircleAppFactory.VisibleTextOf(await bad.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Please give the resource a name", page, StringComparison.Ordinal);
        Assert.Contains("Please enter the phone number with digits only", page, StringComparison.Ordinal);
        Assert.Contains("Please enter a five-digit US ZIP code we know", page, StringComparison.Ordinal);
        Assert.Contains("from 1 to 500", page, StringComparison.Ordinal);
        Assert.Contains("cannot be in the future", page, StringComparison.Ordinal);

        using var noContact = await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/coordinator/resources/new", "resource",
            Fields("Rides Houston", "State", ("Phone", ""), ("States", "TX, ZZ")), Cancel);
        page = PeerCircleAppFactory.VisibleTextOf(await noContact.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("at least one way to reach them", page, StringComparison.Ordinal);
        Assert.Contains("two-letter codes", page, StringComparison.Ordinal);
        Assert.Equal(before, await WithDbAsync(app, db => db.Resources.CountAsync(Cancel)));

        using var good = await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/coordinator/resources/new", "resource",
            Fields("Rides Houston", "Radius", ("PostalCode", "77030"), ("RadiusMiles", "40"), ("Website", "rides.example.org")), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = await WithDbAsync(app, db => db.Resources.SingleAsync(r => r.Name == "Rides Houston", Cancel));
        Assert.Equal(AreaServed.Radius, saved.Area);
        Assert.NotNull(saved.Latitude);
        Assert.Equal("https://rides.example.org", saved.Website);
        Assert.True(await WithDbAsync(app, db => db.AuditEvents.AnyAsync(e => e.Action == "safety.resource-added" && e.RecordId == saved.Id.ToString(), Cancel)));
    }

    [Theory, AllProviders]
    public async Task ResourcesNotReviewedFor12Months_AreFlagged_UntilMarkedReviewed(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = await CoordinatorAsync(app);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (stale, fresh) = await WithDbAsync(app, async db =>
        {
            // The rest were reviewed today, so the starter directory's own review date does not count here.
            var resources = await db.Resources.OrderBy(r => r.Name).ToListAsync(Cancel);
            resources.ForEach(r => r.LastReviewedOn = today);
            resources[0].LastReviewedOn = today.AddMonths(-12).AddDays(-1);
            resources[1].LastReviewedOn = today.AddMonths(-11);
            await db.SaveChangesAsync(Cancel);
            return (resources[0], resources[1]);
        });

        var review = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/resources/review", Cancel));
        Assert.Contains(stale.Name, review, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh.Name, review, StringComparison.Ordinal);
        Assert.Contains("Resources due for review (1)", review, StringComparison.Ordinal);
        Assert.Contains("Resource review (1 due)", PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/resources", Cancel)), StringComparison.Ordinal);

        using var marked = await PeerCircleAppFactory.SubmitFormAsync(coordinator, "/coordinator/resources/review", $"review-{stale.Id}",
            [new("ResourceId", stale.Id.ToString())], Cancel);
        var after = PeerCircleAppFactory.VisibleTextOf(await marked.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Marked as reviewed today.", after, StringComparison.Ordinal);
        Assert.Contains("Every active resource has been reviewed", after, StringComparison.Ordinal);
        Assert.Equal(today, await WithDbAsync(app, db => db.Resources.Where(r => r.Id == stale.Id).Select(r => r.LastReviewedOn).SingleAsync(Cancel)));
    }

    [Theory, AllProviders]
    public async Task StarterDirectory_LoadsOnce_WhenTheDirectoryIsEmpty(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var names = await WithDbAsync(app, db => db.Resources.Select(r => r.Name).ToListAsync(Cancel));
        Assert.Contains("988 Suicide & Crisis Lifeline", names);
        Assert.Contains("CancerCare", names);
        Assert.Equal(names.Count, names.Distinct().Count());
        var lifeline = await WithDbAsync(app, db => db.Resources.SingleAsync(r => r.Name == "988 Suicide & Crisis Lifeline", Cancel));
        Assert.Equal("988", lifeline.Phone);
        Assert.Equal(ResourceCategory.CrisisLine, lifeline.Category);
        Assert.Equal(AreaServed.National, lifeline.Area);

        // Not again while the directory has resources, even after a coordinator removed one.
        await WithDbAsync(app, async db =>
        {
            db.Resources.Remove(await db.Resources.SingleAsync(r => r.Name == "CancerCare", Cancel));
            return await db.SaveChangesAsync(Cancel);
        });
        Assert.Equal(0, await StarterDirectory.LoadIfEmptyAsync(app.Services, Cancel));
        Assert.Equal(names.Count - 1, await WithDbAsync(app, db => db.Resources.CountAsync(Cancel)));
    }

    private static async Task<byte[]> ExportAsync(HttpClient coordinator, string path)
    {
        using var response = await coordinator.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Cancel);
    }

    internal static async Task<string> ImportAsync(HttpClient coordinator, string fileName, byte[] content)
    {
        var html = await coordinator.GetStringAsync("/coordinator/resources/import", Cancel);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PeerCircleAppFactory.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent("import-resources"), "_handler" },
            { new StringContent("1"), "Import" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "application/json");
        form.Add(file, "File", fileName);
        using var response = await coordinator.PostAsync("/coordinator/resources/import", form, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
    }

    private static async Task AddVariedResourcesAsync(PeerCircleAppFactory app)
    {
        await WithDbAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            db.Resources.AddRange(
                new Resource
                {
                    Id = Guid.NewGuid(), Name = "Texas Legal Aid, \"cancer\" line", Organization = "Lone Star Legal", Category = ResourceCategory.Legal,
                    Description = "Free legal help,\nwith wills and work.", HowToContact = "Call, weekdays.", Phone = "1-555-010-0100",
                    Email = "help@example.org", Area = AreaServed.State, States = "TX,OK", Languages = "en,es", Cost = "Free",
                    Eligibility = "Low income", LastReviewedOn = new DateOnly(2025, 1, 2), Active = false, CreatedAtUtc = now, UpdatedAtUtc = now,
                },
                new Resource
                {
                    Id = Guid.NewGuid(), Name = "Houston Rides", Category = ResourceCategory.Transportation, Description = "Rides.",
                    HowToContact = "Book online.", Website = "https://rides.example.org", Area = AreaServed.Radius, PostalCode = "77030",
                    Latitude = 29.7, Longitude = -95.4, RadiusMiles = 30, Languages = "en", Cost = "Free", LastReviewedOn = new DateOnly(2026, 2, 3),
                    CreatedAtUtc = now, UpdatedAtUtc = now,
                });
            return await db.SaveChangesAsync(Cancel);
        });
    }

    private static object Snapshot(Resource r) => new
    {
        r.Id, r.Name, r.Organization, r.Category, r.Description, r.Phone, r.Website, r.Email, r.HowToContact, r.Area, r.States,
        r.PostalCode, r.RadiusMiles, r.Languages, r.Cost, r.Eligibility, r.LastReviewedOn, r.Active,
    };

    [Theory, AllProviders]
    public async Task HsdsCsvAndJson_RoundTrip_IntoAnEmptyDirectory(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = await CoordinatorAsync(app);
        await AddVariedResourcesAsync(app);
        var original = (await WithDbAsync(app, db => db.Resources.AsNoTracking().ToListAsync(Cancel))).OrderBy(r => r.Id).Select(Snapshot).ToList();
        var zip = await ExportAsync(coordinator, "/coordinator/resources/export/hsds-csv.zip");
        var json = await ExportAsync(coordinator, "/coordinator/resources/export/hsds.json");
        using (var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip)))
        {
            var entries = archive.Entries.Select(e => e.Name).ToList();
            foreach (var table in new[] { "organizations.csv", "services.csv", "phones.csv", "service_areas.csv", "languages.csv" })
            {
                Assert.Contains(table, entries);
            }
        }

        foreach (var (fileName, content) in new[] { ("resources.zip", zip), ("resources.json", json) })
        {
            await WithDbAsync(app, db => db.Resources.ExecuteDeleteAsync(Cancel));
            var page = await ImportAsync(coordinator, fileName, content);
            Assert.Contains($"Imported: {original.Count} added, 0 updated.", page, StringComparison.Ordinal);
            var imported = (await WithDbAsync(app, db => db.Resources.AsNoTracking().ToListAsync(Cancel))).OrderBy(r => r.Id).Select(Snapshot).ToList();
            Assert.Equal(original, imported);
        }

        // Importing again matches by id and updates instead of adding.
        var again = await ImportAsync(coordinator, "resources.json", json);
        Assert.Contains($"Imported: 0 added, {original.Count} updated.", again, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Import_WithABadRow_SavesNothing_AndNamesTheRow(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = await CoordinatorAsync(app);
        var zip = await ExportAsync(coordinator, "/coordinator/resources/export/hsds-csv.zip");
        var before = (await WithDbAsync(app, db => db.Resources.AsNoTracking().ToListAsync(Cancel))).OrderBy(r => r.Id).Select(Snapshot).ToList();

        // Change every service's cost (so a partial save would show), and blank the third row's name and its phone's owner.
        using var edited = new MemoryStream();
        using (var source = new System.IO.Compression.ZipArchive(new MemoryStream(zip)))
        using (var target = new System.IO.Compression.ZipArchive(edited, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = await reader.ReadToEndAsync(Cancel);
                if (entry.Name == "services.csv")
                {
                    var rows = Csv.Read(text)!;
                    var cost = rows[0].IndexOf("fees_description");
                    var name = rows[0].IndexOf("name");
                    foreach (var row in rows.Skip(1))
                    {
                        row[cost] = "Changed";
                    }
                    rows[3][name] = "";
                    text = Csv.Write(rows[0], rows.Skip(1).Select(r => (IReadOnlyList<string?>)r.ToList<string?>()));
                }
                var copy = target.CreateEntry(entry.Name);
                await using var writer = new StreamWriter(copy.Open());
                await writer.WriteAsync(text);
            }
        }

        var page = await ImportAsync(coordinator, "changed.zip", edited.ToArray());
        Assert.Contains("Nothing was imported", page, StringComparison.Ordinal);
        Assert.Contains("services.csv row 4: Please give the resource a name", page, StringComparison.Ordinal);
        var after = (await WithDbAsync(app, db => db.Resources.AsNoTracking().ToListAsync(Cancel))).OrderBy(r => r.Id).Select(Snapshot).ToList();
        Assert.Equal(before, after);

        var broken = await ImportAsync(coordinator, "broken.json", "[{\"name\": \"Only a name\"}]"u8.ToArray());
        Assert.Contains("Service 1 (“Only a name”): Please choose what kind of help this is.", broken, StringComparison.Ordinal);
    }

    private static async Task SetProfileAsync(PeerCircleAppFactory app, string userId, string? zip, params string[] languages)
    {
        await WithDbAsync(app, async db =>
        {
            var profile = await db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == userId, Cancel);
            if (profile is null)
            {
                profile = new MemberProfile { UserId = userId };
                db.MemberProfiles.Add(profile);
            }
            profile.PostalCode = zip;
            profile.Languages = [.. languages];
            return await db.SaveChangesAsync(Cancel);
        });
    }

    private static async Task AddLocalResourcesAsync(PeerCircleAppFactory app)
    {
        await WithDbAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            Resource Make(string name, AreaServed area, string languages, string? states = null, string? zip = null, double? lat = null, double? lon = null, int? miles = null) => new()
            {
                Id = Guid.NewGuid(), Name = name, Category = ResourceCategory.Transportation, Description = "Rides to treatment.",
                HowToContact = "Call.", Phone = "1-555-010-0111", Area = area, States = states, PostalCode = zip, Latitude = lat, Longitude = lon,
                RadiusMiles = miles, Languages = languages, Cost = "Free", LastReviewedOn = DateOnly.FromDateTime(now), CreatedAtUtc = now, UpdatedAtUtc = now,
            };
            db.Resources.AddRange(
                Make("Texas Ride Fund", AreaServed.State, "en,es", states: "TX"),
                Make("Ohio Ride Fund", AreaServed.State, "en", states: "OH"),
                Make("Houston Medical Center Rides", AreaServed.Radius, "en", zip: "77030", lat: 29.707, lon: -95.401, miles: 25),
                Make("Dallas Rides", AreaServed.Radius, "en", zip: "75201", lat: 32.79, lon: -96.80, miles: 25),
                Make("National Ride Line", AreaServed.National, "es"));
            return await db.SaveChangesAsync(Cancel);
        });
    }

    [Theory, AllProviders]
    public async Task MembersBrowse_ByTheirZip_State_AndLanguage_WithCrisisLinesOnTop(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await AddLocalResourcesAsync(app);
        var memberId = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);
        await SetProfileAsync(app, memberId, "77005", "en", "es");
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        var page = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/resources?category=transportation", Cancel));
        Assert.Contains("Texas Ride Fund", page, StringComparison.Ordinal);
        Assert.Contains("Houston Medical Center Rides", page, StringComparison.Ordinal);
        Assert.Contains("National Ride Line", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ohio Ride Fund", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Dallas Rides", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("988 Suicide & Crisis Lifeline", StringComparison.Ordinal) < page.IndexOf("Texas Ride Fund", StringComparison.Ordinal));

        var spanish = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/resources?category=transportation&language=es", Cancel));
        Assert.Contains("Texas Ride Fund", spanish, StringComparison.Ordinal);
        Assert.Contains("National Ride Line", spanish, StringComparison.Ordinal);
        Assert.DoesNotContain("Houston Medical Center Rides", spanish, StringComparison.Ordinal);

        var ohio = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/resources?category=transportation&zip=43215", Cancel));
        Assert.Contains("Ohio Ride Fund", ohio, StringComparison.Ordinal);
        Assert.DoesNotContain("Texas Ride Fund", ohio, StringComparison.Ordinal);
        Assert.DoesNotContain("Houston Medical Center Rides", ohio, StringComparison.Ordinal);

        var handEdited = await member.GetAsync("/resources?category=nonsense&language=%00&zip=abc", Cancel);
        Assert.Equal(HttpStatusCode.OK, handEdited.StatusCode);
    }

}
