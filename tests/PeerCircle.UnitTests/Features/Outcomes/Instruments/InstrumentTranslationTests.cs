using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using PeerCircle.Web.Features.Outcomes.Instruments;

namespace PeerCircle.UnitTests.Features.Outcomes.Instruments;

/// <summary>
/// Instrument texts in other languages through the FHIR translation extension: read, shown in the reader's language
/// with English text by text where there is none, kept on writing back, and never touching scores.
/// </summary>
public partial class InstrumentTranslationTests
{
    private const string Translation = "http://hl7.org/fhir/StructureDefinition/translation";

    private static string Es(string words, string lang = "es") => $$"""
        { "extension": [ { "url": "{{Translation}}", "extension": [
            { "url": "lang", "valueCode": "{{lang}}" }, { "url": "content", "valueString": "{{words}}" } ] } ] }
        """;

    /// <summary>Half translated on purpose: the title, one group, one question, one answer word and one end label.</summary>
    private static readonly string PartlyTranslated = $$"""
        {
          "resourceType": "Questionnaire",
          "id": "garden-check",
          "version": "1",
          "title": "Garden check",
          "_title": {{Es("Revisión del jardín")}},
          "status": "active",
          "description": "Two questions about time outside.",
          "item": [
            { "linkId": "outside", "text": "Time outside", "_text": {{Es("Tiempo afuera")}}, "type": "group", "item": [
              { "linkId": "outside-intro", "text": "Think about the last 7 days.", "_text": {{Es("Piense en los últimos 7 días.")}}, "type": "display" },
              { "linkId": "mood", "text": "How is your mood today?", "type": "integer",
                "extension": [
                  { "url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0 },
                  { "url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 10 } ],
                "item": [
                  { "linkId": "mood-low", "text": "Very low", "_text": {{Es("Muy bajo")}}, "type": "display",
                    "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
                      "valueCodeableConcept": { "coding": [ { "system": "http://hl7.org/fhir/questionnaire-item-control", "code": "lower" } ] } } ] },
                  { "linkId": "mood-high", "text": "Very good", "type": "display",
                    "extension": [ { "url": "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
                      "valueCodeableConcept": { "coding": [ { "system": "http://hl7.org/fhir/questionnaire-item-control", "code": "upper" } ] } } ] } ] },
              { "linkId": "walks", "text": "How often did you walk outside?", "_text": {{Es("¿Cada cuánto caminó afuera?", "es-419")}}, "type": "choice",
                "answerOption": [
                  { "valueCoding": { "code": "never", "display": "Never", "_display": {{Es("Nunca")}} } },
                  { "valueCoding": { "code": "most", "display": "Most days" } } ] } ] }
          ]
        }
        """;

    private const string Scoring = """
        { "scales": [ { "key": "garden", "title": "Garden", "method": "sum", "items": ["mood", "walks"], "minAnswered": 1 } ] }
        """;

    private static InstrumentDefinition Shipped() => PeerSupportBenefitsTests.Shipped();

    [Fact]
    public void Translations_AreReadFromThePrimitiveElements()
    {
        var definition = FhirQuestionnaires.Read(1, PartlyTranslated, Scoring);
        Assert.Equal("en", definition.Language);
        Assert.Equal(["es", "es-419"], definition.TranslatedLanguages);
        Assert.Equal("Revisión del jardín", definition.Translations[InstrumentText.Title]["es"]);
        Assert.Equal("Nunca", definition.Translations[InstrumentText.Choice("walks", "never")]["es"]);
        Assert.Equal("Muy bajo", definition.Translations[InstrumentText.MinLabel("mood")]["es"]);
        // The English definition is as before.
        Assert.Equal("Garden check", definition.Title);
        Assert.Equal(["Never", "Most days"], definition.Item("walks")!.Choices.Select(c => c.Text));
    }

