using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.IntegrationTests.Features.Training;

/// <summary>A facilitator in training goes all the way to certification through the real pages and handlers.</summary>
public class CertificationPathTests
{
    private const string Learner = "facilitator5@demo.local";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task FacilitatorInTraining_SignsPoliciesGetsSignOffsPassesModules_AndMayThenLeadAGroup(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var curriculum = app.Services.GetRequiredService<CurriculumLibrary>();
        using var learner = app.CreateClientWithCookies();
        await app.SignInAsync(learner, Learner, totp: true, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var learnerId = await app.UserIdAsync(Learner, Cancel);

        // Policies: a wrong name is refused in plain words; the right one signs the exact text.
        foreach (var policy in curriculum.Policies)
        {
            using var wrong = await PeerCircleAppFactory.SubmitFormAsync(learner, "/academy/certification", $"sign-{policy.Slug}",
                [new("Signing.Agreed", "true"), new("Signing.TypedName", "Someone Else")], Cancel);
            Assert.Contains("Please type your full name exactly as it appears on your account: Aisha Rahman.",
                PeerCircleAppFactory.VisibleTextOf(await wrong.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
            using var signed = await PeerCircleAppFactory.SubmitFormAsync(learner, "/academy/certification", $"sign-{policy.Slug}",
                [new("Signing.Agreed", "true"), new("Signing.TypedName", "aisha rahman")], Cancel);
            Assert.Contains("Your signature is saved.", await signed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        // The coordinator signs off every competency and two live role-plays.
        using (var signOff = await PeerCircleAppFactory.SubmitFormAsync(coordinator, $"/coordinator/facilitators/{learnerId}", "sign-off",
            [.. curriculum.Competencies.Select(c => new KeyValuePair<string, string>($"SignOff.Ratings[{c.Key}]", "3"))], Cancel))
        {
            Assert.Contains($"Sign-offs saved: {curriculum.Competencies.Count}.", await signOff.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        for (var i = 0; i < CertificationRules.RequiredRolePlays; i++)
        {
            using var rolePlay = await PeerCircleAppFactory.SubmitFormAsync(coordinator, $"/coordinator/facilitators/{learnerId}", "role-play",
                [new("RolePlay.Scenario", curriculum.Vignettes[i].Title)], Cancel);
            Assert.Contains("Role-play signed off.", await rolePlay.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        // Still in training until every required module is passed.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var status = await scope.ServiceProvider.GetRequiredService<FacilitatorCertification>().StatusAsync(learnerId, Cancel);
            Assert.Equal(CertificationState.InTraining, status.State);
            Assert.All(status.Missing, m => Assert.StartsWith(CertificationRules.ModuleStep, m, StringComparison.Ordinal));
            foreach (var module in curriculum.Modules.Where(m => m.Required))
            {
                var answers = new QuizAnswers { Answers = [.. module.Quiz.Select(q => (string?)q.Choices.FindIndex(c => c.Correct).ToString(System.Globalization.CultureInfo.InvariantCulture))] };
                await scope.ServiceProvider.GetRequiredService<TakeQuiz>().HandleAsync(learnerId, module, answers, Cancel);
            }
        }

        var page = PeerCircleAppFactory.VisibleTextOf(await learner.GetStringAsync("/academy/certification", Cancel));
        Assert.Contains("Certified.", page, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveGroup>().CreateAsync(new GroupForm
            {
                Name = "Aisha's Tuesday Circle", Description = "Open sharing for survivors.", Audience = "survivors",
                GroupType = "open-forum", Membership = "open", Modality = "phone", Status = "recruiting", Language = "en",
                Capacity = "8", Frequency = "weekly", DayOfWeek = "tuesday", StartTime = "10:00", DurationMinutes = "60",
                TimeZoneId = "America/New_York", DialIn = "+1 555 0100", LeadFacilitatorId = learnerId,
            }, Cancel);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.SelectMany(e => e.Value)));
            var signatures = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().PolicySignatures.Where(s => s.UserId == learnerId).ToListAsync(Cancel);
            Assert.Equal(curriculum.Policies.Select(p => PolicyText.Sha256(p)).Order(), signatures.Select(s => s.TextSha256).Order());
        }
    }

    [Theory, AllProviders]
    public async Task ACertificationOlderThanAYear_WithoutRefreshers_HasExpired_AndTheGateSaysSo(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(400));
        await using var later = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        await using var scope = later.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var veteran = await app.UserIdAsync(PeerCircleAppFactory.FacilitatorEmail, Cancel);

        var status = await scope.ServiceProvider.GetRequiredService<FacilitatorCertification>().StatusAsync(veteran, Cancel);
        var refused = await scope.ServiceProvider.GetRequiredService<SaveGroup>().CreateAsync(new GroupForm
        {
            Name = "Late Circle", Description = "A group.", Audience = "mixed", GroupType = "open-forum", Membership = "open",
            Modality = "phone", Status = "recruiting", Language = "en", Capacity = "8", Frequency = "weekly", DayOfWeek = "monday",
            StartTime = "10:00", DurationMinutes = "60", TimeZoneId = "America/New_York", DialIn = "+1 555 0100", LeadFacilitatorId = veteran,
        }, Cancel);

        Assert.Equal(CertificationState.Expired, status.State);
        Assert.Contains("Dana Okafor's certification has expired.", Assert.Single(refused.Errors["LeadFacilitatorId"]), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task EmptyOrForgedTrainingForms_AnswerWithAMessage_NeverAnError(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        using var learner = app.CreateClientWithCookies();
        await app.SignInAsync(learner, Learner, totp: true, Cancel);
        var learnerId = await app.UserIdAsync(Learner, Cancel);
        var record = $"/coordinator/facilitators/{learnerId}";

        using var noRatings = await PeerCircleAppFactory.SubmitFormAsync(coordinator, record, "sign-off", [], Cancel);
        // One good rating beside a bad one: nothing is saved, so the record is never half-updated.
        using var badRating = await PeerCircleAppFactory.SubmitFormAsync(coordinator, record, "sign-off",
            [new("SignOff.Ratings[support]", "3"), new("SignOff.Ratings[relationship]", "9")], Cancel);
        using var unknownCompetency = await PeerCircleAppFactory.SubmitFormAsync(coordinator, record, "sign-off", [new("SignOff.Ratings[flying]", "3")], Cancel);
        using var noScenario = await PeerCircleAppFactory.SubmitFormAsync(coordinator, record, "role-play", [new("RolePlay.Scenario", "")], Cancel);
        using var unticked = await PeerCircleAppFactory.SubmitFormAsync(learner, "/academy/certification", "sign-boundary-policy", [], Cancel);
        using var noSelfRatings = await PeerCircleAppFactory.SubmitFormAsync(learner, "/academy/certification", "self-rating", [], Cancel);

        Assert.All(new[] { noRatings, badRating, unknownCompetency, noScenario, unticked, noSelfRatings }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains("Please choose a rating from 1 (not yet) to 4 (strong).", await badRating.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("That competency does not exist.", await unknownCompetency.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("Please name the role-play scenario", await noScenario.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains("Please tick the box", await unticked.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<PeerCircleDb>();
        Assert.Empty(await db.CompetencyRatings.Where(r => r.FacilitatorId == learnerId).ToListAsync(Cancel));
        Assert.Empty(await db.PolicySignatures.Where(r => r.UserId == learnerId).ToListAsync(Cancel));
    }

    [Theory, AllProviders]
    public async Task Facilitators_CannotOpenAnotherFacilitatorsTrainingRecord(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        var otherId = await app.UserIdAsync(Learner, Cancel);

        using var record = await facilitator.GetAsync($"/coordinator/facilitators/{otherId}", Cancel);
        using var cohort = await facilitator.GetAsync("/coordinator/academy", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, record.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, cohort.StatusCode);
        Assert.StartsWith("/account/access-denied", record.Headers.Location!.PathOf(), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task TheCohortTable_FlagsCertificationsExpiringSoon_AndLearnersWhoHaveStalled(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);

        var cohort = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/academy", Cancel));

        // The demo's fourth facilitator was certified about 320 days ago; the fifth has done nothing for over a month.
        Assert.Matches("Tom Becker Certified until [^ ]+ Expires in 4[0-9] days: refresher modules due", cohort);
        Assert.Contains("Aisha Rahman In training Overdue: no progress in 30 days", cohort, StringComparison.Ordinal);
        Assert.Matches("Dana Okafor Certified until [^ ]+ [0-9]+ / [0-9]+", cohort);
    }
}
