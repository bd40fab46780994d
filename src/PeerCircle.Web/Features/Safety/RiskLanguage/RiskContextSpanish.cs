using System.Text.RegularExpressions;

namespace PeerCircle.Web.Features.Safety.RiskLanguage;

/// <summary>
/// Context for the Spanish rules (<see cref="RiskRules.Spanish"/>), the counterpart of the English checks in
/// <see cref="RiskDetector"/>: idioms blanked ("me muero de ganas de ver a mis nietos", "matar el tiempo"), a negation
/// just before a match ("nunca he pensado en suicidarme"), the past when the writer says things are better now ("hace
/// años quería morirme, pero ahora estoy bien"), the care team's words ("mi oncólogo me dijo que dejara las pastillas
/// antes de la cirugía"), a rebuttal ("dicen que el bicarbonato cura el cáncer, pero es un mito"), talk about a screening
/// question, and jokes ("jajaja"). Reads <see cref="RiskText.Normal"/> (lower case, no accents).
/// </summary>
internal static partial class RiskContextSpanish
{
    private const int NegationWindow = 4;
    private const int MatchTimeoutMs = 1000;
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    public static string BlankIdioms(string normal)
    {
        var idioms = Idioms().Matches(normal);
        if (idioms.Count == 0)
        {
            return normal;
        }
        var chars = normal.ToCharArray();
        foreach (Match idiom in idioms)
        {
            for (var i = idiom.Index; i < idiom.Index + idiom.Length; i++)
            {
                if (chars[i] != ' ')
                {
                    chars[i] = '_';
                }
            }
        }
        return new string(chars);
    }

    /// <summary>Whether a Spanish rule's match counts in its context; the English checks still run after this one.</summary>
    public static bool Counts(RiskRule rule, RiskText risk, string normal, (int Start, int End) clause, (int Start, int End) sentence, int index, int length)
    {
        var before = normal[clause.Start..index];
        var clauseText = normal[clause.Start..clause.End];
        var sentenceText = normal[sentence.Start..sentence.End];

        if (!RiskRules.EsNegationInside.Contains(rule.Name) && IsNegated(before))
        {
            return false;
        }
        if (RiskRules.EsJokeCancels.Contains(rule.Name))
        {
            var jokeText = NotJoking().Replace(SentenceAndNext(risk, normal, sentence), " ");
            if (Joke().IsMatch(jokeText) || RiskRules.Joke.IsMatch(jokeText))
            {
                return false;
            }
        }
        if (rule.Category == RiskRules.SelfHarm && AboutTheQuestion().IsMatch(sentenceText))
        {
            return false;
        }
        if (Past().IsMatch(clauseText) && !Ongoing().IsMatch(clauseText) && Recovery().IsMatch(normal[(index + length)..]))
        {
            return false;
        }
        if (rule.Category == RiskRules.MedicalAdvice
            && ((CareTeam().IsMatch(sentenceText) && !BehindTheirBack().IsMatch(sentenceText)) || Rebuttal().IsMatch(normal)))
        {
            return false;
        }
        return true;
    }

    /// <summary>"no sé, a veces quiero morirme": only the words after the last comma, and "no sé" is not a negation.</summary>
    private static bool IsNegated(string before)
    {
        var comma = before.LastIndexOf(',');
        var part = comma >= 0 ? before[(comma + 1)..] : before;
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var window = string.Join(' ', words.Skip(Math.Max(0, words.Length - NegationWindow)));
        return Negation().IsMatch(window);
    }

    private static string SentenceAndNext(RiskText risk, string normal, (int Start, int End) sentence)
    {
        var end = sentence.End;
        foreach (var part in risk.Sentences)
        {
            if (part.Start >= sentence.End)
            {
                end = part.End;
                break;
            }
        }
        return normal[sentence.Start..end];
    }