    [Fact]
    public void InSpanish_EachTextWithoutATranslation_StaysInEnglish_OneByOne()
    {
        var spanish = FhirQuestionnaires.Localized(FhirQuestionnaires.Read(1, PartlyTranslated, Scoring), new CultureInfo("es"));
        Assert.Equal("Revisión del jardín", spanish.Title);
        Assert.Equal("Two questions about time outside.", spanish.Description);
        Assert.Equal("Tiempo afuera", spanish.Sections[0].Title);
        Assert.Equal(["Piense en los últimos 7 días."], spanish.Sections[0].Notes.Select(n => n.Text));
        var mood = spanish.Item("mood")!;
        Assert.Equal(("How is your mood today?", "Muy bajo", "Very good"), (mood.Text, mood.MinLabel, mood.MaxLabel));
        var walks = spanish.Item("walks")!;
        // Only an es-419 translation: still Spanish for a reader of plain "es".
        Assert.Equal("¿Cada cuánto caminó afuera?", walks.Text);
        Assert.Equal(["Nunca", "Most days"], walks.Choices.Select(c => c.Text));
        Assert.Equal(["never", "most"], walks.Choices.Select(c => c.Code));
    }

    [Theory]
    [InlineData("es-MX", "Tengo esperanza en mi futuro.")]
    [InlineData("es", "Tengo esperanza en mi futuro.")]
    [InlineData("en-US", "I feel hopeful about my future.")]
    [InlineData("fr", "I feel hopeful about my future.")]
    [InlineData("", "I feel hopeful about my future.")]
    public void TheReadersLanguage_PicksTheTranslation_OrEnglish(string culture, string expected)
    {
        var shown = FhirQuestionnaires.Localized(Shipped(), CultureInfo.GetCultureInfo(culture));
        Assert.Equal(expected, shown.Item("hope-1")!.Text);
    }

    [Fact]
    public void EnglishReaders_GetTheDefinitionItself()
    {
        var shipped = Shipped();
        Assert.Same(shipped, FhirQuestionnaires.Localized(shipped, CultureInfo.GetCultureInfo("en-US")));
        Assert.Same(shipped, FhirQuestionnaires.Localized(shipped, "en-GB"));
    }

    [Fact]
    public void TheShippedQuestionnaire_HasSpanishForEveryTextAMemberReads()
    {
        var english = Shipped();
        var spanish = FhirQuestionnaires.Localized(english, "es");
        Assert.Equal(["es"], english.TranslatedLanguages);
        Assert.Equal("Beneficios del apoyo entre pares", spanish.Title);
        Assert.Contains("Toma unos 3 minutos.", spanish.Description, StringComparison.Ordinal);
        foreach (var (en, es) in english.Sections.Zip(spanish.Sections))
        {
            Assert.NotEqual(en.Title, es.Title);
            Assert.Equal(en.Key, es.Key);
            foreach (var (a, b) in en.Items.Zip(es.Items))
            {
                Assert.Equal((a.LinkId, a.Kind, a.Required), (b.LinkId, b.Kind, b.Required));
                Assert.NotEqual(a.Text, b.Text);
                Assert.Equal(a.Help is null, b.Help is null);
                Assert.True(a.Help is null || a.Help != b.Help, a.LinkId);
                Assert.True(a.MinLabel is null || a.MinLabel != b.MinLabel, a.LinkId);
                Assert.True(a.MaxLabel is null || a.MaxLabel != b.MaxLabel, a.LinkId);
                Assert.Equal(a.Choices.Select(c => (c.Code, c.Score)), b.Choices.Select(c => (c.Code, c.Score)));
                Assert.All(a.Choices.Zip(b.Choices), pair => Assert.NotEqual(pair.First.Text, pair.Second.Text));
            }
        }
        Assert.Equal(["Muy en desacuerdo", "En desacuerdo", "No sé", "De acuerdo", "Muy de acuerdo"], spanish.Item("belonging-2")!.Choices.Select(c => c.Text));
        Assert.Equal(("Lo peor posible", "Lo mejor posible"), (spanish.Item("qol-1")!.MinLabel, spanish.Item("qol-1")!.MaxLabel));
    }

