using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.IntegrationTests.Features.Training;

/// <summary>A facilitator takes a module's knowledge check through the page; the attempt is scored and kept.</summary>
public class TakeQuizTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // facilitator5 is part-way through training and has not yet passed the last module of the path.
    private const string Learner = "facilitator5@demo.local";

    private static TrainingModule UnpassedModule(PeerCircleAppFactory app) =>
        app.Services.GetRequiredService<CurriculumLibrary>().Modules.Last(m => m.Required);

    private static async Task<List<PeerCircle.Data.Training.ModuleAttempt>> AttemptsAsync(PeerCircleAppFactory app, TrainingModule module)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var learner = await app.UserIdAsync(Learner, Cancel);
        return await db.ModuleAttempts.Where(a => a.UserId == learner && a.ModuleSlug == module.Slug).ToListAsync(Cancel);
    }

    private static List<KeyValuePair<string, string>> Answers(TrainingModule module, int wrongAnswers) =>
        [.. module.Quiz.Select((question, i) =>
        {
            var right = question.Choices.FindIndex(c => c.Correct);
            var chosen = i < wrongAnswers ? (right + 1) % question.Choices.Count : right;
            return new KeyValuePair<string, string>($"Quiz.Answers[{i}]", chosen.ToString(CultureInfo.InvariantCulture));
        })];

    [Theory, AllProviders]
    public async Task AllRightAnswers_PassTheModule_AndTheAcademyShowsIt(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, Learner, totp: true, Cancel);
        var module = UnpassedModule(app);

        using var response = await PeerCircleAppFactory.SubmitFormAsync(facilitator, $"/academy/modules/{module.Slug}", "quiz", Answers(module, 0), Cancel);

        var text = PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains($"You got {module.Quiz.Count} of {module.Quiz.Count} right (100%).", text, StringComparison.Ordinal);
        Assert.Contains("You passed this module.", text, StringComparison.Ordinal);
        Assert.Contains(module.Quiz[0].Choices.First(c => c.Correct).Explanation, text, StringComparison.Ordinal);
        var attempt = Assert.Single(await AttemptsAsync(app, module));
        Assert.True(attempt.Passed);
        Assert.Equal(module.Version, attempt.ModuleVersion);
        var academy = PeerCircleAppFactory.VisibleTextOf(await facilitator.GetStringAsync("/academy", Cancel));
        var required = app.Services.GetRequiredService<CurriculumLibrary>().Modules.Count(m => m.Required);
        Assert.Contains($"{(required / 2) + 1} of {required} required modules passed", academy, StringComparison.Ordinal);
        Assert.Contains($"{module.Title} About {module.Minutes} minutes · Required Passed (100%)", academy, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task BelowEightyPercent_IsRecordedButNotPassed(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, Learner, totp: true, Cancel);
        var module = UnpassedModule(app);

        using var response = await PeerCircleAppFactory.SubmitFormAsync(facilitator, $"/academy/modules/{module.Slug}", "quiz", Answers(module, 2), Cancel);

        Assert.Contains("You need 80% to pass.", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var attempt = Assert.Single(await AttemptsAsync(app, module));
        Assert.False(attempt.Passed);
        Assert.Equal(module.Quiz.Count - 2, attempt.Correct);
    }

    [Theory, AllProviders]
    public async Task UnansweredOrForgedAnswers_SayWhatToFixAndSaveNothing(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, Learner, totp: true, Cancel);
        var module = UnpassedModule(app);
        var forged = Answers(module, 0);
        forged[1] = new("Quiz.Answers[1]", "99");

        using var missing = await PeerCircleAppFactory.SubmitFormAsync(facilitator, $"/academy/modules/{module.Slug}", "quiz", Answers(module, 0).Take(1), Cancel);
        using var bogus = await PeerCircleAppFactory.SubmitFormAsync(facilitator, $"/academy/modules/{module.Slug}", "quiz", forged, Cancel);

        Assert.Contains("Please answer question 2.", await missing.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("Please answer question 2.", await bogus.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(await AttemptsAsync(app, module));
    }

    [Theory, AllProviders]
    public async Task Members_CannotOpenTheAcademy(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);

        using var response = await member.GetAsync("/academy", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathOf(), StringComparison.Ordinal);
    }
}
