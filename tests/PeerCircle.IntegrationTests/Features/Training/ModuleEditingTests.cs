using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Content;
using PeerCircle.Web.Features.Training;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.IntegrationTests.Features.Training;

/// <summary>Coordinators edit modules in the app; each save is a new version, and learners keep the version they passed.</summary>
public class ModuleEditingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string NewParagraph = "When a member arrives late, nod hello and let them settle. Catch them up after the check-in.";

    // facilitator@demo.local passed every required module of the shipped text.
    private const string PassedLearner = "facilitator@demo.local";

    private static TrainingModule FirstModule(PeerCircleAppFactory app) =>
        app.Services.GetRequiredService<CurriculumLibrary>().Modules.First(m => m.Required);

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, TrainingModule module, string source, string summary, string? basedOn = null) =>
        PeerCircleAppFactory.SubmitFormAsync(client, $"/coordinator/academy/modules/{module.Slug}", "edit-module",
        [
            new("Edit.Source", source),
            new("Edit.Summary", summary),
            new("Edit.BasedOn", basedOn ?? module.Version),
        ], Cancel);

    private static async Task<List<ContentRevision>> RevisionsAsync(PeerCircleAppFactory app, string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        return await db.ContentRevisions.AsNoTracking().Where(r => r.Kind == ContentKinds.Module && r.Slug == slug).OrderBy(r => r.Number).ToListAsync(Cancel);
    }

    [Theory, AllProviders]
    public async Task AnEdit_BecomesTheNextVersion_AndLearnersWhoPassedKeepTheirVersion(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, "coordinator@demo.local", totp: true, Cancel);
        var original = FirstModule(app);
        var edited = original.Source.TrimEnd() + "\n\n" + NewParagraph + "\n";

        using var response = await SaveAsync(coordinator, original, edited, "Added a tip on late arrivals.");

        var page = PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Version 2 is saved and everyone now sees it.", page, StringComparison.Ordinal);
        Assert.Contains("Version 2 ", page, StringComparison.Ordinal);
        Assert.Contains("Added a tip on late arrivals.", page, StringComparison.Ordinal);
        Assert.Contains("The text that comes with PeerCircle.", page, StringComparison.Ordinal);
        var revisions = await RevisionsAsync(app, original.Slug);
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        Assert.Equal(original.Version, revisions[0].Fingerprint);
        Assert.Contains(NewParagraph, revisions[1].Source, StringComparison.Ordinal);

        using var learner = app.CreateClientWithCookies();
        await app.SignInAsync(learner, PassedLearner, totp: true, Cancel);
        var modulePage = PeerCircleAppFactory.VisibleTextOf(await learner.GetStringAsync($"/academy/modules/{original.Slug}", Cancel));
        Assert.Contains(NewParagraph, modulePage, StringComparison.Ordinal);
        Assert.Contains("It has been updated since then, and your pass still counts.", modulePage, StringComparison.Ordinal);
        Assert.Contains("Read version 1, the one you studied", modulePage, StringComparison.Ordinal);
        var studied = PeerCircleAppFactory.VisibleTextOf(await learner.GetStringAsync($"/academy/modules/{original.Slug}/versions/1", Cancel));
        Assert.Contains("This is version 1, kept so you can look back at what you studied. The module is now at version 2.", studied, StringComparison.Ordinal);
        Assert.DoesNotContain(NewParagraph, studied, StringComparison.Ordinal);
        var certification = PeerCircleAppFactory.VisibleTextOf(await learner.GetStringAsync("/academy/certification", Cancel));
        Assert.Contains("Certified. Valid until", certification, StringComparison.Ordinal);

        var coordinatorLog = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync($"/coordinator/audit?action={AuditActions.ModuleEdited}", Cancel));
        Assert.Contains("version 2: Added a tip on late arrivals.", coordinatorLog, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task AnEditThatBreaksTheModule_SaysWhatToFix_KeepsTheText_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, "coordinator@demo.local", totp: true, Cancel);
        var module = FirstModule(app);
        // Drop the reflection prompt and leave the summary empty.
        var broken = string.Join('\n', module.Source.Split('\n').Where(line => !line.StartsWith("reflection:", StringComparison.Ordinal)));

        using var response = await SaveAsync(coordinator, module, broken, "");

        var html = await response.Content.ReadAsStringAsync(Cancel);
        var page = PeerCircleAppFactory.VisibleTextOf(html);
        Assert.Contains("Add a reflection prompt.", page, StringComparison.Ordinal);
        Assert.Contains("Say in a sentence what you changed and why.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("reflection:", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(module.Objectives[0]), html, StringComparison.Ordinal);

        var badYaml = module.Source.Replace("title: \"", "title: \"\"", StringComparison.Ordinal);
        using var unreadable = await SaveAsync(coordinator, module, badYaml, "Typo fix.");
        Assert.Matches("Line [0-9]+ of the text could not be read.", PeerCircleAppFactory.VisibleTextOf(await unreadable.Content.ReadAsStringAsync(Cancel)));

        var renamed = module.Source.Replace($"slug: \"{module.Slug}\"", "slug: \"another-name\"", StringComparison.Ordinal);
        using var wrongSlug = await SaveAsync(coordinator, module, renamed, "Renamed.");
        Assert.Contains($"Keep the line slug: \"{module.Slug}\".", PeerCircleAppFactory.VisibleTextOf(await wrongSlug.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);

        Assert.Single(await RevisionsAsync(app, module.Slug));
        Assert.Equal(module.Version, FirstModule(app).Version);
    }

    [Theory, AllProviders]
    public async Task TwoCoordinatorsEditingAtOnce_TheSecondIsToldInsteadOfOverwriting(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, "coordinator@demo.local", totp: true, Cancel);
        var module = FirstModule(app);
        var startedFrom = module.Version;
        using var first = await SaveAsync(coordinator, module, module.Source + "\n" + NewParagraph + "\n", "First edit.");

        using var second = await SaveAsync(coordinator, module, module.Source + "\nAnother paragraph about greeting people by name.\n", "Second edit.", startedFrom);

        Assert.Contains("Someone saved version 2 while you were editing.", PeerCircleAppFactory.VisibleTextOf(await second.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Equal(2, (await RevisionsAsync(app, module.Slug)).Count);
    }

    [Theory, AllProviders]
    public async Task OnlyCoordinators_CanEditModules(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PassedLearner, totp: true, Cancel);

        using var response = await facilitator.GetAsync($"/coordinator/academy/modules/{FirstModule(app).Slug}", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathOf(), StringComparison.Ordinal);
    }
}
