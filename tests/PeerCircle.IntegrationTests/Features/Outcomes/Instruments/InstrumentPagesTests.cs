using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Features.Outcomes.Instruments;

namespace PeerCircle.IntegrationTests.Features.Outcomes.Instruments;

/// <summary>The coordinator's instrument pages: import a FHIR Questionnaire, preview it, and put it on the schedule.</summary>
public class InstrumentPagesTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Page = "/coordinator/outcomes/instruments";
    private const string ImportPath = "/coordinator/outcomes/instruments/import";

    /// <summary>A small instrument invented for this test: a 0–10 item, a three-option choice and a yes/no.</summary>
    private const string GardenQuestionnaire = """
        {
          "resourceType": "Questionnaire",
          "id": "garden-check",
          "url": "https://example.org/fhir/Questionnaire/garden-check",
          "version": "1",
          "title": "Garden check",
          "status": "active",
          "description": "Three questions about time outside.",
          "item": [
            { "linkId": "outside", "text": "Time outside", "type": "group", "item": [
              { "linkId": "outside-stem", "text": "Think about the last 7 days.", "type": "display" },
              { "linkId": "mood", "text": "How is your mood today?", "type": "integer",
                "extension": [
                  { "url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0 },
                  { "url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 10 } ] },
              { "linkId": "walks", "text": "How often did you walk outside?", "type": "choice",
                "answerOption": [
                  { "valueCoding": { "code": "never", "display": "Never" },
                    "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 0 } ] },
                  { "valueCoding": { "code": "some", "display": "Some days" },
                    "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 1 } ] },
                  { "valueCoding": { "code": "most", "display": "Most days" },
                    "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 2 } ] } ] },
              { "linkId": "seeds", "text": "Did you plant anything?", "type": "boolean" } ] }
          ]
        }
        """;

    private const string GardenScoring = """
        { "scales": [ { "key": "garden", "title": "Time in the garden", "method": "sum", "items": ["mood", "walks", "seeds"],
            "minAnswered": 2, "bands": [ { "from": 0, "to": 6, "label": "low" }, { "from": 6.5, "to": 13, "label": "high" } ] } ] }
        """;

    private static async Task<T> WithDbAsync<T>(PeerCircleAppFactory app, Func<PeerCircleDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }

    private static async Task<HttpClient> CoordinatorAsync(PeerCircleAppFactory app)
    {
        var client = app.CreateClientWithCookies();
        await app.SignInAsync(client, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        return client;
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient coordinator, string? questionnaire, string? scoring, string licenseNote)
    {
        var html = await coordinator.GetStringAsync(ImportPath, Cancel);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PeerCircleAppFactory.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent("import-instrument"), "_handler" },
            { new StringContent(licenseNote), "Import.LicenseNote" },
        };
        foreach (var (name, content) in new[] { ("Questionnaire", questionnaire), ("Scoring", scoring) })
        {
            if (content is not null)
            {
                var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
                file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                form.Add(file, name, $"{name.ToLowerInvariant()}.json");
            }
        }
        return await coordinator.PostAsync(ImportPath, form, Cancel);
    }

    /// <summary>The schedule page's "add a point" form.</summary>
    private static List<KeyValuePair<string, string>> Point(string instrument, string days, string label) =>
        [new("Point.InstrumentId", instrument), new("Point.Days", days), new("Point.Label", label)];

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));

    [Theory, AllProviders]
    public async Task Coordinator_ImportsAFhirQuestionnaire_SeesItAsMembersWould_AndTheImportIsAudited(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = await CoordinatorAsync(app);

        using var imported = await ImportAsync(coordinator, GardenQuestionnaire, GardenScoring, "Written by our own team; free to use.");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var location = imported.Headers.Location!.PathOf();
        Assert.Matches("^/coordinator/outcomes/instruments/[0-9]+\\?imported=1$", location);

        var instrument = await WithDbAsync(app, db => db.Instruments.AsNoTracking().SingleAsync(i => i.Key == "garden-check", Cancel));
        Assert.Equal(("1", "Garden check", InstrumentOrigin.Imported, true), (instrument.Version, instrument.Title, instrument.Origin, instrument.Active));
        Assert.Equal("Written by our own team; free to use.", instrument.LicenseNote);
        Assert.Equal(await app.UserIdAsync(PeerCircleAppFactory.CoordinatorEmail, Cancel), instrument.ImportedById);
        Assert.Equal(GardenQuestionnaire, instrument.QuestionnaireJson);
        var audited = await WithDbAsync(app, db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "outcomes.instrument-imported").ToListAsync(Cancel));
        Assert.Contains("licence: Written by our own team", Assert.Single(audited).Detail, StringComparison.Ordinal);

        var preview = await TextAsync(await coordinator.GetAsync(location, Cancel));
        Assert.Contains("The instrument is imported.", preview, StringComparison.Ordinal);
        Assert.Contains("Three questions about time outside.", preview, StringComparison.Ordinal);
        Assert.Contains("Time outside Think about the last 7 days. How is your mood today?", preview, StringComparison.Ordinal);
        Assert.Contains("How often did you walk outside? (optional) Never Some days Most days", preview, StringComparison.Ordinal);
        Assert.Contains("Did you plant anything? (optional) Yes No", preview, StringComparison.Ordinal);
        Assert.Contains("Time in the garden (garden) Sum", preview, StringComparison.Ordinal);
        Assert.Contains("2 of 3", preview, StringComparison.Ordinal);
        Assert.Contains("Not on the schedule", preview, StringComparison.Ordinal);

        using var file = await coordinator.GetAsync($"/coordinator/outcomes/instruments/{instrument.Id}/questionnaire.json", Cancel);
        Assert.Equal(GardenQuestionnaire, await file.Content.ReadAsStringAsync(Cancel));

        // The list shows it beside the program's own instrument.
        var list = await TextAsync(await coordinator.GetAsync(Page, Cancel));
        Assert.Contains("Garden check 1 Imported Yes Not on the schedule", list, StringComparison.Ordinal);
        Assert.Contains("Peer Support Benefits 2 Written for the program Yes Day 0: Baseline", list, StringComparison.Ordinal);
        // Each remove button names the version, and the page says how members move between versions.
        Assert.Contains("Remove day 56 of Peer Support Benefits (version 2)", list, StringComparison.Ordinal);
        Assert.Contains("Each member answers the version they started on", list, StringComparison.Ordinal);

        // The same key and version again is refused.
        using var again = await ImportAsync(coordinator, GardenQuestionnaire, GardenScoring, "Same again.");
        Assert.Contains("An instrument “garden-check” version 1 is already here. To add a changed one, give it a new version.", await TextAsync(again), StringComparison.Ordinal);
        Assert.Equal(2, await WithDbAsync(app, db => db.Instruments.CountAsync(Cancel)));
    }

    [Theory, AllProviders]
    public async Task AnImportedInstrument_PutOnTheScheduleThroughThePage_IsAskedWithItsInstructions_AndScored(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = await CoordinatorAsync(app);
        // With a required question, and a second part after it.
        var withARequiredQuestion = GardenQuestionnaire.Replace(
            "{ \"linkId\": \"seeds\", \"text\": \"Did you plant anything?\", \"type\": \"boolean\" } ] }",
            "{ \"linkId\": \"seeds\", \"text\": \"Did you plant anything?\", \"type\": \"boolean\", \"required\": true } ] }, "
            + "{ \"linkId\": \"more\", \"text\": \"One more thing\", \"type\": \"group\", \"item\": [ "
            + "{ \"linkId\": \"tools\", \"text\": \"Did you use garden tools?\", \"type\": \"boolean\" } ] }", StringComparison.Ordinal);
        Assert.NotEqual(GardenQuestionnaire, withARequiredQuestion);
        using var imported = await ImportAsync(coordinator, withARequiredQuestion, GardenScoring, "Written by our own team; free to use.");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var instrumentId = await WithDbAsync(app, db => db.Instruments.Where(i => i.Key == "garden-check").Select(i => i.Id).SingleAsync(Cancel));
        using var added = await PeerCircleAppFactory.SubmitFormAsync(coordinator, Page, "add-point",
            Point(instrumentId.ToString(System.Globalization.CultureInfo.InvariantCulture), "0", "When you join"), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        // The next sweep asks members in groups for it, beside the program's own survey.
        await Surveys.SurveyTestKit.SweepAsync(app.Services, Cancel);
        var memberId = await app.UserIdAsync("member33@demo.local", Cancel);
        var response = Assert.Single(await Surveys.SurveyTestKit.ResponsesAsync(app.Services, memberId, instrumentId, Cancel));
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, "member33@demo.local", totp: false, Cancel);
        var path = $"/me/surveys/{response.Id}";
        var survey = await TextAsync(await member.GetAsync(path, Cancel));
        Assert.Contains("Garden check", survey, StringComparison.Ordinal);
        Assert.Contains("Time outside Think about the last 7 days.", survey, StringComparison.Ordinal);
        // The required question says so, and the page does not claim every question is optional.
        Assert.Contains("Did you plant anything? (needs an answer)", survey, StringComparison.Ordinal);
        Assert.Contains("Questions marked “needs an answer” must be answered to go on.", survey, StringComparison.Ordinal);
        Assert.DoesNotContain("Every question is optional", survey, StringComparison.Ordinal);

        // "Later" on part 1 with the required question empty, then finishing on part 2: back to it, with part 2 kept.
        using var later = await PeerCircleAppFactory.SubmitFormAsync(member, path, "survey",
            [new("Survey.Part", "1"), new("Survey.Go", "later"), new("Survey.Answers[mood]", "6"), new("Survey.Answers[walks]", "2")], Cancel);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        using var early = await PeerCircleAppFactory.SubmitFormAsync(member, path, "survey",
            [new("Survey.Part", "2"), new("Survey.Go", "finish"), new("Survey.Answers[tools]", "0")], Cancel);
        var back = await TextAsync(early);
        Assert.Contains("A question that needs an answer is still empty. Your other answers are saved.", back, StringComparison.Ordinal);
        Assert.Contains("Part 1 of 2", back, StringComparison.Ordinal);
        Assert.Contains("Please answer this question.", back, StringComparison.Ordinal);
        var kept = await WithDbAsync(app, db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.Id == response.Id, Cancel));
        Assert.Equal(SurveyStatus.InProgress, kept.Status);
        Assert.Contains("\"tools\"", kept.AnswersJson, StringComparison.Ordinal);

        // Mood 6, walked most days (scores 2), planted something (1): the sum is 9, "high".
        using var finished = await PeerCircleAppFactory.SubmitFormAsync(member, path, "survey",
            [new("Survey.Part", "1"), new("Survey.Go", "finish"), new("Survey.Answers[mood]", "6"), new("Survey.Answers[walks]", "2"), new("Survey.Answers[seeds]", "1")], Cancel);
        Assert.Contains("Thank you!", await TextAsync(finished), StringComparison.Ordinal);
        var score = await WithDbAsync(app, db => db.SurveyScores.AsNoTracking().SingleAsync(s => s.ResponseId == response.Id, Cancel));
        Assert.Equal(("garden", (double?)9.0), (score.Scale, score.Value));
    }

    [Theory, AllProviders]
    public async Task AnImportWithProblems_NamesEveryOne_AndSavesNothing(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = await CoordinatorAsync(app);
        var before = await WithDbAsync(app, db => db.Instruments.CountAsync(Cancel));

        var questionnaire = GardenQuestionnaire
            .Replace("\"valueInteger\": 10", "\"valueInteger\": 7", StringComparison.Ordinal)
            .Replace("\"linkId\": \"seeds\", \"text\": \"Did you plant anything?\", \"type\": \"boolean\"",
                "\"linkId\": \"seeds\", \"text\": \"When did you plant?\", \"type\": \"date\"", StringComparison.Ordinal);
        var scoring = GardenScoring.Replace("\"walks\", \"seeds\"", "\"walks\", \"rain\"", StringComparison.Ordinal);
        using var refused = await ImportAsync(coordinator, questionnaire, scoring, "  ");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await TextAsync(refused);
        Assert.Contains("Nothing was imported. Please fix these problems and upload the files again", page, StringComparison.Ordinal);
        Assert.Contains("Please say how the program is licensed to use this instrument", page, StringComparison.Ordinal);
        Assert.Contains("Item mood: a whole-number item must go from 0 to 10 or from 1 to 5 (this one goes from 0 to 7).", page, StringComparison.Ordinal);
        Assert.Contains("Item seeds: the item type “date” is not supported.", page, StringComparison.Ordinal);
        Assert.Contains("Scale garden: item rain is not in the Questionnaire.", page, StringComparison.Ordinal);

        using var notFhir = await ImportAsync(coordinator, """{ "resourceType": "Patient" }""", null, "Licensed.");
        page = await TextAsync(notFhir);
        Assert.Contains("The Questionnaire file is not a FHIR Questionnaire", page, StringComparison.Ordinal);
        Assert.Contains("Please choose the scoring file.", page, StringComparison.Ordinal);

        Assert.Equal(before, await WithDbAsync(app, db => db.Instruments.CountAsync(Cancel)));
        Assert.False(await WithDbAsync(app, db => db.AuditEvents.AnyAsync(e => e.Action == "outcomes.instrument-imported", Cancel)));

        // A row changed outside the app (here: its scoring file broken by hand) shows its problems, not an error page.
        var broken = await WithDbAsync(app, async db =>
        {
            var row = new Instrument
            {
                Key = "hand-edited", Version = "1", Title = "Hand edited", QuestionnaireJson = GardenQuestionnaire,
                ScoringJson = """{ "scales": [ { "key": "garden", "title": "Garden", "method": "sum", "items": ["moood"] } ] }""",
                Origin = InstrumentOrigin.Imported, CreatedAtUtc = DateTime.UtcNow,
            };
            db.Instruments.Add(row);
            await db.SaveChangesAsync(Cancel);
            return row.Id;
        });
        using var unreadable = await coordinator.GetAsync($"{Page}/{broken}", Cancel);
        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        Assert.Contains("Scale garden: item moood is not in the Questionnaire.", await TextAsync(unreadable), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Coordinator_AddsAndRemovesSchedulePoints_WithEveryValueChecked(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = await CoordinatorAsync(app);
        var instrumentId = await WithDbAsync(app, db => db.Instruments.Where(i => i.Key == InstrumentCatalog.PeerSupportBenefitsKey).Select(i => i.Id).SingleAsync(Cancel));
        var id = instrumentId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var bad = await PeerCircleAppFactory.SubmitFormAsync(coordinator, Page, "add-point", Point("", "800", ""), Cancel);
        var page = await TextAsync(bad);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Please choose an instrument.", page, StringComparison.Ordinal);
        Assert.Contains("Please enter a whole number of days from 0 to 730.", page, StringComparison.Ordinal);
        Assert.Contains("Please give the point a short name, such as “8 weeks”.", page, StringComparison.Ordinal);

        using var words = await PeerCircleAppFactory.SubmitFormAsync(coordinator, Page, "add-point", Point(id, "two", "Later"), Cancel);
        Assert.Contains("Please enter a whole number of days from 0 to 730.", await TextAsync(words), StringComparison.Ordinal);

        using var duplicate = await PeerCircleAppFactory.SubmitFormAsync(coordinator, Page, "add-point", Point(id, "56", "Two months"), Cancel);
        Assert.Contains("This instrument is already asked at day 56 (“8 weeks”).", await TextAsync(duplicate), StringComparison.Ordinal);
        Assert.Equal(4, await WithDbAsync(app, db => db.SurveySchedulePoints.CountAsync(Cancel)));

        using var added = await PeerCircleAppFactory.SubmitFormAsync(coordinator, Page, "add-point", Point(id, "365", "1 year"), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(Page + "?added=1", added.Headers.Location!.PathOf());
        var list = await TextAsync(await coordinator.GetAsync(Page + "?added=1", Cancel));
        Assert.Contains("The point is added to the schedule.", list, StringComparison.Ordinal);
        Assert.Contains("Day 365: 1 year", list, StringComparison.Ordinal);

        var ninetyOne = await WithDbAsync(app, db => db.SurveySchedulePoints.Where(p => p.InstrumentId == instrumentId && p.DaysAfterJoining == 91).Select(p => p.Id).SingleAsync(Cancel));
        using var removed = await PeerCircleAppFactory.SubmitFormAsync(coordinator, Page, "remove-point",
            [new("RemoveId", ninetyOne.ToString(System.Globalization.CultureInfo.InvariantCulture))], Cancel);
        Assert.Equal(Page + "?removed=1", removed.Headers.Location!.PathOf());
        list = await TextAsync(await coordinator.GetAsync(Page, Cancel));
        Assert.DoesNotContain("Day 91: 3 months", list, StringComparison.Ordinal);
        Assert.Contains("Day 56: 8 weeks", list, StringComparison.Ordinal);
        var active = await WithDbAsync(app, db => db.SurveySchedulePoints.Where(p => p.Active).OrderBy(p => p.DaysAfterJoining).Select(p => p.DaysAfterJoining).ToListAsync(Cancel));
        Assert.Equal([0, 56, 182, 365], active);

        // Removing it twice says so; adding the day again brings the point back with its new name.
        using var twice = await PeerCircleAppFactory.SubmitFormAsync(coordinator, Page, "remove-point",
            [new("RemoveId", ninetyOne.ToString(System.Globalization.CultureInfo.InvariantCulture))], Cancel);
        Assert.Contains("That point is not on the schedule any more.", await TextAsync(twice), StringComparison.Ordinal);
        using var back = await PeerCircleAppFactory.SubmitFormAsync(coordinator, Page, "add-point", Point(id, "91", "Three months"), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var point = await WithDbAsync(app, db => db.SurveySchedulePoints.AsNoTracking().SingleAsync(p => p.Id == ninetyOne, Cancel));
        Assert.Equal(("Three months", true), (point.Label, point.Active));

        var audited = await WithDbAsync(app, db => db.AuditEvents.Where(e => e.Action.StartsWith("outcomes.schedule-point")).Select(e => e.Action).ToListAsync(Cancel));
        Assert.Equal(3, audited.Count(a => a == "outcomes.schedule-point-added")); // the default schedule, day 365 and day 91 again
        Assert.Single(audited, a => a == "outcomes.schedule-point-removed");
    }

    [Theory, AllProviders]
    public async Task MembersAndFacilitators_CannotOpenTheInstrumentPages(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var instrumentId = await WithDbAsync(app, db => db.Instruments.Select(i => i.Id).FirstAsync(Cancel));
        foreach (var (email, totp) in new[] { (PeerCircleAppFactory.MemberEmail, false), (PeerCircleAppFactory.FacilitatorEmail, true) })
        {
            using var client = app.CreateClientWithCookies();
            await app.SignInAsync(client, email, totp, Cancel);
            foreach (var path in new[] { Page, ImportPath, $"{Page}/{instrumentId}", $"{Page}/{instrumentId}/questionnaire.json", $"{Page}/{instrumentId}/scoring.json" })
            {
                using var response = await client.GetAsync(path, Cancel);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                    || response.Headers.Location?.PathOf().StartsWith("/account/access-denied", StringComparison.Ordinal) == true,
                    $"{email} got {(int)response.StatusCode} for {path}");
                Assert.DoesNotContain("Peer Support Benefits", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
            }
        }

        using var coordinator = await CoordinatorAsync(app);
        using var missing = await coordinator.GetAsync($"{Page}/999999", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var notANumber = await coordinator.GetAsync($"{Page}/abc", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, notANumber.StatusCode);
    }
}
