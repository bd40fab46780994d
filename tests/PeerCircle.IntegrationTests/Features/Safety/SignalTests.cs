using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Data.Members;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Calendars;

namespace PeerCircle.IntegrationTests.Features.Safety;

/// <summary>What members answer and write, and what facilitators notice, reaches a clinician as a signal on a case.</summary>
public class SignalTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Slug = "breast-cancer-survivors-circle";

    /// <summary>The app with its clock two hours before the breast cancer group's next meeting, when check-in is open.</summary>
    private static async Task<WebApplicationFactory<Program>> BeforeTheMeetingAsync(PeerCircleAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var group = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Groups.AsNoTracking().SingleAsync(g => g.Slug == Slug, Cancel);
        var next = (await scope.ServiceProvider.GetRequiredService<GroupCalendar>().NextMeetingsAsync(group, 1, Cancel))[0];
        var clock = new FakeTimeProvider(new DateTimeOffset(next.AddHours(-2), TimeSpan.Zero));
        return app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
    }

    private static async Task<List<SafetySignal>> SignalsAboutAsync(PeerCircleAppFactory app, string memberId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().SafetySignals.AsNoTracking().Include(s => s.Case)
            .Where(s => s.MemberId == memberId).OrderBy(s => s.Id).ToListAsync(Cancel);
    }

    [Theory, AllProviders]
    public async Task AYesToTheSafetyQuestion_ShowsCrisisHelpAtOnce_AndOpensAnUrgentCase(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var soon = await BeforeTheMeetingAsync(app);
        using var member = soon.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        var maria = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);

        using var saved = await PeerCircleAppFactory.SubmitFormAsync(member, $"/me/groups/{Slug}/check-in", "check-in",
            [new("CheckIn.Distress", "5"), new("CheckIn.SafetyQuestion", "yes")], Cancel);

        var page = PeerCircleAppFactory.VisibleTextOf(await saved.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Thank you for telling us. You matter", page, StringComparison.Ordinal);
        Assert.Contains("988", page, StringComparison.Ordinal);
        var signal = Assert.Single(await SignalsAboutAsync(app, maria));
        Assert.Equal((SignalKind.SafetyQuestion, CasePriority.Urgent), (signal.Kind, signal.Priority));
        Assert.Contains("answered yes to the safety question", signal.Explanation, StringComparison.Ordinal);
        Assert.Contains("distress 5 of 10", signal.Explanation, StringComparison.Ordinal);
        Assert.Equal(CasePriority.Urgent, signal.Case!.Priority);
    }

    [Theory, AllProviders]
    public async Task CheckInScores_RaiseSignalsFromTheThresholds(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var soon = await BeforeTheMeetingAsync(app);
        using var member = soon.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        var maria = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);

        // 3 is below the follow-up threshold (4): no signal, and no crisis box.
        using var calm = await PeerCircleAppFactory.SubmitFormAsync(member, $"/me/groups/{Slug}/check-in", "check-in", [new("CheckIn.Distress", "3"), new("CheckIn.SafetyQuestion", "no")], Cancel);
        Assert.DoesNotContain("Thank you for telling us", PeerCircleAppFactory.VisibleTextOf(await calm.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Empty(await SignalsAboutAsync(app, maria));

        // 5: a routine follow-up. Checking in again at 8 folds into the same case and makes it a priority.
        using var five = await PeerCircleAppFactory.SubmitFormAsync(member, $"/me/groups/{Slug}/check-in", "check-in", [new("CheckIn.Distress", "5")], Cancel);
        using var eight = await PeerCircleAppFactory.SubmitFormAsync(member, $"/me/groups/{Slug}/check-in", "check-in", [new("CheckIn.Distress", "8")], Cancel);

        var signals = await SignalsAboutAsync(app, maria);
        Assert.Equal([CasePriority.Routine, CasePriority.Priority], signals.Select(s => s.Priority));
        Assert.Single(signals.Select(s => s.CaseId).Distinct());
        Assert.Equal(CasePriority.Priority, signals[^1].Case!.Priority);
    }

    [Theory, AllProviders]
    public async Task WorryingWordsInACheckInNote_AreExplainedOnTheSignal(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var soon = await BeforeTheMeetingAsync(app);
        using var member = soon.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        var maria = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);

        using var saved = await PeerCircleAppFactory.SubmitFormAsync(member, $"/me/groups/{Slug}/check-in", "check-in",
            [new("CheckIn.Distress", "2"), new("CheckIn.Note", "Honestly I don't want to be here anymore. I keep thinking about ending it.")], Cancel);

        var signal = Assert.Single(await SignalsAboutAsync(app, maria));
        Assert.Equal((SignalKind.RiskLanguage, CasePriority.Urgent), (signal.Kind, signal.Priority));
        Assert.Contains("self_harm", signal.Categories, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(signal.Excerpt));
        Assert.Contains("Thank you for telling us", PeerCircleAppFactory.VisibleTextOf(await saved.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task TheGriefCheckIn_IsOfferedSixMonthsAfterALoss_WithAWarning_AndAHighScoreAsksForAFollowUp(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        const string email = "member12@demo.local";
        var memberId = await app.UserIdAsync(email, Cancel);
        await SetLossAsync(app, memberId, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-3));
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, email, totp: false, Cancel);

        using var tooSoon = await member.GetAsync("/me/grief-check-in", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, tooSoon.StatusCode);

        await SetLossAsync(app, memberId, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-8));
        Assert.Contains("Take the grief check-in", PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me", Cancel)), StringComparison.Ordinal);
        var intro = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me/grief-check-in", Cancel));
        Assert.Contains("may bring up strong feelings", intro, StringComparison.Ordinal);

        using var missing = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/grief-check-in?begin=1", "grief-check-in", [new("Grief.Answers[0]", "5")], Cancel);
        Assert.Contains("Please choose an answer for statement 2.", PeerCircleAppFactory.VisibleTextOf(await missing.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);

        var answers = Enumerable.Range(0, 7).Select(i => new KeyValuePair<string, string>($"Grief.Answers[{i}]", "4")).Append(new("Grief.SafetyQuestion", "no"));
        using var saved = await PeerCircleAppFactory.SubmitFormAsync(member, "/me/grief-check-in?begin=1", "grief-check-in", [.. answers], Cancel);

        var page = PeerCircleAppFactory.VisibleTextOf(await saved.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("Talking with a grief counselor often helps", page, StringComparison.Ordinal);
        Assert.Contains("This is not a diagnosis", page, StringComparison.Ordinal);
        var signal = Assert.Single(await SignalsAboutAsync(app, memberId));
        Assert.Equal((SignalKind.GriefCheckIn, CasePriority.Routine, 28), (signal.Kind, signal.Priority, signal.Score));

        // The member's own copy of their data holds the check-in.
        using var export = System.Text.Json.JsonDocument.Parse(await member.GetStringAsync("/me/export.json", Cancel));
        var grief = Assert.Single(export.RootElement.GetProperty("griefCheckIns").EnumerateArray());
        Assert.Equal(28, grief.GetProperty("Score").GetInt32());
    }

    [Theory, AllProviders]
    public async Task TheGriefCheckIn_IsOnlyForBereavedMembers(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var response = await member.GetAsync("/me/grief-check-in", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory, AllProviders]
    public async Task AFacilitator_NotesAConcernOutsideAMeeting_AndAClinicianIsAsked(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var maria = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);
        var dana = await app.UserIdAsync(PeerCircleAppFactory.FacilitatorEmail, Cancel);
        var path = $"/facilitator/members/{maria}/concern";

        using var other = app.CreateClientWithCookies();
        await app.SignInAsync(other, "facilitator4@demo.local", totp: true, Cancel);
        using var refused = await other.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        using var lead = app.CreateClientWithCookies();
        await app.SignInAsync(lead, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        // From anywhere: the home page links to a page that lists the facilitator's own members, and only theirs.
        Assert.Contains("href=\"/facilitator/concern\"", await lead.GetStringAsync("/facilitator", Cancel), StringComparison.Ordinal);
        var chooser = await lead.GetStringAsync("/facilitator/concern", Cancel);
        Assert.Contains($"href=\"{path}\"", chooser, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{path}\"", await other.GetStringAsync("/facilitator/concern", Cancel), StringComparison.Ordinal);
        // Everyone the chooser offers, the concern page accepts (one rule for both).
        var offered = Regex.Matches(chooser, "href=\"(/facilitator/members/[^\"]+/concern)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(offered.Count > 3, $"The chooser offered only {offered.Count} members.");
        foreach (var link in offered)
        {
            using var opened = await lead.GetAsync(link, Cancel);
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }
        using var missing = await PeerCircleAppFactory.SubmitFormAsync(lead, path, "concern", [new("Concern.Note", "She called me crying.")], Cancel);
        Assert.Contains("Please choose what the concern is about.", PeerCircleAppFactory.VisibleTextOf(await missing.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        Assert.Empty(await SignalsAboutAsync(app, maria));

        using var saved = await PeerCircleAppFactory.SubmitFormAsync(lead, path, "concern",
            [new("Concern.Kind", "SuspectedAbuse"), new("Concern.Urgent", "true"), new("Concern.Note", "She said her husband locked her out overnight.")], Cancel);

        var savedPage = PeerCircleAppFactory.VisibleTextOf(await saved.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("a clinician will follow up", savedPage, StringComparison.Ordinal);
        Assert.Contains("this went to the clinician on call as urgent, right now", savedPage, StringComparison.Ordinal);
        var signal = Assert.Single(await SignalsAboutAsync(app, maria));
        Assert.Equal((SignalKind.FacilitatorConcern, CasePriority.Urgent, dana), (signal.Kind, signal.Priority, signal.RaisedById));
    }

    private static async Task SetLossAsync(PeerCircleAppFactory app, string memberId, DateOnly loss)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var profile = await db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == memberId, Cancel);
        if (profile is null)
        {
            profile = new MemberProfile { UserId = memberId, Languages = ["en"], UpdatedAtUtc = DateTime.UtcNow };
            db.MemberProfiles.Add(profile);
        }
        profile.JourneyRole = JourneyRole.BereavedRelative;
        profile.DateOfLoss = loss;
        await db.SaveChangesAsync(Cancel);
    }
}
