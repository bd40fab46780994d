using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Outcomes;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Outcomes.Instruments;
using PeerCircle.Web.Features.Outcomes.Surveys;
using static PeerCircle.IntegrationTests.Features.Outcomes.Surveys.SurveyTestKit;

namespace PeerCircle.IntegrationTests.Features.Outcomes.Surveys;

/// <summary>
/// A member answers their baseline of the Peer Support Benefits survey through the pages: part by part, saved each
/// time, resumed where they stopped, checked on the server, scored with the dose on finishing, free text read by the
/// safety net, and kept in (and deleted with) their data.
/// </summary>
public class SurveyPageTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(long Id, InstrumentDefinition Instrument)> BaselineAsync(PeerCircleAppFactory app, string memberId)
    {
        await SweepAsync(app.Services, Cancel);
        await using var scope = app.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<InstrumentCatalog>();
        var instrument = await catalog.PeerSupportBenefitsAsync(Cancel);
        var id = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().SurveyResponses
            .Where(r => r.MemberId == memberId && r.InstrumentId == instrument.Id && r.DaysAfterJoining == 0)
            .Select(r => r.Id).SingleAsync(Cancel);
        return (id, instrument);
    }

    private static List<KeyValuePair<string, string>> Part(int part, string go, params (string LinkId, string Value)[] answers)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Survey.Part", part.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Survey.Go", go) };
        fields.AddRange(answers.Select(a => new KeyValuePair<string, string>($"Survey.Answers[{a.LinkId}]", a.Value)));
        return fields;
    }

    private static async Task<string> PostAsync(HttpClient client, long id, List<KeyValuePair<string, string>> fields)
    {
        using var response = await PeerCircleAppFactory.SubmitFormAsync(client, $"/me/surveys/{id}", "survey", fields, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory, AllProviders]
    public async Task SavePartway_ComeBack_ResumesAtTheNextPartWithAnswersKept_AndOnlyTheirOwn(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync("member33@demo.local", Cancel);
        var (id, instrument) = await BaselineAsync(app, memberId);
        using var client = app.CreateClientWithCookies();
        await app.SignInAsync(client, "member33@demo.local", totp: false, Cancel);

        var me = PeerCircleAppFactory.VisibleTextOf(await client.GetStringAsync("/me", Cancel));
        Assert.Contains("A short survey is waiting: about 3 minutes", me, StringComparison.Ordinal);
        var list = PeerCircleAppFactory.VisibleTextOf(await client.GetStringAsync("/me/surveys", Cancel));
        Assert.Contains("Why we ask", list, StringComparison.Ordinal);
        Assert.Contains("optional", list, StringComparison.Ordinal);
        Assert.Contains("11 or more people", list, StringComparison.Ordinal);

        var first = PeerCircleAppFactory.VisibleTextOf(await client.GetStringAsync($"/me/surveys/{id}", Cancel));
        Assert.Contains($"Part 1 of {instrument.Sections.Count}", first, StringComparison.Ordinal);
        var part1 = instrument.Sections[0].Items;
        var next = await PostAsync(client, id, Part(1, "next", (part1[0].LinkId, "4"), (part1[1].LinkId, "5")));
        Assert.Contains($"Part 2 of {instrument.Sections.Count}", next, StringComparison.Ordinal);

        var saved = await DbAsync(app.Services, db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.Id == id, Cancel));
        Assert.Equal(SurveyStatus.InProgress, saved.Status);
        Assert.Equal(2, saved.ItemsAnswered);
        Assert.NotNull(saved.UpdatedAtUtc);
        using (var answers = JsonDocument.Parse(saved.AnswersJson))
        {
            Assert.Equal(4, answers.RootElement.GetProperty(part1[0].LinkId).GetInt32());
        }

        // Closing the phone and coming back: the survey opens at part 2, and part 1 still holds the answers.
        using var later = app.CreateClientWithCookies();
        await app.SignInAsync(later, "member33@demo.local", totp: false, Cancel);
        Assert.Contains($"Part 2 of {instrument.Sections.Count}",
            PeerCircleAppFactory.VisibleTextOf(await later.GetStringAsync($"/me/surveys/{id}", Cancel)), StringComparison.Ordinal);
        var back = await later.GetStringAsync($"/me/surveys/{id}?part=1", Cancel);
        Assert.Matches($"id=\"q-{part1[0].LinkId}-4\"[^>]*checked", back);
        Assert.Matches($"id=\"q-{part1[1].LinkId}-5\"[^>]*checked", back);

        // "Save and finish later" keeps what is there and says until when.
        var afterLater = await PostAsync(later, id, Part(2, "later", (instrument.Sections[1].Items[0].LinkId, "3")));
        Assert.Contains("Your answers are saved", afterLater, StringComparison.Ordinal);
        Assert.Equal(3, await DbAsync(app.Services, db => db.SurveyResponses.Where(r => r.Id == id).Select(r => r.ItemsAnswered).SingleAsync(Cancel)));

        // Another member's survey does not exist for them.
        using var other = app.CreateClientWithCookies();
        await app.SignInAsync(other, "member34@demo.local", totp: false, Cancel);
        using var notMine = await other.GetAsync($"/me/surveys/{id}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        using var nonsense = await other.GetAsync("/me/surveys/not-a-number", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, nonsense.StatusCode);
    }

    [Theory, AllProviders]
    public async Task OutOfRangeOrUnknownAnswers_AreRefusedInPlainWords_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync("member33@demo.local", Cancel);
        var (id, instrument) = await BaselineAsync(app, memberId);
        using var client = app.CreateClientWithCookies();
        await app.SignInAsync(client, "member33@demo.local", totp: false, Cancel);
        var part1 = instrument.Sections[0].Items;

        var tooHigh = await PostAsync(client, id, Part(1, "next", (part1[0].LinkId, "4"), (part1[1].LinkId, "9")));
        Assert.Contains("Please choose one of the answers shown.", tooHigh, StringComparison.Ordinal);
        Assert.Contains("Part 1 of", tooHigh, StringComparison.Ordinal);
        var unknown = await PostAsync(client, id, Part(1, "next", (part1[0].LinkId, "4"), ("not-a-question", "2")));
        Assert.Contains("We could not read one of your answers. Nothing was saved.", unknown, StringComparison.Ordinal);
        var wrongPart = await PostAsync(client, id, Part(99, "next", (part1[0].LinkId, "4")));
        Assert.Contains("We could not tell which part", wrongPart, StringComparison.Ordinal);

        var response = await DbAsync(app.Services, db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.Id == id, Cancel));
        Assert.Equal(SurveyStatus.Due, response.Status);
        Assert.Equal("{}", response.AnswersJson);
        Assert.Equal(0, response.ItemsAnswered);
    }

    [Theory, AllProviders]
    public async Task Finishing_WritesScoresAndDose_AndTheSurveyIsInMyDataUntilTheAccountIsDeleted(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync("member33@demo.local", Cancel);
        var (id, instrument) = await BaselineAsync(app, memberId);
        // Dose: three meetings attended in two ISO weeks, one missed.
        await DbAsync(app.Services, async db =>
        {
            var groupId = await db.GroupMemberships.Where(m => m.UserId == memberId && m.Status == MembershipStatus.Accepted).Select(m => m.GroupId).FirstAsync(Cancel);
            var monday = DateTime.UtcNow.Date.AddDays(-14 - ((7 + (int)DateTime.UtcNow.DayOfWeek - 1) % 7)).AddHours(18);
            foreach (var (at, status) in new[] { (monday, AttendanceStatus.Present), (monday.AddDays(2), AttendanceStatus.Late), (monday.AddDays(7), AttendanceStatus.LeftEarly), (monday.AddDays(9), AttendanceStatus.Absent) })
            {
                db.MeetingAttendances.Add(new MeetingAttendance { GroupId = groupId, OccurrenceStartUtc = at, UserId = memberId, Name = "Test", Status = status, RecordedById = memberId, UpdatedAtUtc = at });
            }
            return await db.SaveChangesAsync(Cancel);
        });
        using var client = app.CreateClientWithCookies();
        await app.SignInAsync(client, "member33@demo.local", totp: false, Cancel);

        string page = "";
        for (var i = 0; i < instrument.Sections.Count; i++)
        {
            var answers = instrument.Sections[i].Items
                .Where(item => item.Kind != ItemKind.FreeText)
                .Select(item => (item.LinkId, item.Kind == ItemKind.Scale0To10 ? "7" : "4"))
                .ToArray();
            page = await PostAsync(client, id, Part(i + 1, i == instrument.Sections.Count - 1 ? "finish" : "next", answers));
        }
        Assert.Contains("Thank you!", page, StringComparison.Ordinal);
        Assert.DoesNotContain("call or text 988", page, StringComparison.OrdinalIgnoreCase);

        var response = await DbAsync(app.Services, db => db.SurveyResponses.Include(r => r.Scores).AsNoTracking().SingleAsync(r => r.Id == id, Cancel));
        Assert.Equal(SurveyStatus.Completed, response.Status);
        Assert.NotNull(response.CompletedAtUtc);
        Assert.Equal(3, response.MeetingsAttended);
        Assert.Equal(2, response.WeeksEngaged);
        Assert.Equal(instrument.Scales.Count, response.Scores.Count);
        Assert.All(response.Scores, s => Assert.NotNull(s.Value));
        Assert.Contains(response.Scores, s => s.Scale == "hope");
        Assert.True(await DbAsync(app.Services, db => db.AuditEvents.AnyAsync(e => e.Action == "outcomes.survey-completed" && e.RecordId == id.ToString(System.Globalization.CultureInfo.InvariantCulture), Cancel)));

        // Finished: it can no longer be changed.
        Assert.Contains("You finished this survey", PeerCircleAppFactory.VisibleTextOf(await client.GetStringAsync($"/me/surveys/{id}", Cancel)), StringComparison.Ordinal);
        Assert.DoesNotContain("A short survey is waiting", PeerCircleAppFactory.VisibleTextOf(await client.GetStringAsync("/me", Cancel)), StringComparison.Ordinal);

        // In the member's copy of their data, with answers and scores.
        using (var export = JsonDocument.Parse(await client.GetStringAsync("/me/export.json", Cancel)))
        {
            var survey = Assert.Single(export.RootElement.GetProperty("surveys").EnumerateArray());
            Assert.Equal("Completed", survey.GetProperty("status").GetString());
            Assert.Equal(instrument.Scales.Count, survey.GetProperty("scores").GetArrayLength());
            Assert.Equal(4, survey.GetProperty("answers").GetProperty(instrument.Sections[0].Items[0].LinkId).GetInt32());
        }

        // Deleting the account deletes the surveys and their scores.
        using var deleted = await PeerCircleAppFactory.SubmitFormAsync(client, "/me/data", "delete-account",
            [new("Delete.Password", PeerCircleAppFactory.DemoPassword)], Cancel);
        Assert.False(await DbAsync(app.Services, db => db.SurveyResponses.AnyAsync(r => r.MemberId == memberId, Cancel)));
        Assert.False(await DbAsync(app.Services, db => db.SurveyScores.AnyAsync(s => s.MemberId == memberId, Cancel)));
    }

    [Theory, AllProviders]
    public async Task FollowUpFinishedBeforeOrAfterItsBaseline_CarriesTheSamePairedChange_AndGoesWithTheAccount(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var first = await app.UserIdAsync("member33@demo.local", Cancel);
        var second = await app.UserIdAsync("member34@demo.local", Cancel);
        var (firstBaseline, instrument) = await BaselineAsync(app, first);
        var (secondBaseline, _) = await BaselineAsync(app, second);
        var firstFollowUp = await AddFollowUpAsync(app, firstBaseline);
        var secondFollowUp = await AddFollowUpAsync(app, secondBaseline);

        using var firstClient = app.CreateClientWithCookies();
        await app.SignInAsync(firstClient, "member33@demo.local", totp: false, Cancel);
        using var secondClient = app.CreateClientWithCookies();
        await app.SignInAsync(secondClient, "member34@demo.local", totp: false, Cancel);
        // The same answers from both: 4s (7s on 0–10 items) at baseline, 5s (8s) at 8 weeks. One finishes the baseline
        // first, as usual; the other the follow-up first.
        await FinishAsync(firstClient, firstBaseline, instrument, low: true);
        await FinishAsync(firstClient, firstFollowUp, instrument, low: false);
        await FinishAsync(secondClient, secondFollowUp, instrument, low: false);
        await FinishAsync(secondClient, secondBaseline, instrument, low: true);

        var scores = await DbAsync(app.Services, db => db.SurveyScores.AsNoTracking()
            .Where(s => s.MemberId == first || s.MemberId == second).ToListAsync(Cancel));
        Assert.Equal(instrument.Scales.Count * 4, scores.Count);
        foreach (var (memberId, baselineId) in new[] { (first, firstBaseline), (second, secondBaseline) })
        {
            var baselines = scores.Where(s => s.MemberId == memberId && s.DaysAfterJoining == 0).ToDictionary(s => s.Scale);
            var followUps = scores.Where(s => s.MemberId == memberId && s.DaysAfterJoining == 56).ToList();
            Assert.Equal(instrument.Scales.Count, followUps.Count);
            Assert.All(followUps, f =>
            {
                Assert.Equal(baselineId, f.BaselineResponseId);
                Assert.Equal(baselines[f.Scale].Value, f.BaselineValue);
                Assert.NotNull(f.BaselineValue);
            });
            Assert.All(baselines.Values, b => Assert.Null(b.BaselineValue));
        }
        string Changes(string memberId) => string.Join(";", scores.Where(s => s.MemberId == memberId && s.DaysAfterJoining == 56)
            .OrderBy(s => s.Scale, StringComparer.Ordinal).Select(s => $"{s.Scale}={s.Value - s.BaselineValue}"));
        Assert.Equal(Changes(first), Changes(second));
        Assert.Contains(scores, s => s.DaysAfterJoining == 56 && s.Value > s.BaselineValue);

        // Finished at the same moment in two requests, neither save sees the other and the pair is missing: the
        // hourly sweep pairs it, so the member still counts in the benefit figures.
        await DbAsync(app.Services, db => db.SurveyScores.Where(s => s.MemberId == second && s.DaysAfterJoining == 56)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.BaselineValue, (double?)null).SetProperty(s => s.BaselineResponseId, (long?)null), Cancel));
        await SurveyTestKit.SweepAsync(app.Services, Cancel);
        var repaired = await DbAsync(app.Services, db => db.SurveyScores.AsNoTracking()
            .Where(s => s.MemberId == second && s.DaysAfterJoining == 56).ToListAsync(Cancel));
        Assert.All(repaired, r => Assert.Equal(secondBaseline, r.BaselineResponseId));
        Assert.Equal(Changes(first), string.Join(";", repaired.OrderBy(s => s.Scale, StringComparer.Ordinal).Select(s => $"{s.Scale}={s.Value - s.BaselineValue}")));

        // Deleting the first member's account removes their scores, pairs and all; the other member's stay.
        using var deleted = await PeerCircleAppFactory.SubmitFormAsync(firstClient, "/me/data", "delete-account",
            [new("Delete.Password", PeerCircleAppFactory.DemoPassword)], Cancel);
        Assert.False(await DbAsync(app.Services, db => db.SurveyScores.AnyAsync(s => s.MemberId == first, Cancel)));
        Assert.Equal(instrument.Scales.Count * 2, await DbAsync(app.Services, db => db.SurveyScores.CountAsync(s => s.MemberId == second, Cancel)));
    }

    /// <summary>An open 8-week follow-up beside the member's baseline, as the sweep makes it 56 days after joining.</summary>
    private static async Task<long> AddFollowUpAsync(PeerCircleAppFactory app, long baselineId) =>
        await DbAsync(app.Services, async db =>
        {
            var baseline = await db.SurveyResponses.AsNoTracking().SingleAsync(r => r.Id == baselineId, Cancel);
            var followUp = new SurveyResponse
            {
                MemberId = baseline.MemberId, InstrumentId = baseline.InstrumentId, DaysAfterJoining = 56, JoinedAtUtc = baseline.JoinedAtUtc,
                DueAtUtc = DateTime.UtcNow.AddDays(-1), ClosesAtUtc = DateTime.UtcNow.AddDays(20), Status = SurveyStatus.Due,
            };
            db.SurveyResponses.Add(followUp);
            await db.SaveChangesAsync(Cancel);
            return followUp.Id;
        });

    private static async Task FinishAsync(HttpClient client, long id, InstrumentDefinition instrument, bool low)
    {
        var page = "";
        for (var i = 0; i < instrument.Sections.Count; i++)
        {
            var answers = instrument.Sections[i].Items
                .Where(item => item.Kind != ItemKind.FreeText)
                .Select(item => (item.LinkId, item.Kind == ItemKind.Scale0To10 ? (low ? "7" : "8") : (low ? "4" : "5")))
                .ToArray();
            page = await PostAsync(client, id, Part(i + 1, i == instrument.Sections.Count - 1 ? "finish" : "next", answers));
        }
        Assert.Contains("Thank you!", page, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task FreeTextWithSelfHarmWords_ShowsCrisisHelpAtOnce_AndOpensAnUrgentCase(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync("member33@demo.local", Cancel);
        var (id, instrument) = await BaselineAsync(app, memberId);
        var (part, item) = instrument.Sections.Select((s, i) => (Part: i + 1, Item: s.Items.FirstOrDefault(x => x.Kind == ItemKind.FreeText))).First(p => p.Item is not null);
        using var client = app.CreateClientWithCookies();
        await app.SignInAsync(client, "member33@demo.local", totp: false, Cancel);

        var page = await PostAsync(client, id, Part(part, "later", (item!.LinkId, "Some days I want to kill myself.")));
        Assert.Contains("You matter, and you don't have to face this alone.", page, StringComparison.Ordinal);
        var @case = await DbAsync(app.Services, db => db.EscalationCases.Include(c => c.Signals).SingleAsync(c => c.MemberId == memberId, Cancel));
        Assert.Equal(CasePriority.Urgent, @case.Priority);
        Assert.Contains(@case.Signals, s => s.Source == "survey" && s.SourceId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The words are saved with the signal, in the same save.
        Assert.Contains("kill myself", await DbAsync(app.Services, db => db.SurveyResponses.Where(r => r.Id == id).Select(r => r.AnswersJson).SingleAsync(Cancel)), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task FreeTextTooLongToSave_StillReachesTheSafetyNet_AndLineBreaksCountAsTheBrowserCountsThem(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync("member34@demo.local", Cancel);
        var (id, instrument) = await BaselineAsync(app, memberId);
        var (part, item) = instrument.Sections.Select((s, i) => (Part: i + 1, Item: s.Items.FirstOrDefault(x => x.Kind == ItemKind.FreeText))).First(p => p.Item is not null);
        using var client = app.CreateClientWithCookies();
        await app.SignInAsync(client, "member34@demo.local", totp: false, Cancel);

        // Over 2,000 characters: refused, but the words still reach the safety net, and crisis help shows at once.
        var tooLong = "I want to kill myself. " + new string('x', AnswerSurvey.FreeTextMax);
        var page = await PostAsync(client, id, Part(part, "next", (item!.LinkId, tooLong)));
        Assert.Contains("Please keep this under 2,000 characters.", page, StringComparison.Ordinal);
        Assert.Contains("You matter, and you don't have to face this alone.", page, StringComparison.Ordinal);
        var @case = await DbAsync(app.Services, db => db.EscalationCases.Include(c => c.Signals).SingleAsync(c => c.MemberId == memberId, Cancel));
        Assert.Equal(CasePriority.Urgent, @case.Priority);
        Assert.Contains(@case.Signals, s => s.Source == "survey");
        Assert.DoesNotContain("kill myself", await DbAsync(app.Services, db => db.SurveyResponses.Where(r => r.Id == id).Select(r => r.AnswersJson).SingleAsync(Cancel)), StringComparison.Ordinal);
        // Sent again unchanged: crisis help again, but the clinician sees the words once.
        page = await PostAsync(client, id, Part(part, "next", (item.LinkId, tooLong)));
        Assert.Contains("You matter, and you don't have to face this alone.", page, StringComparison.Ordinal);
        Assert.Single(await DbAsync(app.Services, db => db.SafetySignals.Where(s => s.MemberId == memberId && s.Source == "survey").ToListAsync(Cancel)));

        // 2,000 characters as the browser counts them (each line break one), sent with the two-character breaks forms use.
        var lines = string.Join("\r\n", Enumerable.Repeat(new string('a', 666), 3));
        Assert.Equal(AnswerSurvey.FreeTextMax, lines.ReplaceLineEndings("\n").Length);
        page = await PostAsync(client, id, Part(part, "later", (item.LinkId, lines)));
        Assert.DoesNotContain("Please keep this under", page, StringComparison.Ordinal);
        Assert.Contains(new string('a', 666), await DbAsync(app.Services, db => db.SurveyResponses.Where(r => r.Id == id).Select(r => r.AnswersJson).SingleAsync(Cancel)), StringComparison.Ordinal);
    }
}