    [Fact]
    public void Scores_AreTheSameInEveryLanguage()
    {
        var english = Shipped();
        var spanish = FhirQuestionnaires.Localized(english, "es");
        Assert.Equal(english.Scales, spanish.Scales);
        var answers = english.Items.Where(i => i.Kind != ItemKind.FreeText)
            .Select((item, n) => (item.LinkId, Value: AnswerValue.Of(item.Kind == ItemKind.Scale0To10 ? 6 : 1 + (n % 5))))
            .ToDictionary(a => a.LinkId, a => a.Value);
        Assert.Equal(InstrumentScorer.Score(english, answers), InstrumentScorer.Score(spanish, answers));
    }

    [Fact]
    public void WritingBack_KeepsTheTranslations_AsFhirTranslationExtensions()
    {
        var first = FhirQuestionnaires.Read(1, PartlyTranslated, Scoring);
        var written = FhirQuestionnaires.ToQuestionnaireJson(first);
        var questionnaire = new FhirJsonDeserializer().Deserialize<Questionnaire>(written);
        Assert.Equal("en", questionnaire.Language);
        var title = Assert.Single(questionnaire.TitleElement.GetExtensions(Translation));
        Assert.Equal("es", (title.GetExtension("lang")!.Value as Code)!.Value);
        Assert.Equal("Revisión del jardín", (title.GetExtension("content")!.Value as FhirString)!.Value);

        var second = FhirQuestionnaires.Read(1, written, Scoring);
        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        Assert.Equal(
            JsonSerializer.Serialize(FhirQuestionnaires.Localized(first, "es")),
            JsonSerializer.Serialize(FhirQuestionnaires.Localized(second, "es")));
    }

    [Fact]
    public void TheShippedQuestionnaire_RoundTripsWithItsSpanish()
    {
        var first = Shipped();
        var second = FhirQuestionnaires.Read(7, FhirQuestionnaires.ToQuestionnaireJson(first), FhirQuestionnaires.ToScoringJson(first));
        Assert.Equal(JsonSerializer.Serialize(FhirQuestionnaires.Localized(first, "es")), JsonSerializer.Serialize(FhirQuestionnaires.Localized(second, "es")));
        Assert.True(OutcomesSeed.SameExceptTranslations(first, first with { Translations = InstrumentText.None }));
        Assert.False(OutcomesSeed.SameExceptTranslations(first, first with { Title = "Peer Support Benefits (changed)" }));
    }