    [GeneratedRegex(
        @"\b(me|te|se|nos) (muero|muere|morimos|moria|moriamos|mori|murio|va a morir|voy a morir|vamos a morir|estoy muriendo|estaba muriendo|quiero morir|queria morir|moria) (de|por) (ganas|hambre|risa|la risa|sueno|frio|calor|sed|verguenza|la verguenza|pena|la pena|aburrimiento|curiosidad|nervios|envidia|amor|miedo|cansancio|ver|conocer|saber|abrazar|probar|ir|volver|que|los nervios|la emocion|emocion)\b" + "|" +
        @"\b(morir(me|se)?|muert[oa]s?) de (risa|la risa|hambre|sueno|cansancio|miedo|frio|calor|aburrimiento|verguenza|la verguenza|ganas|sed|nervios|envidia|pena)\b" + "|" +
        @"\bmata(r|ndo|mos|ba)? (el|un) (tiempo|rato|hambre|gusanillo|antojo)\b" + "|" +
        @"\bme (mata|mato|matan|mataste|mataron) (de risa|de la risa|de ternura|de curiosidad|la curiosidad|de hambre|de sueno)\b" + "|" +
        @"\b(me|nos) (va|van|vas) a matar (cuando|si|porque|del susto|de un susto|de risa|con)\b" + "|" +
        @"\b(me mato|matarme|me voy a matar|me estoy matando|me mate) (trabajando|estudiando|a trabajar|en el gimnasio|limpiando|cocinando|de risa|de la risa)\b" + "|" +
        @"\bmataria por (un|una|unos|unas|el|la|dormir|comer)\b" + "|" +
        @"\bni muert[oa]\b" + "|" +
        @"\b(de|para) morirse\b" + "|" +
        @"\bde muerte\b" + "|" +
        @"\bno (aguanto|puedo|veo la hora)( mas)? (las ganas|de la emocion|de la felicidad|de la risa|de la alegria|de ganas)\b" + "|" +
        @"\bmatar (dos pajaros|la tarde|la curiosidad|las ganas)\b" + "|" +
        @"\b(quimio|quimioterapia|radio|radioterapia|tratamiento|medicina|medicamento|pastilla|sol|cansancio|calor|frio|bajon|gripe|virus|enfermedad|cancer|noticia|depresion|tristeza|hormonas?|ola|viento|efecto|efectos|dolor|fatiga)( \w+){0,2} (me|nos|le|les|la|lo) (pega|pegaba|pego|pegan|golpea|golpeo|golpean)\b", Options, MatchTimeoutMs)]
    private static partial Regex Idioms();

    [GeneratedRegex(@"\b(no|nunca|jamas|ni|tampoco|nadie|nada|ningun|ninguna|ya no)\b(?! (se|sabia|entiendo|puedo mas|aguanto|hay|me importa|es que|solo|mas que))", Options, MatchTimeoutMs)]
    private static partial Regex Negation();

    [GeneratedRegex(@"\b(ja(ja)+\w*|je(je)+\w*|ji(ji)+\w*|jaj\w*|xd+|lol|es (una )?broma|bromeando|de broma|en broma|chiste|humor negro)\b|😂|🤣", Options, MatchTimeoutMs)]
    private static partial Regex Joke();

    [GeneratedRegex(@"\bno (es|estoy|era|fue) (una )?(broma|bromeando|chiste)\b|\blo digo en serio\b|\bhablo en serio\b|\bno me (estoy )?riendo\b", Options, MatchTimeoutMs)]
    private static partial Regex NotJoking();

    [GeneratedRegex(@"\b(pregunta|preguntas|pregunto|preguntaron|cuestionario|encuesta|formulario|capacitacion|curso|prevencion|taller|linea|folleto|charla)\b[\w ]{0,30}\b(suicid\w*|autolesion\w*|hacerse dano|quitarse la vida)", Options, MatchTimeoutMs)]
    private static partial Regex AboutTheQuestion();

