using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Features.Outcomes.Instruments;
using static PeerCircle.IntegrationTests.Features.Outcomes.Surveys.SurveyTestKit;

namespace PeerCircle.IntegrationTests.Features.Outcomes.Instruments;

/// <summary>
/// Outcome surveys in the member's language: the Peer Support Benefits questionnaire carries its Spanish as FHIR
/// translation extensions; a member whose PeerCircle is in Spanish reads and answers it in Spanish and scores exactly
/// as the same answers in English; an existing database gets the translations without a new version; imported
/// questionnaires with translations work the same way.
/// </summary>
public class SpanishInstrumentTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string SpanishMember = "member33@demo.local";

    /// <summary>The request language the way a browser set to Spanish sends it.</summary>
    private static void PreferSpanish(HttpClient client) => client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));

    private static async Task<long> BaselineIdAsync(PeerCircleAppFactory app, string memberId, long instrumentId) =>
        await DbAsync(app.Services, db => db.SurveyResponses
            .Where(r => r.MemberId == memberId && r.InstrumentId == instrumentId && r.DaysAfterJoining == 0)
            .Select(r => r.Id).SingleAsync(Cancel));

    private static async Task<InstrumentDefinition> PeerSupportBenefitsAsync(PeerCircleAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InstrumentCatalog>().PeerSupportBenefitsAsync(Cancel);
    }

    private static async Task<string> PostPartAsync(HttpClient client, long id, int part, string go, IEnumerable<(string LinkId, string Value)> answers)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Survey.Part", part.ToString(CultureInfo.InvariantCulture)), new("Survey.Go", go) };
        fields.AddRange(answers.Select(a => new KeyValuePair<string, string>($"Survey.Answers[{a.LinkId}]", a.Value)));
        using var response = await PeerCircleAppFactory.SubmitFormAsync(client, $"/me/surveys/{id}", "survey", fields, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PeerCircleAppFactory.VisibleTextOf(await response.Content.ReadAsStringAsync(Cancel));
    }

    /// <summary>Answers every part (a spread of answers, so reversed items matter) and finishes; returns the last page's text.</summary>
    private static async Task<string> AnswerAllAsync(HttpClient client, long id, InstrumentDefinition instrument)
    {
        var page = "";
        var n = 0;
        for (var part = 1; part <= instrument.Sections.Count; part++)
        {
            var answers = instrument.Sections[part - 1].Items.Where(i => i.Kind != ItemKind.FreeText)
                .Select(i => (i.LinkId, (i.Kind == ItemKind.Scale0To10 ? 6 : 1 + (n++ % 5)).ToString(CultureInfo.InvariantCulture)))
                .ToList();
            page = await PostPartAsync(client, id, part, part == instrument.Sections.Count ? "finish" : "next", answers);
        }
        return page;
    }

    private static async Task<List<(string Scale, double? Value)>> ScoresAsync(PeerCircleAppFactory app, long responseId) =>
        [.. (await DbAsync(app.Services, db => db.SurveyScores.AsNoTracking().Where(s => s.ResponseId == responseId)
            .Select(s => new { s.Scale, s.Value }).ToListAsync(Cancel)))
            .OrderBy(s => s.Scale, StringComparer.Ordinal).Select(s => (s.Scale, s.Value))];

    [Theory, AllProviders]
    public async Task ASpanishSpeakingMember_ReadsAndAnswersTheSurveyInSpanish_AndScoresMatchTheSameAnswersInEnglish(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await SweepAsync(app.Services, Cancel);
        var instrument = await PeerSupportBenefitsAsync(app);
        var spanishId = await BaselineIdAsync(app, await app.UserIdAsync(SpanishMember, Cancel), instrument.Id);
        var (englishId, englishEmail) = await DbAsync(app.Services, async db =>
        {
            var other = await db.SurveyResponses.Where(r => r.InstrumentId == instrument.Id && r.DaysAfterJoining == 0 && r.Id != spanishId)
                .OrderBy(r => r.Id).Select(r => new { r.Id, r.MemberId }).FirstAsync(Cancel);
            return (other.Id, await db.Users.Where(u => u.Id == other.MemberId).Select(u => u.Email!).SingleAsync(Cancel));
        });

        using var spanish = app.CreateClientWithCookies();
        await app.SignInAsync(spanish, SpanishMember, totp: false, Cancel);
        PreferSpanish(spanish);
        var first = PeerCircleAppFactory.VisibleTextOf(await spanish.GetStringAsync($"/me/surveys/{spanishId}", Cancel));
        Assert.Contains("Beneficios del apoyo entre pares", first, StringComparison.Ordinal);
        Assert.Contains($"Parte 1 de {instrument.Sections.Count}", first, StringComparison.Ordinal);
        Assert.Contains("Esperanza", first, StringComparison.Ordinal);
        Assert.Contains("Tengo esperanza en mi futuro.", first, StringComparison.Ordinal);
        Assert.Contains("Muy en desacuerdo En desacuerdo No sé De acuerdo Muy de acuerdo", first, StringComparison.Ordinal);
        Assert.DoesNotContain("I feel hopeful about my future.", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Strongly disagree", first, StringComparison.Ordinal);

        var qualityOfLife = instrument.Sections.Select((s, i) => (s, Part: i + 1)).Single(p => p.s.Items.Any(i => i.LinkId == "qol-1")).Part;
        var qolPage = PeerCircleAppFactory.VisibleTextOf(await spanish.GetStringAsync($"/me/surveys/{spanishId}?part={qualityOfLife}", Cancel));
        Assert.Contains("¿cómo calificaría su calidad de vida en general?", qolPage, StringComparison.Ordinal);
        Assert.Contains("Lo peor posible · Lo mejor posible", qolPage, StringComparison.Ordinal);
        var lastPage = PeerCircleAppFactory.VisibleTextOf(await spanish.GetStringAsync($"/me/surveys/{spanishId}?part={instrument.Sections.Count}", Cancel));
        Assert.Contains("¿Hay algo más que le gustaría contarnos?", lastPage, StringComparison.Ordinal);
        Assert.Contains("Puede dejar esto en blanco.", lastPage, StringComparison.Ordinal);

        Assert.Contains("¡Gracias!", await AnswerAllAsync(spanish, spanishId, instrument), StringComparison.Ordinal);

        // Someone else gives the same answers in English.
        using var english = app.CreateClientWithCookies();
        await app.SignInAsync(english, englishEmail, totp: false, Cancel);
        Assert.Contains("I feel hopeful about my future.",
            PeerCircleAppFactory.VisibleTextOf(await english.GetStringAsync($"/me/surveys/{englishId}", Cancel)), StringComparison.Ordinal);
        Assert.Contains("Thank you!", await AnswerAllAsync(english, englishId, instrument), StringComparison.Ordinal);

        var spanishScores = await ScoresAsync(app, spanishId);
        Assert.Equal(instrument.Scales.Count, spanishScores.Count);
        Assert.All(spanishScores, s => Assert.NotNull(s.Value));
        Assert.Equal(await ScoresAsync(app, englishId), spanishScores);
        Assert.Equal(
            await DbAsync(app.Services, db => db.SurveyResponses.Where(r => r.Id == englishId).Select(r => r.AnswersJson).SingleAsync(Cancel)),
            await DbAsync(app.Services, db => db.SurveyResponses.Where(r => r.Id == spanishId).Select(r => r.AnswersJson).SingleAsync(Cancel)));
    }

    [Theory, AllProviders]
    public async Task AnExistingDatabase_GetsTheNewTranslations_WithoutANewVersion_ButNotOtherChanges(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var shipped = await File.ReadAllTextAsync(OutcomesSeed.QuestionnairePath, Cancel);
        var definition = FhirQuestionnaires.Read(0, shipped, await File.ReadAllTextAsync(OutcomesSeed.ScoringPath, Cancel));
        var englishOnly = FhirQuestionnaires.ToQuestionnaireJson(definition with { Translations = InstrumentText.None });

        async Task<string> StoredAsync() => await DbAsync(app.Services, db => db.Instruments
            .Where(i => i.Key == InstrumentCatalog.PeerSupportBenefitsKey).Select(i => i.QuestionnaireJson).SingleAsync(Cancel));
        async Task StoreAsync(string json) => await DbAsync(app.Services, async db =>
        {
            var row = await db.Instruments.SingleAsync(i => i.Key == InstrumentCatalog.PeerSupportBenefitsKey, Cancel);
            row.QuestionnaireJson = json;
            return await db.SaveChangesAsync(Cancel);
        });
        Task<int> AuditedAsync() => DbAsync(app.Services, db => db.AuditEvents.CountAsync(e => e.Action == "outcomes.instrument-translations-updated", Cancel));

        // A database from before the translations: same id and version, English only.
        Assert.Equal(shipped, await StoredAsync());
        await StoreAsync(englishOnly);
        await OutcomesSeed.SeedAsync(app.Services, Cancel);
        Assert.Equal(shipped, await StoredAsync());
        Assert.Equal(1, await DbAsync(app.Services, db => db.Instruments.CountAsync(Cancel)));
        var audited = await DbAsync(app.Services, db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "outcomes.instrument-translations-updated", Cancel));
        Assert.Equal(("peer-support-benefits 2", "translations of the shipped questionnaire updated; languages: es"), (audited.RecordId, audited.Detail));

        // Starting again changes nothing.
        await OutcomesSeed.SeedAsync(app.Services, Cancel);
        Assert.Equal(1, await AuditedAsync());

        // A stored file whose questions differ is never overwritten under the same version.
        var reworded = FhirQuestionnaires.ToQuestionnaireJson(definition with
        {
            Sections = [.. definition.Sections.Select((s, i) => i == 0 ? s with { Items = [s.Items[0] with { Text = "Another question" }, .. s.Items.Skip(1)] } : s)],
        });
        await StoreAsync(reworded);
        await OutcomesSeed.SeedAsync(app.Services, Cancel);
        Assert.Equal(reworded, await StoredAsync());
        Assert.Equal(1, await AuditedAsync());
    }

    private const string TranslatedImport = """
        {
          "resourceType": "Questionnaire",
          "id": "sleep-check",
          "language": "en",
          "version": "1",
          "title": "Sleep check",
          "_title": { "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/translation", "extension": [
            { "url": "lang", "valueCode": "es" }, { "url": "content", "valueString": "Cómo duerme" } ] } ] },
          "status": "active",
          "item": [
            { "linkId": "nights", "text": "How did you sleep this week?",
              "_text": { "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/translation", "extension": [
                { "url": "lang", "valueCode": "es" }, { "url": "content", "valueString": "¿Cómo durmió esta semana?" } ] } ] },
              "type": "choice",
              "answerOption": [
                { "valueCoding": { "code": "badly", "display": "Badly",
                  "_display": { "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/translation", "extension": [
                    { "url": "lang", "valueCode": "es" }, { "url": "content", "valueString": "Mal" } ] } ] } } },
                { "valueCoding": { "code": "well", "display": "Well" } } ] }
          ]
        }
        """;

    [Theory, AllProviders]
    public async Task ImportedTranslations_ShowInThePreview_AndToSpanishSpeakingMembers(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);

        // The shipped instrument: the coordinator's language, with a link to each language it has.
        var benefitsId = (await PeerSupportBenefitsAsync(app)).Id;
        var preview = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync($"/coordinator/outcomes/instruments/{benefitsId}", Cancel));
        Assert.Contains("I feel hopeful about my future.", preview, StringComparison.Ordinal);
        Assert.Contains("English · Español", preview, StringComparison.Ordinal);
        var inSpanish = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync($"/coordinator/outcomes/instruments/{benefitsId}?language=es", Cancel));
        Assert.Contains("Tengo esperanza en mi futuro.", inSpanish, StringComparison.Ordinal);
        Assert.Contains("Muy en desacuerdo", inSpanish, StringComparison.Ordinal);
        var unknown = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync($"/coordinator/outcomes/instruments/{benefitsId}?language=%3Cxx%3E", Cancel));
        Assert.Contains("I feel hopeful about my future.", unknown, StringComparison.Ordinal);

        // An imported Questionnaire with its own translations.
        var html = await coordinator.GetStringAsync("/coordinator/outcomes/instruments/import", Cancel);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PeerCircleAppFactory.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent("import-instrument"), "_handler" },
            { new StringContent("Written by our own team; free to use."), "Import.LicenseNote" },
        };
        foreach (var (name, content) in new[] { ("Questionnaire", TranslatedImport), ("Scoring", """{ "scales": [] }""") })
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(file, name, $"{name.ToLowerInvariant()}.json");
        }
        using var imported = await coordinator.PostAsync("/coordinator/outcomes/instruments/import", form, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var importedId = await DbAsync(app.Services, db => db.Instruments.Where(i => i.Key == "sleep-check").Select(i => i.Id).SingleAsync(Cancel));
        var importedInSpanish = PeerCircleAppFactory.VisibleTextOf(
            await coordinator.GetStringAsync($"/coordinator/outcomes/instruments/{importedId}?language=es", Cancel));
        Assert.Contains("¿Cómo durmió esta semana? (optional) Mal Well", importedInSpanish, StringComparison.Ordinal);

        // On the schedule, a Spanish-speaking member is asked it in Spanish.
        await DbAsync(app.Services, db =>
        {
            db.SurveySchedulePoints.Add(new SurveySchedulePoint { InstrumentId = importedId, DaysAfterJoining = 0, Label = "Baseline", Active = true, CreatedAtUtc = DateTime.UtcNow });
            return db.SaveChangesAsync(Cancel);
        });
        await SweepAsync(app.Services, Cancel);
        var surveyId = await BaselineIdAsync(app, await app.UserIdAsync(SpanishMember, Cancel), importedId);
        using var member = app.CreateClientWithCookies();
        await app.SignInAsync(member, SpanishMember, totp: false, Cancel);
        PreferSpanish(member);
        var survey = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync($"/me/surveys/{surveyId}", Cancel));
        Assert.Contains("Cómo duerme", survey, StringComparison.Ordinal);
        Assert.Contains("¿Cómo durmió esta semana? Mal Well", survey, StringComparison.Ordinal);
        // Their list names both surveys in Spanish.
        var list = PeerCircleAppFactory.VisibleTextOf(await member.GetStringAsync("/me/surveys", Cancel));
        Assert.Contains("Cómo duerme", list, StringComparison.Ordinal);
        Assert.Contains("Beneficios del apoyo entre pares", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Sleep check", list, StringComparison.Ordinal);
    }
}
