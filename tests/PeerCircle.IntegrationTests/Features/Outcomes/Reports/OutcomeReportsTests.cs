using System.Globalization;
using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Features.Outcomes.Reports;
using PeerCircle.Web.Features.Safety.Oversight;
using PeerCircle.Web.Features.Safety.Resources;
using Task = System.Threading.Tasks.Task;

namespace PeerCircle.IntegrationTests.Features.Outcomes.Reports;

/// <summary>
/// The program dashboard, its CSV, the FHIR exports and the research-use choice, through HTTP: small numbers are
/// hidden everywhere, real numbers show from 11 people, exports parse back with the Firely SDK, and only
/// coordinators see the program's figures.
/// </summary>
public class OutcomeReportsTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string QuestionnaireUrl = "https://peercircle.example/fhir/Questionnaire/peer-support-benefits";

    /// <summary>Measures in the CSV that count people or events; every one is "hidden" or 11 and more.</summary>
    private static readonly string[] CountMeasures =
    [
        "people", "joined", "still attending", "attendances", "cases", "members referred", "members connected", "referrals made",
        "referrals connected", "members with both", "facilitators", "check-ins", "members", "responses",
    ];

    [Theory, AllProviders]
    public async Task Dashboard_HidesSmallCells_AndShowsRealNumbersFromEleven(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var members = new List<string>();
        for (var i = 20; i <= 31; i++)
        {
            members.Add(await app.UserIdAsync($"member{i}@demo.local", Cancel));
        }
        var now = DateTime.UtcNow;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var instrumentId = await InstrumentIdAsync(db);
            for (var i = 0; i < members.Count; i++)
            {
                // "support": 12 members with baseline and 8-week scores, changes 0, +1, +2 … (mean +1).
                AddScores(db, instrumentId, members[i], "support", baseline: 4, followUp: 4 + i % 3, meetings: 2, now);
                // "motivation": 12 members went down by 1 or 2 (mean −1.5), to check that a fall is exported as a number.
                AddScores(db, instrumentId, members[i], "motivation", baseline: 4, followUp: 2 + i % 2, meetings: 2, now);
                // "hope": only 10 members have both: hidden.
                if (i < 10)
                {
                    AddScores(db, instrumentId, members[i], "hope", baseline: 6, followUp: 7, meetings: 2, now);
                }
            }
            await db.SaveChangesAsync(Cancel);
        }

        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var home = await coordinator.GetStringAsync("/coordinator", Cancel);
        Assert.Contains("href=\"/coordinator/outcomes\"", home, StringComparison.Ordinal);

        var beforeComputing = DateTime.UtcNow;
        var html = await coordinator.GetStringAsync("/coordinator/outcomes", Cancel);
        var page = PeerCircleAppFactory.VisibleTextOf(html);

        // When the figures were computed, in the program's time zone (Eastern unless set), and that they are kept a while.
        var programTime = app.Services.GetRequiredService<ProgramTime>();
        var computedAt = new[] { beforeComputing, DateTime.UtcNow }
            .Select(t => Spaced(programTime.ToLocal(t).ToString("t", CultureInfo.GetCultureInfo("en-US")))).Distinct().ToList();
        Assert.Contains(computedAt, t => Spaced(page).Contains($"Figures as of {t} ({programTime.ZoneLabel} time).", StringComparison.Ordinal));
        Assert.Contains("The same figures are shown again for 5 minutes, so they may be a few minutes old.", page, StringComparison.Ordinal);

        // 12 members with both, mean change +1.00 with its interval, all with 1–3 meetings. 8 of 12 improved: the share
        // (67%) is hidden, because it would tell that 4 did not.
        Assert.Contains("56 days 12 +1.00 (+0.46 to +1.54)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("67%", page, StringComparison.Ordinal);
        // All 12 are in the 1–3 meetings band and the other bands are empty. Showing "n = 12" beside the row's 12 would
        // tell that the other bands are empty, so the band is hidden with them.
        Assert.DoesNotContain("(n = 12)", page, StringComparison.Ordinal);
        // "hope" has 10: every figure of its row is hidden.
        Assert.Matches(@"hope 56 days hidden hidden hidden hidden hidden", page.ToLowerInvariant());
        Assert.Contains("Cohen's dz", page, StringComparison.Ordinal);
        // Charts: inline SVG labelled for screen readers, no inline styles anywhere on the page (the CSP forbids them).
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"chart-benefits-svg-title chart-benefits-svg-desc\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);

        using var csvResponse = await coordinator.GetAsync("/coordinator/outcomes/export.csv", Cancel);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        var rows = Csv.Read(await csvResponse.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal(DashboardCsv.Header, rows[0]);
        var counts = rows.Skip(1).Where(r => CountMeasures.Contains(r[2]) || r[2].EndsWith(" people", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, r => Assert.True(
            r[3] == DashboardCsv.Hidden || int.Parse(r[3], CultureInfo.InvariantCulture) >= 11, $"{r[0]} / {r[1]} / {r[2]} = {r[3]}"));
        Assert.Contains(rows, r => r[0] == "benefits" && r[1] == "support day 56" && r[2] == "members with both" && r[3] == "12");
        Assert.Contains(rows, r => r[0] == "benefits" && r[1] == "hope day 56" && r[2] == "mean change" && r[3] == DashboardCsv.Hidden);
        // Figures read back as numbers, falls too (not as "'-1.5", which a spreadsheet would take for text).
        Assert.Contains(rows, r => r[0] == "benefits" && r[1] == "motivation day 56" && r[2] == "mean change" && r[3] == "-1.5");
        Assert.All(rows.Skip(1).Where(r => r[0] != "filter"), r => Assert.True(
            r[3] is DashboardCsv.Hidden or "not available" || double.TryParse(r[3], NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            $"{r[0]} / {r[1]} / {r[2]} = {r[3]}"));
        Assert.Contains(rows, r => r[0] == "benefits" && r[1] == "support day 56" && r[2] == "share improved" && r[3] == DashboardCsv.Hidden);
        // No names or e-mail addresses in the aggregates.
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Contains("@demo.local", StringComparison.Ordinal));

        await using var check = app.Services.CreateAsyncScope();
        var audit = check.ServiceProvider.GetRequiredService<PeerCircleDb>().AuditEvents.AsNoTracking();
        Assert.True(await audit.AnyAsync(e => e.Action == "outcomes.dashboard-viewed", Cancel));
        Assert.True(await audit.AnyAsync(e => e.Action == "outcomes.csv-exported", Cancel));
    }

    [Theory, AllProviders]
    public async Task TwoVersionsOfTheQuestionnaire_AreReportedApart_EachRowNamingItsVersion(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var now = DateTime.UtcNow;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            // The shipped version 2, and a version 1 as an older database holds it.
            var second = await db.Instruments.AsNoTracking().SingleAsync(i => i.Key == "peer-support-benefits", Cancel);
            var first = new Instrument
            {
                Key = second.Key, Version = "1", Title = second.Title, Origin = InstrumentOrigin.ProgramAuthored, Active = true,
                QuestionnaireJson = second.QuestionnaireJson.Replace("\"version\": \"2\"", "\"version\": \"1\"", StringComparison.Ordinal),
                ScoringJson = second.ScoringJson, CreatedAtUtc = now.AddYears(-1),
            };
            db.Instruments.Add(first);
            await db.SaveChangesAsync(Cancel);
            // 12 members answered version 1 (change +1 each), 12 others version 2 (change +2 each).
            for (var i = 8; i <= 31; i++)
            {
                var member = await app.UserIdAsync($"member{i}@demo.local", Cancel);
                var (instrument, change) = i < 20 ? (first.Id, 1) : (second.Id, 2);
                AddScores(db, instrument, member, "support", baseline: 3, followUp: 3 + change, meetings: 5, now);
            }
            await db.SaveChangesAsync(Cancel);
        }

        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var page = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/outcomes", Cancel));
        Assert.Contains("Support (Peer Support Benefits, version 1) 56 days 12 +1.00", page, StringComparison.Ordinal);
        Assert.Contains("Support (Peer Support Benefits, version 2) 56 days 12 +2.00", page, StringComparison.Ordinal);

        var rows = Csv.Read(await coordinator.GetStringAsync("/coordinator/outcomes/export.csv", Cancel))!;
        Assert.Contains(rows, r => r[0] == "benefits" && r[1] == "peer-support-benefits v1 support day 56" && r[2] == "mean change" && r[3] == "1");
        Assert.Contains(rows, r => r[0] == "benefits" && r[1] == "peer-support-benefits v2 support day 56" && r[2] == "mean change" && r[3] == "2");
    }

    [Theory, AllProviders]
    public async Task DefaultView_IsComputedAheadInTheBackground_AndOtherFiltersComputeFresh(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        // What the background service does every few minutes (it is off in tests): compute and keep the default view.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProgramDashboard>().RefreshDefaultAsync(Cancel);
        }
        var members = new List<string>();
        for (var i = 20; i <= 31; i++)
        {
            members.Add(await app.UserIdAsync($"member{i}@demo.local", Cancel));
        }
        var now = DateTime.UtcNow;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var instrumentId = await InstrumentIdAsync(db);
            foreach (var member in members)
            {
                AddScores(db, instrumentId, member, "support", baseline: 4, followUp: 5, meetings: 2, now);
            }
            await db.SaveChangesAsync(Cancel);
        }

        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        // The default view opens at once with the figures computed ahead, from before the new scores.
        var kept = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/outcomes", Cancel));
        Assert.DoesNotContain("56 days 12 +1.00", kept, StringComparison.Ordinal);
        // A range of its own is computed now and has them.
        var from = DateOnly.FromDateTime(now.AddMonths(-6)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fresh = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync($"/coordinator/outcomes?from={from}", Cancel));
        Assert.Contains("56 days 12 +1.00", fresh, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Filters_ThatDoNotParse_FallBackAndSayWhy(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);

        using var response = await coordinator.GetAsync("/coordinator/outcomes?from=yesterday&to=2026-13-45&group=not-a-group", Cancel);
        var page = PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
        using var csv = await coordinator.GetAsync("/coordinator/outcomes/export.csv?from=%3D1%2B1&group=x", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The start date was not a date", page, StringComparison.Ordinal);
        Assert.Contains("That group was not found", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);

        // A mistyped year asks for 1,800 years: the report covers the last 10 and says so.
        using var typo = await coordinator.GetAsync("/coordinator/outcomes?from=0206-01-01&to=2026-01-31", Cancel);
        Assert.Equal(HttpStatusCode.OK, typo.StatusCode);
        var typoPage = PeerCircleAppFactory.VisibleTextOf(await typo.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("The report covers at most 10 years", typoPage, StringComparison.Ordinal);
        Assert.Contains("value=\"2016-02-01\"", await typo.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task OnlyCoordinators_SeeTheDashboardAndItsExports(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        using var visitor = app.CreateClientWithCookies();

        foreach (var client in new[] { member, facilitator, visitor })
        {
            foreach (var path in new[] { "/coordinator/outcomes", "/coordinator/outcomes/export.csv", "/coordinator/outcomes/research.fhir.json" })
            {
                using var response = await client.GetAsync(path, Cancel);

                Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
                Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{path}: {response.StatusCode}");
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    Assert.Matches("^/account/(access-denied|login)", response.Headers.Location!.PathOf());
                }
            }
        }
        using var anonymousOwn = await visitor.GetAsync("/me/data/outcomes.fhir.json", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, anonymousOwn.StatusCode);
        Assert.StartsWith("/account/login", anonymousOwn.Headers.Location!.PathOf(), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task MembersOwnSurveys_ExportAsAFhirBundle_ThatParsesBackAndValidates(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var memberId = await app.UserIdAsync(PeerCircleAppFactory.MemberEmail, Cancel);
        var otherId = await app.UserIdAsync("member2@demo.local", Cancel);
        var now = DateTime.UtcNow;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var instrumentId = await InstrumentIdAsync(db);
            db.SurveyResponses.AddRange(
                Response(memberId, instrumentId, 0, SurveyStatus.Completed, """{"hope_1": 7, "support_1": 4, "yes_no": true, "in_my_words": "Meeting others helped."}""", now.AddDays(-60)),
                Response(memberId, instrumentId, 56, SurveyStatus.InProgress, """{"hope_1": 8}""", null),
                Response(otherId, instrumentId, 0, SurveyStatus.Completed, """{"hope_1": 2}""", now.AddDays(-30)));
            await db.SaveChangesAsync(Cancel);
        }

        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, PeerCircleAppFactory.MemberEmail, totp: false, Cancel);
        var dataPage = await member.GetStringAsync("/me/data", Cancel);
        Assert.Contains("/me/data/outcomes.fhir.json", dataPage, StringComparison.Ordinal);
        using var response = await member.GetAsync("/me/data/outcomes.fhir.json", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync(Cancel);

        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(json);
        AssertValid(bundle);
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var responses = bundle.Entry.Select(e => Assert.IsType<QuestionnaireResponse>(e.Resource)).ToList();
        Assert.Equal(2, responses.Count);
        Assert.All(responses, r => Assert.StartsWith(QuestionnaireUrl + "|", r.Questionnaire, StringComparison.Ordinal));
        Assert.All(responses, r => Assert.Equal(memberId, r.Subject?.Identifier?.Value));
        var baseline = responses.Single(r => r.Status == QuestionnaireResponse.QuestionnaireResponseStatus.Completed);
        Assert.NotNull(baseline.Authored);
        Assert.Equal(7, Assert.IsType<Integer>(baseline.Item.Single(i => i.LinkId == "hope_1").Answer.Single().Value).Value);
        Assert.True(Assert.IsType<FhirBoolean>(baseline.Item.Single(i => i.LinkId == "yes_no").Answer.Single().Value).Value);
        Assert.Equal("Meeting others helped.", Assert.IsType<FhirString>(baseline.Item.Single(i => i.LinkId == "in_my_words").Answer.Single().Value).Value);
        Assert.Contains(responses, r => r.Status == QuestionnaireResponse.QuestionnaireResponseStatus.InProgress);
        Assert.DoesNotContain(otherId, json, StringComparison.Ordinal);

        await using var check = app.Services.CreateAsyncScope();
        Assert.True(await check.ServiceProvider.GetRequiredService<PeerCircleDb>().AuditEvents
            .AnyAsync(e => e.Action == "outcomes.member-fhir-exported" && e.RecordId == memberId, Cancel));
    }

    [Theory, AllProviders]
    public async Task ResearchExport_HasOnlyMembersWhoSaidYes_UnderAStablePseudonym(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var yes = await app.UserIdAsync("member3@demo.local", Cancel);
        var changedMind = await app.UserIdAsync("member4@demo.local", Cancel);
        var never = await app.UserIdAsync("member5@demo.local", Cancel);
        var now = DateTime.UtcNow;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var instrumentId = await InstrumentIdAsync(db);
            foreach (var id in new[] { yes, changedMind, never })
            {
                db.SurveyResponses.Add(Response(id, instrumentId, 0, SurveyStatus.Completed, """{"hope_1": 5, "in_my_words": "My name is Ana and my sister Rosa helps."}""", now.AddDays(-10)));
            }
            db.SurveyResponses.Add(Response(yes, instrumentId, 56, SurveyStatus.InProgress, """{"hope_1": 6}""", null));
            await db.SaveChangesAsync(Cancel);
        }

        using var yesClient = app.CreateClientWithCookies();
        await app.SignInAsync(yesClient, "member3@demo.local", totp: false, Cancel);
        var before = PeerCircleAppFactory.VisibleTextOf(await yesClient.GetStringAsync("/me/research", Cancel));
        Assert.Contains("Saying no does not change your support", before, StringComparison.Ordinal);
        Assert.Contains("You have not said yes", before, StringComparison.Ordinal);
        // Posting without the tick asks for it and saves nothing.
        using (var unticked = await PeerCircleAppFactory.SubmitFormAsync(yesClient, "/me/research", "research-agree", [new("Research.Version", "1")], Cancel))
        {
            Assert.Contains("Please tick the box", PeerCircleAppFactory.VisibleTextOf(await unticked.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }
        using (var agreed = await PeerCircleAppFactory.SubmitFormAsync(yesClient, "/me/research", "research-agree", [new("Research.Version", "1"), new("Research.Agreed", "true")], Cancel))
        {
            Assert.Contains("We saved your yes", PeerCircleAppFactory.VisibleTextOf(await agreed.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        using var changedClient = app.CreateClientWithCookies();
        await app.SignInAsync(changedClient, "member4@demo.local", totp: false, Cancel);
        (await PeerCircleAppFactory.SubmitFormAsync(changedClient, "/me/research", "research-agree", [new("Research.Version", "1"), new("Research.Agreed", "true")], Cancel)).Dispose();
        using (var withdrawn = await PeerCircleAppFactory.SubmitFormAsync(changedClient, "/me/research", "research-withdraw", [], Cancel))
        {
            Assert.Contains("Your answers will not be in any new research file", PeerCircleAppFactory.VisibleTextOf(await withdrawn.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var first = await coordinator.GetStringAsync("/coordinator/outcomes/research.fhir.json", Cancel);
        var second = await coordinator.GetStringAsync("/coordinator/outcomes/research.fhir.json", Cancel);

        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(first);
        AssertValid(bundle);
        var responses = bundle.Entry.Select(e => Assert.IsType<QuestionnaireResponse>(e.Resource)).ToList();
        // Only the finished survey of the member who said yes.
        var only = Assert.Single(responses);
        Assert.Equal(QuestionnaireResponse.QuestionnaireResponseStatus.Completed, only.Status);
        Assert.Equal(FhirExports.PseudonymSystem, only.Subject?.Identifier?.System);
        var pseudonym = only.Subject!.Identifier!.Value;
        Assert.Matches("^P[A-Z2-9]{15}$", pseudonym);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", only.Authored);
        Assert.Equal("hope_1", Assert.Single(only.Item).LinkId);
        // The same pseudonym next time; no ids, names, e-mails or own words of anyone.
        Assert.Equal(pseudonym, Assert.Single(new FhirJsonDeserializer().Deserialize<Bundle>(second).Entry.Select(e => ((QuestionnaireResponse)e.Resource!).Subject?.Identifier?.Value)));
        // Each member's own copy of their data says where they stand, and the yes gives the code name research knows them by.
        using (var mine = JsonDocument.Parse(await yesClient.GetStringAsync("/me/export.json", Cancel)))
        {
            var researchUse = mine.RootElement.GetProperty("researchUse");
            Assert.True(researchUse.GetProperty("agreed").GetBoolean());
            Assert.Equal(pseudonym, researchUse.GetProperty("researchCodeName").GetString());
        }
        using (var theirs = JsonDocument.Parse(await changedClient.GetStringAsync("/me/export.json", Cancel)))
        {
            var researchUse = theirs.RootElement.GetProperty("researchUse");
            Assert.False(researchUse.GetProperty("agreed").GetBoolean());
            Assert.Equal(JsonValueKind.String, researchUse.GetProperty("lastTakenBackAtUtc").ValueKind);
        }
        await using var check = app.Services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var people = await db2.Users.AsNoTracking().Where(u => u.Id == yes || u.Id == changedMind || u.Id == never)
            .Select(u => new { u.Id, u.FullName, u.DisplayName, u.Email }).ToListAsync(Cancel);
        foreach (var person in people)
        {
            Assert.DoesNotContain(person.Id, first, StringComparison.Ordinal);
            Assert.DoesNotContain(person.FullName, first, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Email!, first, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("Rosa", first, StringComparison.Ordinal);
        Assert.True(await db2.AuditEvents.AnyAsync(e => e.Action == "outcomes.research-exported", Cancel));
        Assert.True(await db2.AuditEvents.AnyAsync(e => e.Action == "outcomes.research-consent-given" && e.RecordId == yes, Cancel));
        Assert.True(await db2.AuditEvents.AnyAsync(e => e.Action == "outcomes.research-consent-withdrawn" && e.RecordId == changedMind, Cancel));
    }

    /// <summary>Times are written with a narrow no-break space before AM/PM; compared as plain spaces.</summary>
    private static string Spaced(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    private static void AssertValid(Base resource)
    {
        var problems = resource.Validate();
        Assert.True(problems is null || !problems.Any(), string.Join("; ", problems?.Select(p => p.ToString()) ?? []));
    }

    /// <summary>The Peer Support Benefits instrument when it is seeded; otherwise a minimal one with its questionnaire url.</summary>
    internal static async Task<long> InstrumentIdAsync(PeerCircleDb db)
    {
        var existing = await db.Instruments.Where(i => i.Key == "peer-support-benefits").OrderBy(i => i.Id).Select(i => (long?)i.Id).FirstOrDefaultAsync(Cancel);
        if (existing is { } id)
        {
            return id;
        }
        var instrument = new Instrument
        {
            Key = "peer-support-benefits", Version = "1", Title = "Peer Support Benefits",
            QuestionnaireJson = $$"""{"resourceType":"Questionnaire","url":"{{QuestionnaireUrl}}","version":"1","status":"active"}""",
            ScoringJson = "{}", Origin = InstrumentOrigin.ProgramAuthored, CreatedAtUtc = DateTime.UtcNow,
        };
        db.Instruments.Add(instrument);
        await db.SaveChangesAsync(Cancel);
        return instrument.Id;
    }

    private static SurveyResponse Response(string memberId, long instrumentId, int days, SurveyStatus status, string answers, DateTime? completed) => new()
    {
        MemberId = memberId, InstrumentId = instrumentId, DaysAfterJoining = days, Status = status, AnswersJson = answers,
        JoinedAtUtc = DateTime.UtcNow.AddDays(-90), DueAtUtc = DateTime.UtcNow.AddDays(-90 + days), ClosesAtUtc = DateTime.UtcNow.AddDays(30),
        StartedAtUtc = DateTime.UtcNow.AddDays(-90 + days), UpdatedAtUtc = DateTime.UtcNow.AddDays(-89 + days), CompletedAtUtc = completed,
        ItemsAnswered = 1,
    };

    private static void AddScores(PeerCircleDb db, long instrumentId, string memberId, string scale, double baseline, double followUp, int meetings, DateTime now)
    {
        foreach (var (days, value, at) in new[] { (0, baseline, now.AddDays(-60)), (56, followUp, now.AddDays(-4)) })
        {
            var response = db.SurveyResponses.Local.FirstOrDefault(r => r.MemberId == memberId && r.InstrumentId == instrumentId && r.DaysAfterJoining == days);
            if (response is null)
            {
                response = Response(memberId, instrumentId, days, SurveyStatus.Completed, "{}", at);
                response.MeetingsAttended = days == 0 ? 0 : meetings;
                db.SurveyResponses.Add(response);
            }
            // The follow-up carries its baseline and dose, as a completed survey writes it (BaselinePairing).
            response.Scores.Add(new SurveyScore
            {
                InstrumentId = instrumentId, MemberId = memberId, DaysAfterJoining = days, Scale = scale, Value = value, CompletedAtUtc = at,
                MeetingsAttended = response.MeetingsAttended, BaselineValue = days == 0 ? null : baseline,
            });
        }
    }
}