    [GeneratedRegex(@"\b(hace (\d+|un|una|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|diez|muchos|varios|algunos) (anos?|meses?|semanas?|decadas?)|hace (anos|tiempo|mucho)|el ano pasado|el mes pasado|el (verano|invierno|otono) pasado|la primavera pasada|la ultima vez|antes|cuando era|cuando (me )?(diagnosticaron|dieron el diagnostico)|cuando estaba|hubo un (tiempo|momento)|en ese entonces|en aquel (entonces|tiempo|momento)|al principio|durante (la quimio|el tratamiento|la radio|mi tratamiento)|de (joven|nina|nino|adolescente|chic[oa])|(yo )?(queria|pensaba|pense|intente|llegue a pensar|tuve|estuve|tenia|sentia|senti|quise|pensaba))\b", Options, MatchTimeoutMs)]
    private static partial Regex Past();

    [GeneratedRegex(@"\b(todavia|aun|otra vez|de nuevo|ultimamente|cada (dia|noche)|esta (noche|semana)|ahora mismo|hoy otra vez|sigo|sigue|siguen|volvi a|vuelvo a)\b", Options, MatchTimeoutMs)]
    private static partial Regex Ongoing();

    [GeneratedRegex(@"\b(ahora|hoy|hoy en dia|estos dias|ya estoy (bien|mejor)|estoy (mucho )?(mejor|bien|a salvo|en paz|tranquil[oa]|contenta|contento|agradecid[oa])|me siento (mucho )?mejor|sali adelante|ya paso|lo supere|me ayudo|me ayudaron|gracias a|es mas facil|vale la pena|sigo aqui|libre de cancer|en remision|encontre|lo deje|la deje|ya no)\b", Options, MatchTimeoutMs)]
    private static partial Regex Recovery();

    [GeneratedRegex(@"\b(el|la|mi|su|los|las|tu|nuestro|nuestra|mis|sus) (medic[oa]s?|doctor|doctora|doctores|dr|dra|oncolog[oa]s?|enfermer[oa]s?|cirujan[oa]s?|farmaceutic[oa]|equipo( medico| de cuidados| de oncologia)?|especialista|nutriolog[oa]|nutricionista|hospital|clinica|cuidados paliativos)( \w+){0,2} ((me|nos|le|les|lo|la) )?(dijo|dice|dijeron|dicen|recomendo|recomienda|indico|indica|receto|pidio|ordeno|explico|cambio|suspendio|bajo|quito|autorizo|aprobo|aconsejo|sugirio|mando|decidio|ajusto|subio|puso)\b|\b(consulte|consulto|consultamos|hable|hablo|hablamos|lo hable|lo consulte|le pregunte|le pregunto|lo vimos|lo decidimos|lo acordamos|decidimos|de acuerdo) (con|a|al) (mi|el|la|su|nuestro|nuestra|mis)? ?(medic[oa]|doctor|doctora|dr|dra|oncolog[oa]|enfermer[oa]|cirujan[oa]|farmaceutic[oa]|equipo)\b|\b(segun|por indicacion (de|del)|por orden (de|del)) (mi|el|la|su)? ?(medic[oa]|doctor|doctora|oncolog[oa]|enfermer[oa]|cirujan[oa]|equipo)\b|\bpor indicacion medica\b|\bdr\.? \w+ (me )?dijo\b", Options, MatchTimeoutMs)]
    private static partial Regex CareTeam();

    /// <summary>"sin decirle al doctor": the care team is named because they were left out.</summary>
    [GeneratedRegex(@"\bsin (decirle|decirles|avisarle|avisar|consultar|consultarlo|preguntarle|preguntar|permiso)\b|\b(medicos|doctores) no (te |nos |les )?(dicen|quieren)\b|\baunque (el|la|mi) (medic[oa]|doctor|doctora|oncolog[oa]) (me )?(dijo|dice) (que|q) no\b", Options, MatchTimeoutMs)]
    private static partial Regex BehindTheirBack();

    [GeneratedRegex(@"\b(no es (cierto|verdad)|es (un )?mito|son mitos|es mentira|es falso|puede ser (peligroso|danino|toxico)|no hay (evidencia|pruebas)|no le hagas caso|no les hagas caso|no hagan caso|me rei|lo borre)\b", Options, MatchTimeoutMs)]
    private static partial Regex Rebuttal();
}