    [Fact]
    public void BrokenTranslations_AreNamedByItem()
    {
        var noLanguage = PartlyTranslated.Replace("""{ "url": "lang", "valueCode": "es" }, { "url": "content", "valueString": "Nunca" }""",
            """{ "url": "content", "valueString": "Nunca" }""", StringComparison.Ordinal);
        Assert.Contains("Item walks: a translation needs a language code (lang), such as “es”.",
            FhirQuestionnaires.Check(0, noLanguage, Scoring, out var none).Select(p => p.ToString()));
        Assert.Null(none);

        var noWords = PartlyTranslated.Replace("""{ "url": "content", "valueString": "Tiempo afuera" }""", """{ "url": "content", "valueString": " " }""", StringComparison.Ordinal);
        Assert.Contains("Item outside: the translation into “es” has no words (content).",
            FhirQuestionnaires.Check(0, noWords, Scoring, out _).Select(p => p.ToString()));

        var twice = PartlyTranslated.Replace("\"_title\": " + Es("Revisión del jardín"),
            "\"_title\": " + Es("Revisión del jardín").Replace("] } ] }", "] }, { \"url\": \"" + Translation + "\", \"extension\": [ { \"url\": \"lang\", \"valueCode\": \"ES\" }, { \"url\": \"content\", \"valueString\": \"Otra\" } ] } ] }", StringComparison.Ordinal),
            StringComparison.Ordinal);
        Assert.Contains("The Questionnaire's title or description has two translations into “ES”. Please keep one.",
            FhirQuestionnaires.Check(0, twice, Scoring, out _).Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("es-MX", new[] { "es-mx", "es" })]
    [InlineData("zh-Hant-TW", new[] { "zh-hant-tw", "zh-hant", "zh" })]
    [InlineData("", new string[0])]
    public void LanguageChain_GoesFromTheFullTagToTheLanguage(string tag, string[] chain) =>
        Assert.Equal(chain, FhirQuestionnaires.LanguageChain(tag));

    /// <summary>
    /// Grade 8 or below, in Spanish: the Szigriszt-Pazos perspicuity (INFLESZ) of what members read. On the INFLESZ scale
    /// 55–65 is "normal" (secondary school, ages 12–16) and 65–80 "fairly easy"; the English is held to Flesch–Kincaid
    /// grade 8, so the Spanish is held to 60 overall and 50 for any one question.
    /// </summary>
    [Fact]
    public void WhatMembersReadInSpanish_IsPlain()
    {
        var spanish = FhirQuestionnaires.Localized(Shipped(), "es");
        var text = string.Join("\n", spanish.Items.SelectMany(i => new[] { i.Text, i.Help, i.MinLabel, i.MaxLabel }
            .Concat(i.Choices.Select(c => c.Text + "."))).OfType<string>().Prepend(spanish.Description!));
        Assert.InRange(SpanishPerspicuity(text), 60, 120);
        Assert.All(spanish.Items, i => Assert.InRange(SpanishPerspicuity(i.Text), 50, 120));
    }

    [Theory]
    [InlineData("esperanza", 4)]
    [InlineData("cáncer", 2)]
    [InlineData("ayudarían", 5)]
    [InlineData("quien", 1)]
    [InlineData("que", 1)]
    [InlineData("guerra", 2)]
    [InlineData("pingüino", 3)]
    [InlineData("muy", 1)]
    [InlineData("poeta", 3)]
    [InlineData("información", 4)]
    [InlineData("día", 2)]
    public void SpanishSyllables_AreCountedWithDiphthongsAndHiatus(string word, int syllables) =>
        Assert.Equal(syllables, SpanishSyllables(word));

    /// <summary>Szigriszt-Pazos: 206.835 − 62.3 × syllables per word − words per sentence.</summary>
    internal static double SpanishPerspicuity(string text)
    {
        var sentences = 0;
        var words = 0;
        var syllables = 0;
        foreach (var line in text.Split('\n'))
        {
            var lineWords = SpanishWord().Matches(line).Select(m => m.Value).ToList();
            if (lineWords.Count == 0)
            {
                continue;
            }
            words += lineWords.Count;
            syllables += lineWords.Sum(SpanishSyllables);
            sentences += SentenceEnd().Split(line).Count(part => SpanishWord().IsMatch(part));
        }
        return words == 0 ? 100 : 206.835 - (62.3 * syllables / words) - ((double)words / Math.Max(1, sentences));
    }

    /// <summary>
    /// Syllables of a Spanish word: vowel groups, where two strong vowels (a, e, o) or a stressed í/ú next to another
    /// vowel are two syllables (hiatus), the u of que/qui/gue/gui is silent, and a final y is a vowel.
    /// </summary>
    internal static int SpanishSyllables(string word)
    {
        var w = word.ToLowerInvariant();
        w = SilentU().Replace(w, "$1");
        if (w.EndsWith('y') && w.Length > 1)
        {
            w = w[..^1] + "i";
        }
        var count = 0;
        var previous = '\0';
        foreach (var c in w)
        {
            if (!IsVowel(c))
            {
                previous = '\0';
                continue;
            }
            if (previous == '\0' || (IsStrong(previous) && IsStrong(c)))
            {
                count++;
            }
            previous = c;
        }
        return Math.Max(1, count);
    }

    private static bool IsVowel(char c) => "aeiouáéíóúü".Contains(c, StringComparison.Ordinal);

    /// <summary>A, e, o and the stressed weak vowels, which break a diphthong.</summary>
    private static bool IsStrong(char c) => "aeoáéóíú".Contains(c, StringComparison.Ordinal);

    [GeneratedRegex("[a-záéíóúüñ]+", RegexOptions.IgnoreCase)]
    private static partial Regex SpanishWord();

    [GeneratedRegex("[.!?]+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("([qg])u(?=[eéií])")]
    private static partial Regex SilentU();
}
