using PeerCircle.Web.Features.Safety.RiskLanguage;

namespace PeerCircle.UnitTests.Features.Safety;

/// <summary>The risk-language detector on messages written in Spanish, one behaviour at a time.</summary>
public class RiskDetectorSpanishTests
{
    private readonly RiskDetector _detector = new();

    [Fact]
    public void AnAccentTypedAsItsOwnMark_ReadsLikeTheAccentedLetter()
    {
        // "más" as "mas" + U+0301 (text pasted from some phones and editors) and as one letter.
        var decomposed = _detector.Detect("Ya no puedo ma\u0301s.");
        var composed = _detector.Detect("Ya no puedo m\u00e1s.");

        Assert.Contains("severe_distress", composed.Categories);
        Assert.Equal(composed.Categories, decomposed.Categories);
        Assert.Contains("ma\u0301s", decomposed.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Quiero morirme.", "self_harm")]
    [InlineData("Ya no quiero vivir.", "self_harm")]
    [InlineData("Me voy a quitar la vida.", "self_harm")]
    [InlineData("ojala no despertar mañana", "self_harm")]
    [InlineData("Sería mejor para todos si yo no estuviera.", "self_harm")]
    [InlineData("No les voy a ser una carga mucho tiempo más.", "self_harm")]
    [InlineData("He estado juntando pastillas.", "self_harm")]
    [InlineData("Lo voy a matar.", "harm_to_others")]
    [InlineData("Le voy a hacer daño a ese doctor.", "harm_to_others")]
    [InlineData("Tengo una pistola y sé dónde vive.", "harm_to_others")]
    [InlineData("Mi esposo me pega.", "abuse_neglect")]
    [InlineData("Mi hijo me amenaza.", "abuse_neglect")]
    [InlineData("Mi nuera me quita las medicinas.", "abuse_neglect")]
    [InlineData("Mi pareja no me deja salir.", "abuse_neglect")]
    [InlineData("A mi papá lo dejan solo sin comer.", "abuse_neglect")]
    [InlineData("Ya no puedo más.", "severe_distress")]
    [InlineData("No aguanto más.", "severe_distress")]
    [InlineData("No veo salida.", "severe_distress")]
    [InlineData("Me siento sin esperanza.", "severe_distress")]
    [InlineData("Dejé la quimio.", "medical_advice")]
    [InlineData("Me voy a curar con jugos.", "medical_advice")]
    [InlineData("Tomé las pastillas de mi hermana.", "medical_advice")]
    [InlineData("Dejé de tomar el tamoxifeno sin decirle al doctor.", "medical_advice")]
    public void RiskInSpanish_IsFlagged(string text, string category) =>
        Assert.Contains(category, _detector.Detect(text).Categories);

    [Theory]
    [InlineData("quiero morirme", "QUIERO MORIRME")]
    [InlineData("kiero morirme x q nadie me entiende", "no kiero vivir mas")]
    [InlineData("Pienso en suicidarme", "pienso en suicidarme")]
    [InlineData("ya no aguanto mas", "ya no aguanto más")]
    [InlineData("deje la quimio", "dejé la quimio")]
    public void AccentsCaseAndTextingStyle_ReadTheSame(string plain, string written)
    {
        Assert.True(_detector.Detect(plain).Any, plain);
        Assert.Equal(_detector.Detect(plain).Categories, _detector.Detect(written).Categories);
    }

    [Theory]
    [InlineData("No quiero morirme, quiero ver crecer a mis hijos.")]
    [InlineData("Nunca he pensado en suicidarme.")]
    [InlineData("Jamás le haría daño a mi esposo.")]
    [InlineData("Mi esposo nunca me ha pegado.")]
    [InlineData("No estoy desesperanzada, solo frustrada.")]
    public void SpanishNegation_CancelsTheMatch(string text) => Assert.False(_detector.Detect(text).Any, _detector.Detect(text).Explanation);

    [Theory]
    [InlineData("Me muero de ganas de ver a mis nietos.")]
    [InlineData("Me muero de hambre.")]
    [InlineData("Me muero por ver a mis nietos.")]
    [InlineData("Estábamos matando el tiempo en la sala de espera.")]
    [InlineData("Mi nieto me mata de risa.")]
    [InlineData("Mi mamá me va a matar cuando vea el desorden.")]
    [InlineData("La quimio me pega fuerte los primeros días.")]
    [InlineData("Me pegó la gripe.")]
    public void SpanishIdioms_AreNotRisk(string text) => Assert.False(_detector.Detect(text).Any, _detector.Detect(text).Explanation);

    [Theory]
    [InlineData("Mi oncólogo me dijo que dejara las pastillas antes de la cirugía.")]
    [InlineData("La doctora me dijo que dejara de tomar el tamoxifeno antes de la operación.")]
    [InlineData("Hablé con mi oncóloga y decidimos dejar la radioterapia por ahora.")]
    [InlineData("Dicen que la guanábana cura el cáncer, pero es un mito.")]
    public void CareTeamOrRebuttal_IsNotUnsoundAdvice(string text) => Assert.False(_detector.Detect(text).Any, _detector.Detect(text).Explanation);

    [Fact]
    public void LeavingTheDoctorOut_IsStillUnsoundAdvice() =>
        Assert.Equal(["medical_advice"], _detector.Detect("Dejé de tomar el tamoxifeno sin decirle al doctor.").Categories);

    [Theory]
    [InlineData("Hace años quería morirme, pero ahora estoy bien.")]
    [InlineData("Cuando me diagnosticaron pensé en quitarme la vida, pero la terapia me ayudó mucho.")]
    public void ResolvedPast_IsNotRisk(string text) => Assert.False(_detector.Detect(text).Any, _detector.Detect(text).Explanation);

    [Fact]
    public void PastThatIsStillGoingOn_StillCounts() =>
        Assert.Contains("self_harm", _detector.Detect("Hace años quería morirme y todavía lo pienso.").Categories);

    [Theory]
    [InlineData("No aguanto más este calor jajaja")]
    [InlineData("Lo mato si se vuelve a comer mi postre jajaja")]
    public void SpanishJoke_CancelsDistressAndThreats(string text) => Assert.False(_detector.Detect(text).Any, _detector.Detect(text).Explanation);

    [Fact]
    public void NotJoking_KeepsTheThreat() =>
        Assert.Contains("harm_to_others", _detector.Detect("Quiero matarlo, no es broma.").Categories);

    [Fact]
    public void SpanishExplanation_QuotesTheMembersOwnWordsWithAccents()
    {
        var result = _detector.Detect("Ya no puedo más. Me voy a quitar la vida, perdón.");

        Assert.Equal(["self_harm", "severe_distress"], result.Categories);
        Assert.Equal("self_harm: 'Me voy a quitar la vida'; severe_distress: 'Ya no puedo más'", result.Explanation);
        Assert.Contains(result.Matches, m => m.Rule == "es_kill_self" && m.Excerpt == "Me voy a quitar la vida");
    }

    [Fact]
    public void SpanishExplanation_ForAbuse_NamesWhatHappened()
    {
        var result = _detector.Detect("Mi esposo me pegó otra vez anoche y no me deja salir de la casa.");

        Assert.Equal(["abuse_neglect"], result.Categories);
        Assert.Equal("abuse_neglect: 'me pegó otra vez'", result.Explanation);
    }

    [Fact]
    public void EnglishStillWorks_WithAccentsFoldedElsewhere()
    {
        var result = _detector.Detect("After the café I told my husband: I want to END IT ALL.");

        Assert.Equal(["self_harm"], result.Categories);
        Assert.Equal("self_harm: 'END IT ALL'", result.Explanation);
    }
}
