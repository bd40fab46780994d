using System.Text.RegularExpressions;

namespace PeerCircle.Web.Features.Safety.RiskLanguage;

/// <summary>
/// The curated patterns for messages written in Spanish. They read <see cref="RiskText.Normal"/> like the English ones:
/// lower case, accents folded ("está" → "esta", "ñ" → "n"), apostrophes dropped; they also accept texting style
/// ("q"/"k" for "que", "x" for "por", no accents). Every Spanish rule is marked <see cref="RuleContext.OwnNegation"/>
/// so the English negation words are not applied to it; its context (Spanish negation, past, care team, jokes) is
/// judged by <see cref="RiskContextSpanish"/>. Rule names start with "es_". Written against content/safety/risk-es.jsonl.
/// </summary>
internal static partial class RiskRules
{
    private const RuleContext Es = RuleContext.OwnNegation;

    // People a threat or an act of violence can be aimed at.
    private const string EsKin = @"(ex|exesposo|exesposa|esposo|esposa|marido|mujer|pareja|novio|novia|hermano|hermana|hijo|hija|hijos|hijas|papa|mama|padre|madre|padrastro|madrastra|suegro|suegra|cunado|cunada|yerno|nuera|nieto|nieta|nietos|bebe|jefe|jefa|vecino|vecina|doctor|doctora|medico|medica|oncologo|oncologa|enfermero|enfermera|cirujano|cirujana|tio|tia|primo|prima|tipo|tipa|senor|senora|vieja|viejo|cuidador|cuidadora)";
    private const string EsTarget = @"(a (mi|mis|su|sus|ese|esa|este|esta|el|la|los|las|tu|un|una)( \w+)? " + EsKin + @"|al " + EsKin + @"|a alguien|a todos|a todo el mundo|a ese|a esa|a ellos|a ellas|a el|a ella)";
    private const string EsIntent = @"(voy a|vamos a|quiero|quisiera|pienso|tengo ganas de|me dan ganas de|ganas de|juro que voy a|te juro que voy a|podria|estoy pensando en|estoy a punto de|un dia de estos voy a|miedo de|miedo a)";
    private const string EsDrug = @"(quimio|quimioterapia|radio|radioterapia|tratamiento|tratamientos|medicinas?|medicamentos?|medicacion|pastillas|pildoras|tamoxifeno|letrozol|anastrozol|exemestano|inmunoterapia|hormonoterapia|terapia hormonal|antibioticos|antidepresivos|insulina|esteroides|anticoagulantes|morfina|parches|capecitabina|quimios|infusiones|dosis|cirugia|operacion|mastectomia|biopsia|mamografia)";
    private const string EsRemedy = @"(jugos?|licuados?|hierbas?|bicarbonato|tes?|infusiones de \w+|curcuma|vitamina c|aceites?( esenciales)?|aceite de cannabis|cannabis|marihuana|cbd|dieta( alcalina| cetogenica)?|ayunos?|limon|agua alcalina|oracion|sabila|aloe|guanabana|graviola|veneno de (escorpion|alacran)|moringa|cloro|dioxido de cloro|mms|homeopatia|ozono|enemas de cafe|remedios naturales|plantas|productos naturales|semillas de (chabacano|albaricoque))";

    /// <summary>The Spanish rules, run after the English ones.</summary>
    public static readonly IReadOnlyList<RiskRule> Spanish =
    [
        // ---- self_harm ----
        new(SelfHarm, "es_suicide", EsSuicide(), Es),
        new(SelfHarm, "es_kill_self", EsKillSelf(), Es),
        new(SelfHarm, "es_want_to_die", EsWantToDie(), Es),
        new(SelfHarm, "es_not_want_to_live", EsNotWantToLive(), Es),
        new(SelfHarm, "es_better_without_me", EsBetterWithoutMe(), Es),
        new(SelfHarm, "es_method", EsMethod(), Es),
        new(SelfHarm, "es_goodbye", EsGoodbye(), Es),

        // ---- harm_to_others ----
        new(HarmToOthers, "es_intent_to_harm", EsIntentToHarm(), Es),
        new(HarmToOthers, "es_weapon_or_revenge", EsWeaponOrRevenge(), Es),
        new(HarmToOthers, "es_writer_hurt_someone", EsWriterHurtSomeone(), Es),

        // ---- abuse_neglect ----
        new(AbuseNeglect, "es_violence_by_someone", EsViolenceBySomeone(), Es),
        new(AbuseNeglect, "es_threat_or_control", EsThreatOrControl(), Es),
        new(AbuseNeglect, "es_exploitation", EsExploitation(), Es),
        new(AbuseNeglect, "es_neglect", EsNeglect(), Es),

        // ---- severe_distress ----
        new(SevereDistress, "es_cant_go_on", EsCantGoOn(), Es),
        new(SevereDistress, "es_hopeless", EsHopeless(), Es),
        new(SevereDistress, "es_no_hope", EsNoHope(), Es),
        new(SevereDistress, "es_despair", EsDespair(), Es),

        // ---- medical_advice ----
        new(MedicalAdvice, "es_stop_treatment", EsStopTreatment(), Es),
        new(MedicalAdvice, "es_miracle_cure", EsMiracleCure(), Es),
        new(MedicalAdvice, "es_someone_elses_pills", EsSomeoneElsesPills(), Es),
        new(MedicalAdvice, "es_dosing", EsDosing(), Es),
        new(MedicalAdvice, "es_skip_care", EsSkipCare(), Es),
    ];

    /// <summary>Spanish rules whose pattern carries its own "no" ("ya no quiero vivir"): a negation before it does not cancel it.</summary>
    internal static readonly IReadOnlySet<string> EsNegationInside = new HashSet<string>(StringComparer.Ordinal)
    {
        "es_not_want_to_live", "es_better_without_me", "es_cant_go_on", "es_no_hope", "es_skip_care", "es_threat_or_control", "es_neglect", "es_method",
    };

    /// <summary>Spanish rules a joke in the sentence cancels ("lo mato jajaja", "no aguanto más este calor jaja").</summary>
    internal static readonly IReadOnlySet<string> EsJokeCancels = new HashSet<string>(StringComparer.Ordinal)
    {
        "es_intent_to_harm", "es_cant_go_on", "es_despair",
    };

    /// <summary>The English rules followed by the Spanish ones: what the detector runs.</summary>
    public static IReadOnlyList<RiskRule> AllWithSpanish => AllRules.Combined;

    public static bool IsSpanish(RiskRule rule) => rule.Name.StartsWith("es_", StringComparison.Ordinal);

    /// <summary>Built on first use, after both halves of <see cref="RiskRules"/> are initialised.</summary>
    private static class AllRules
    {
        public static readonly IReadOnlyList<RiskRule> Combined = [.. All, .. Spanish];
    }

    [GeneratedRegex(@"\bsuicid(arme|arte|arse|arnos|ar|are|aria)\b|\bme (voy a |quiero |pienso |podria )?suicidar\b|\b(ideas?|pensamientos?|intentos?|intencion|tendencias?|planes|plan) (\w+ )?(de )?suicid\w*|\b(pienso|pensando|pense|pensaba|pensado|piensa|considerando|considero|planeando|planeo|planeado|contemplando) (\w+ ){0,2}(en )?(el )?suicidio\b|\b(soy|estoy|me siento|sentirme|siento) (\w+ )?suicida\b|\bsuicidas?\b(?! (de|del) (mi|su|tu))", Options, MatchTimeoutMs)]
    private static partial Regex EsSuicide();

    [GeneratedRegex(@"\bmatarme\b|\bme (voy a |quiero |puedo |podria |pienso |tengo ganas de )?(matar|mato)\b|\bquitarme la vida\b|\bme (voy a |quiero |pienso )?quitar la vida\b|\bme quito la vida\b|\bacabar con (mi vida|mi sufrimiento|esta vida)\b|\b(quiero|voy a|pienso|quisiera|ganas de|deseo|decidi) (acabar|terminar) con (todo( esto)?|esto|mi vida)\b(?! (el|la|lo|los|las|del|pendiente|de (la|el|los|las|mi|tu|su|papeleo)))|\b(ahorcarme|colgarme|aventarme|envenenarme|cortarme las venas)\b|\b(pegarme|darme|meterme) un (tiro|balazo)\b|\btirarme (del|de un|de una|de la|desde|por la|al|a las|bajo)\b|\bme (voy a |quiero |pienso )?(tirar|aventar|lanzar) (del|de un|de una|de la|desde|al|a las|a la|bajo) (\w+ )?(puente|edificio|balcon|azotea|techo|piso|ventana|tren|metro|rio|mar|vias|camion|barranco|precipicio)\b", Options, MatchTimeoutMs)]
    private static partial Regex EsKillSelf();

    [GeneratedRegex(@"\b(quiero|kiero|quisiera|queria|quiere|queria|deseo|deseaba|preferiria|prefiero|tengo ganas de|tenia ganas de|me dan ganas de) (\w+ )?(morirme|morirse|morir|matarse|estar muert[oa]|no existir|dejar de existir)\b(?! (en|tranquil\w*|con|rodead\w*|cuando|de (viej\w*|risa|verguenza|hambre|ganas|la risa|la verguenza)|dormid\w*|sin dolor|antes que))|\bme (quiero|kiero|queria|quisiera) morir\b(?! (en|de (viej\w*|risa|verguenza|hambre|la risa|la verguenza)|tranquil\w*|con|sin dolor))|\b(quiero|kiero|quisiera) desaparecer\b(?= *($|[.,;!?\n]|para siempre|de (este mundo|una vez|todo)|y (ya|no)))|\bganas de (morirme|morir|matarme|desaparecer para siempre|no existir)\b|\bojala (\w+ )?(me muera|me muriera|me muero|estuviera muert[oa]|no despertar|no despierte|no despertara|no despertarme|no amanecer|no amanezca|ya no estar|dios me lleve|dios me llevara|me diera algo)\b|\b(que|q) dios me (lleve|recoja|lleva)\b|\bdios,? (llevame|recogeme)\b|\bcansad[oa] de (vivir|estar viv[oa]|la vida|seguir viv[oa])\b|\bno me importa(ria)? (si me muero|morirme|morir|si no despierto)\b|\bmejor (me muero|muert[oa])\b|\b(dormirme|dormir|acostarme) y (ya )?no (despertar|despertarme|volver a despertar)\b|\b(me quiero|quiero|quisiera|me quisiera) ir(me)? con (mi|el) (esposo|esposa|marido|hij[oa]|mama|papa|madre|padre|vieja|viejo)(?= *($|[.,;!?\n]|al cielo|a donde (esta|este)|donde (esta|este)|que ya (se fue|murio)|ya\b))", Options, MatchTimeoutMs)]
    private static partial Regex EsWantToDie();

    [GeneratedRegex(@"\b(ya )?no (quiero|kiero|deseo|tengo ganas de) (seguir )?(vivir|viviendo|existir|despertar|despertarme|amanecer|seguir viv[oa]|seguir en este mundo|estar en este mundo|seguir aqui|seguir aca)\b|\b(ya )?no (quiero|kiero) estar (aqui|aca|viv[oa])\b(?! (en|con|sol\w*|cuando|mas tiempo en))|\bno tengo (razon|razones|motivos?|ganas) (para|de|pa) (vivir|seguir viv[oa])\b|\bno (le )?(encuentro|veo) (razon|razones|motivos?) (a|para|de) (vivir|seguir viv[oa])\b|\bno (se|entiendo) (para )?(que|q|x que|por que|porque) (sigo|seguir) viv[oa]\b", Options, MatchTimeoutMs)]
    private static partial Regex EsNotWantToLive();

    [GeneratedRegex(@"\b(seria|serian|estarian|estaria|estarian|vivirian|seran|serian|estaran) (\w+ ){0,2}mejor (para (todos|ellos|mi familia|mis hijos) )?(sin mi|si (yo )?no (estuviera|existiera|estuviese)|si (yo )?me (muero|muriera|voy|fuera)|muert[oa])\b|\bnadie me (extranaria|extranara|va a extranar|echaria de menos)\b|\bno les (voy|vaya) a (ser|dar) (una )?(carga|molestia)( \w+){0,2} (mucho|por mucho|mas) tiempo\b|\ba nadie le importaria si (yo )?(me muero|me muriera|desaparezco|desapareciera|no estuviera)\b|\bsi (yo )?no (estuviera|existiera),? (todos|ellos|mi familia|mis hijos) (estarian|estarán|serian|vivirian) mejor\b", Options, MatchTimeoutMs)]
    private static partial Regex EsBetterWithoutMe();

    [GeneratedRegex(@"\b(juntando|junte|junto|guardando|guardo|guarde|acumulando|acumule|ahorrando|escondiendo|escondi) (\w+ ){0,3}(pastillas|pildoras|morfina|calmantes|tabletas|somniferos|pastis|medicinas para)\b|\btomarme (todas )?(las|mis|toda la caja de|todo el frasco de|el frasco de) (pastillas|pildoras|calmantes|morfina|somniferos)( (de una vez|juntas|todas))?\b|\b(toda|todo) (la caja|el frasco|el bote|la tira|el blister) de (pastillas|pildoras|calmantes|somniferos|morfina)\b|\b(tomarme|tomar|hacerme|me voy a tomar|pense en|pensando en) (una )?sobredosis\b|\b(cuantas|cuantos) (\w+ ){0,3}(hacen falta|necesitaria|se necesitan|serian mortales|son mortales|para no despertar|para morir)\b|\b(una|la) (soga|cuerda) para (mi|colgarme|ahorcarme)\b|\bestrellar (el|mi) (carro|coche|auto|camioneta) (a proposito|contra)\b|\bme (corte|corto|estoy cortando|volvi a cortar|he cortado) (otra vez|de nuevo|los brazos|las munecas|las piernas|el brazo|la muneca)\b|\bcortandome\b|\b(me lastimo|me lastime|me hago dano|me hice dano|hacerme dano|lastimarme) (a proposito|a mi mism[oa]|adrede)\b|\b(hacerme|me hago|me hice|me he hecho) dano\b(?! (en|con|al|la|el))|\bautolesion\w*\b|\bme (hago|hice|he hecho) cortes\b|\bquemandome (con|los|las)\b|\b(pensado|pensando|pienso|pense) (en )?como (hacerlo|matarme|quitarme la vida)( sin dolor)?(?= *($|[.,;!?\n]))", Options, MatchTimeoutMs)]
    private static partial Regex EsMethod();

    [GeneratedRegex(@"\b(regalando|regale|repartiendo|reparti|regalar|repartir|dejando a alguien) (\w+ ){0,2}(mis cosas|mis pertenencias|todo lo mio|mis joyas|mi ropa|mis libros)\b(?! (de (bebe|nina|nino|verano|invierno)|que ya no (uso|me quedan)))|\b(despedirme|me despido|me estoy despidiendo|me quiero despedir|quiero despedirme) de (todos|ustedes|todo el mundo|mi familia|mis hijos|la vida)\b(?![^.!?\n]{0,50}\b(nos vemos|hasta|semana|lunes|martes|miercoles|jueves|viernes|sabado|domingo|proxim\w*|pronto|vacaciones|manana|luego|rato|grupo|reunion|sesion)\b)|\bcarta de despedida\b|\b(tengo|ya tengo) (un plan|una fecha|todo (planeado|pensado)) para (hacerlo|terminar|acabar|irme)\b|\bya no voy a (estar|ser) (un problema|una carga)\b|\bcuiden (a|de) (mis|mi) \w+ (por mi|cuando (yo )?ya no este)\b", Options, MatchTimeoutMs)]
    private static partial Regex EsGoodbye();

    [GeneratedRegex(@"\b(lo|la|los|las|le|les) (voy|vamos) a (matar|apunalar|acuchillar|balear|disparar|ahorcar|ahogar|estrangular|envenenar|golpear|partir la (cara|madre)|romper la (cara|madre|cabeza)|reventar|madrear|hacer (dano|algo)|lastimar|dar un tiro|dar una paliza|pegar un tiro|pegar|quemar|atropellar)\b|\b(voy a|quiero|pienso|vamos a) (quemarle|quemarles|incendiarle|incendiarles) la casa\b|\b(lo|la|los|las) (mato|mataria|ahorco|estrangulo)\b(?! de (risa|la risa))|\b" + EsIntent + @" (matar|apunalar|acuchillar|balear|estrangular|envenenar|golpear|lastimar|ahorcar|ahogar|atropellar|pegar|hacer dano|hacer danos?)(lo|la|los|las|le|les)?\b|\b(mataria|voy a matar|va a matar|van a matar|quiero matar|quisiera matar|ganas de matar|matare|hacerle dano|hacerles dano|lastimar|le hare dano|pegarle|darle una paliza|romperle la cara|partirle la cara|pegarle un tiro) " + EsTarget + @"\b", Options, MatchTimeoutMs)]
    private static partial Regex EsIntentToHarm();

    [GeneratedRegex(@"\b(pistola|arma|escopeta|rifle|revolver|cuchillo|navaja|machete)\b[^.!?\n]{0,60}\b(se (va|van) a arrepentir|me las (va|van) a pagar|me la (va|van) a pagar|(va|van) a pagar|usarla contra|usarlo contra|usarla con|usarlo con|se donde (vive|trabaja)|y (voy|vamos) a (ir|buscar)|no (tengo|me da) miedo (de|a) usarla)\b|\btengo (una|un|mi) (pistola|arma|escopeta|rifle|revolver) y\b|\b(voy a|vamos a|pienso) (ir|llegar|entrar|presentarme) (con|armad[oa] con) (la|una|mi) (pistola|arma|escopeta|rifle|revolver)\b|\b(se las voy a cobrar|me las (va|van) a pagar|se (va|van) a arrepentir|hacerlo sufrir|hacerla sufrir|hacerlos sufrir|que sufra como yo|que pague con sangre)\b|\bse donde (vive|trabaja|estaciona) (ese|esa|el|la|mi)\b|\b(le|les) (doy|voy a dar|pego|voy a pegar|voy a romper la cabeza) con (el|la|un|una) (martillo|bate|palo|cuchillo|pistola|machete|tubo|fierro|navaja)\b", Options, MatchTimeoutMs)]
    private static partial Regex EsWeaponOrRevenge();

    [GeneratedRegex(@"\b(yo )?(le|les) (pegue|he pegado|estoy pegando|di una cachetada|di una bofetada|di un golpe|di un punetazo|di una patada|jale el pelo) (a|al)\b|\b(empuje|he empujado|sacudi|zarandee|zangolotee|golpee|cachetee) (a|al) (mi|la|el|mis)? ?(bebe|nin[oa]|hij[oa]|mama|papa|abuel[oa]|esposo|esposa|marido|suegr[oa])\b", Options, MatchTimeoutMs)]
    private static partial Regex EsWriterHurtSomeone();

    [GeneratedRegex(@"\b(me|nos|la|lo|le|les) (pega|pegaba|pegan|golpea|golpeaba|golpean|golpeo|golpearon|empuja|empujaba|empujo|patea|pateaba|pateo|cachetea|abofetea|abofeteo|ahorca|ahorco|jalonea|jaloneo|maltrata|maltrataba|maltrato|violo|viola|manosea|manoseaba|zarandea|sacude)\b(?! (la|el|un|una) (gripe|covid|resfriado|virus|catarro|susto|grito))|\b(me|la|lo|le) pego(?! (la|el|un|una) (gripe|covid|resfriado|virus|catarro|susto|grito|mania|costumbre))( (otra vez|de nuevo|en|con|ayer|anoche|porque|cuando|y))\b|\b(maltrata|maltrataba|maltratan|golpea|golpeaba|golpean|pega|pegaba|pegan|abusa|lastima|lastiman|empuja|patea) (a|al) (mi |mis |su |sus |la |el |los |las )?(\w+ )?(papa|mama|hij[oa]s?|abuel[oa]s?|esposa|esposo|ti[oa]|bebe|nin[oa]s?|herman[oa]|suegr[oa]|niet[oa]s?|padre|madre|paciente|pacientes|residentes)\b|\b(sufro|sufre|sufria|sufrimos|vivo con|vive con|hay) (de )?(maltrato|violencia|golpes|abuso)\b|\bviolencia (domestica|intrafamiliar|familiar)\b|\b(abusa|abuso|abusaba) (sexualmente )?de (mi|ella|el|nosotros|mi hija|mi hijo)\b|\b(golpead[oa]|maltratad[oa]|violad[oa]|abusad[oa]|amenazad[oa]) por (mi|su|el|la)\b|\bmoretones (que|q) (no )?(puede|sabe|quiere) explicar\b|\bmarcas de dedos\b", Options, MatchTimeoutMs)]
    private static partial Regex EsViolenceBySomeone();

    [GeneratedRegex(@"\b(me|nos|la|lo) (amenaza|amenazo|amenazaba|amenazan|amenazaron|ha amenazado)\b|\bamenaza con (matarme|pegarme|echarme|correrme|quitarme|dejarme|llevarse|matar|lastimar\w*|golpear\w*)\b|\b(dice|dijo|grita|grito) (que|q) (me|nos) va a (matar|pegar|echar|lastimar|correr|quemar)\b|\b(me|nos) va a matar\b|\b(me|la|lo|nos) (tiene|tienen) amenazad[oa]s?\b|\bno (me |la |lo |le |les )?(deja|dejan) (que|q) (\w+ ){0,3}(vea|veamos|salga|salgamos|hable|llame|vaya|coma|tome|visite)\b|\bno me (deja|dejan) (salir|ver|hablar|ir|tener|usar|trabajar|llamar|visitar|comer)\b|\bno (la|lo) (deja|dejan) (salir|ver a|hablar con|ir|llamar|comer)\b|\b(me|le|les) (quita|quito|quitaba|esconde|escondio|quitan|esconden|quitaron|escondieron|tira|tiro|tiran) (el|la|los|las|mi|mis|su|sus) (dinero|medicinas|medicamentos|pastillas|celular|telefono|llaves|pension|cheque|tarjetas?|documentos|papeles|oxigeno|andadera|silla de ruedas|medicina|comida|bastón|baston)\b|\bcontrola (todo )?(el|mi|mis|nuestro|su) dinero\b|\b(me|la|lo|los|las) (encierra|encierran|encerro|encerraron|deja encerrad[oa])\b|\bmiedo de (volver|regresar|ir) a (casa|la casa)\b|\b(tengo|le tengo) (mucho )?miedo (de|a) (mi|su) (pareja|esposo|esposa|marido|novio|novia|hijo|hija|yerno|nuera|padrastro|ex|cuidador|cuidadora)\b|\bme (obliga|obligo|obligan) a\b|\bme (revisa|checa|vigila) el (celular|telefono)\b|\bme (insulta|insultaba|humilla|humillaba|humillan|insultan)\b|\bme (dice|grita|llama) (que soy )?(inutil|estupid[oa]|una carga|que no sirvo|que no valgo|basura|gorda|fea|idiota)\b", Options, MatchTimeoutMs)]
    private static partial Regex EsThreatOrControl();

    [GeneratedRegex(@"\b(me|le|les|nos) (roba|robo|roban|robaron|robaba|saca|saco|sacan|sacaron|gasta|gasto) (\w+ ){0,2}(dinero|pension|cheque|ahorros|joyas|tarjeta|tarjetas|medicinas|pastillas|morfina|calmantes)\b|\b(se queda|se quedo|se quedan) con (la|el|los|las|su|sus|mi|mis) (pension|cheque|dinero|ahorros|medicinas|pastillas)\b|\b(firmar|firme|firmo) (\w+ ){0,3}(a la fuerza|obligad[oa]|sin (querer|entender))\b", Options, MatchTimeoutMs)]
    private static partial Regex EsExploitation();

    [GeneratedRegex(@"\b(lo|la|los|las|me|nos) (dejan|deja|dejo|dejaron|dejaba|dejaban|tienen|tiene) (sol[oa]s? )?(todo el dia|sin comer|sin comida|sin agua|sin (sus |mis )?medicinas|sin banar|sin cambiar|por dias|varios dias|encerrad[oa]s?|tirad[oa]s?)\b|\bsin comer (desde|por) (hace )?(dias|ayer|dos dias|tres dias)\b|\bnadie (lo|la|me|los) (cuida|atiende|bana|cambia|alimenta|da de comer|revisa|visita)\b|\bno (lo|la|me) (han|ha) (banado|cambiado|alimentado|dado de comer|limpiado)\b|\b(llagas|ulceras|escaras) (por|de) (estar|no)\b|\bescaras\b|\b(sucio|sucia|mojad[oa]) (en|con) (sus|su) (orines|orina|panal|heces|popo)\b|\bpanal (sucio|mojado)\b|\bno (le|me|les) (dan|da|daban) (de comer|sus medicinas|la comida|mis medicinas|agua)\b|\bno (la|lo|me) (llevan|lleva|quieren llevar|quiere llevar) a (la quimio|sus citas|mis citas|sus quimios|al doctor|al medico|sus tratamientos)\b", Options, MatchTimeoutMs)]
    private static partial Regex EsNeglect();

    [GeneratedRegex(@"\b(ya )?no (puedo|aguanto|soporto|resisto|doy) (mas|ni un dia mas|un dia mas|nada)\b(?! (de (la )?(emocion|felicidad|alegria|risa|ganas)|con (el|este|esta|la) (calor|frio|trafico|trabajo|tarea)))|\b(ya )?no (puedo|aguanto|soporto) (con )?(esto|todo esto|esta vida|este dolor|esta situacion)( mas)?\b|\bno se (como|cuanto) (mas )?(seguir|aguantar|voy a aguantar|voy a seguir)\b|\bno (tengo|me quedan) fuerzas (para nada|para seguir|de nada)\b|\bestoy al limite\b|\b(ya )?no puedo seguir( asi| adelante)?(?= *($|[.,;!?\n]|y|ya|con esta vida))", Options, MatchTimeoutMs)]
    private static partial Regex EsCantGoOn();

    [GeneratedRegex(@"\bsin (ninguna )?esperanzas?\b|\bdesesperanzad[oa]\b|\bperdi (toda )?(la|mi) esperanza\b|\b(ya )?nada tiene sentido\b|\bla vida (ya )?no tiene (ningun )?sentido\b|\b(nada|esto nunca) va a mejorar\b", Options, MatchTimeoutMs)]
    private static partial Regex EsHopeless();

    [GeneratedRegex(@"\bno (tengo|hay|me queda|queda) (ninguna |nada de )?esperanzas?\b|\bperdi (toda )?(la|mi) esperanza\b|\bno (le )?(veo|hay|encuentro) (ninguna )?salida\b|\b(ya )?nada tiene sentido\b|\bno tiene (ningun )?caso (seguir|vivir|luchar|nada)\b|\b(no|ya no) vale la pena (vivir|seguir|luchar|seguir luchando)\b|\btodo me da igual\b|\bno tiene sentido (nada|seguir|vivir|luchar|la vida|levantarme|seguir luchando)\b|\bla vida (ya )?no tiene (ningun )?sentido\b|\bno (le )?(veo|encuentro) (el |ningun )?sentido a (nada|la vida|vivir|seguir|esto)\b|\bno (le )?veo (ningun )?futuro\b|\bno tengo futuro\b|\bpara (que|q) (seguir|luchar|seguir luchando|levantarme)\b|\b(nada|esto nunca) va a mejorar\b|\bno (hay|tengo) nada por (lo )?(que|q) vivir\b|\bno tengo (nada|nadie) (por|para) (quien|que|q) vivir\b", Options, MatchTimeoutMs)]
    private static partial Regex EsNoHope();

    [GeneratedRegex(@"\bme (rindo|rendi|doy por vencid[oa]|di por vencid[oa])\b|\b(estoy|me siento) (completamente |totalmente |muy |tan |super )?(vaci[oa]|inutil|atrapad[oa]|hundid[oa]|destrozad[oa]|derrotad[oa]|desesperad[oa])\b(?! (por|de ganas|para))|\btoque fondo\b|\btocando fondo\b|\bno (puedo|logro) (dejar de llorar|levantarme de la cama|salir de la cama)\b|\b(llorando|lloro) todo el (dia|tiempo)\b|\bme estoy (hundiendo|ahogando|derrumbando|volviendo loc[oa]|apagando)\b|\b(me siento|siento que soy|creo que soy) (como )?una carga\b|(^|\b(yo|ya|solo) )soy (\w+ )?una carga\b|\bno valgo nada\b|\btodo se (esta )?(derrumbando|viniendo abajo)\b|\bno tengo ganas de nada\b|\bno me importa (lo que me pase|nada)\b|\bestoy en un pozo\b|\bmuriendo por dentro\b|\btodo esta perdido\b|\b(tan|muy|super) deprimid[oa]\b|\bnunca me habia sentido tan (mal|sol[oa]|triste)\b", Options, MatchTimeoutMs)]
    private static partial Regex EsDespair();

    [GeneratedRegex(@"\b(deje|dejo|dejar|dejamos|dejaste|voy a dejar|quiero dejar|pienso dejar|abandone|abandonar|abandono|suspendi|suspender|interrumpi|tire|tirar|ya no (tomo|me tomo|me pongo|voy a tomar)|no me voy a (tomar|poner|hacer)|no pienso (tomar|seguir con|hacerme)|no voy a (tomar|seguir con|hacerme)|no (voy a|pienso) volver a|no vuelvo a|no (voy|pienso) (a )?ir a) (de (tomar|ir a|hacerme|ponerme|usar) )?(el |la |los |las |mi |mis |su |sus |tu |tus |toda la |todas las |todos los )?(\w+ )?" + EsDrug + @"\b", Options, MatchTimeoutMs)]
    private static partial Regex EsStopTreatment();

    [GeneratedRegex(@"\b(curar\w*|cura|curan|curo|cure|sana|sanan|sanar\w*|sane|elimina|eliminan|eliminar|mata|matan|desaparece|desaparecen|desaparecer|encoge|encogen|quita|quitan|quitar|derrite|disuelve|disolver) (\w+ ){0,3}(cancer|tumor|tumores|metastasis|bolita)\b|\b(curar\w*|sanar\w*|me cure|se curo|se curan|se cura|quitar\w* el cancer) (\w+ ){0,3}(con|a base de) (puros |solo |solamente |pur[oa] )?" + EsRemedy + @"\b|\b(con|a base de) (puros |solo |solamente |pur[oa] )?" + EsRemedy + @" (\w+ ){0,3}(me )?(voy a |vas a |se va a |te vas a )?(curar\w*|sanar\w*|quitar\w* el cancer)\b|\bmejor (tomo|me tomo|uso|pruebo|me curo con|me trato con) (puras |solo )?(hierbas|remedios naturales|productos naturales|plantas|guanabana|graviola|cannabis|aceite de cannabis|bicarbonato|jugos)\b|\ben (vez|lugar) de (la|el|mi|su|tu|sus|mis) (quimio|quimioterapia|tratamiento|radio|radioterapia|cirugia|operacion|pastillas|medicinas)\b|\bla quimio (es (un negocio|veneno|puro veneno)|te mata|mata mas|causa cancer)\b|\blos (medicos|doctores) no (te |nos )?(quieren que sepas|dicen la verdad)\b|\bel azucar (alimenta|le da de comer a) (el|al) cancer\b|\bla biopsia (esparce|riega|disemina|despierta) (el )?cancer\b|\bclinica (en|de) (mexico|tijuana)\b|\b(guanabana|graviola|dioxido de cloro|mms|veneno de (escorpion|alacran)|laetril\w*|b17|ivermectina|fenbendazol|enemas? de cafe|terapia gerson|semillas de (chabacano|albaricoque))\b", Options, MatchTimeoutMs)]
    private static partial Regex EsMiracleCure();

    [GeneratedRegex(@"\b(tome|tomo|me tome|me tomo|estoy tomando|le di|le doy|le estoy dando|use|uso|usando|me puse|me pongo) (\w+ ){0,2}(pastillas|medicinas|medicamentos|calmantes|parches|antibioticos|morfina|pildoras|oxicodona|tramadol|insulina|inyecciones) (de \w+ |para \w+ (\w+ )?)?(de|que le (sobraron|quedaron) a) (mi|su|tu|la|el) (\w+ )?(hermana|hermano|mama|papa|madre|padre|esposo|esposa|marido|vecin[oa]|amig[oa]|prim[oa]|ti[oa]|abuel[oa]|suegr[oa]|cunad[oa]|hij[oa]|novio|novia|pareja|comadre|compadre)\b|\b(le|les) (di|doy|pase|paso|regale|regalo|preste|presto) (a (mi|su) \w+ )?(unas de |algunas de |de )?mis (pastillas|medicinas|calmantes|parches|morfina|pildoras|antibioticos)\b|\bme (dio|dieron|presto|paso|regalo|regalaron) sus (pastillas|medicinas|calmantes|parches|antibioticos|morfina|pildoras)\b|\b(pastillas|calmantes|antibioticos|medicinas|parches) (de \w+ |para \w+ (\w+ )?)?(que|q) (me|le|les) (sobraron|quedaron) (a|de) (mi|su)\b", Options, MatchTimeoutMs)]
    private static partial Regex EsSomeoneElsesPills();

    [GeneratedRegex(@"\b(doble|duplicar|duplique|duplico|triplique|triplicar|el doble de|doblar|doble la) (la )?(dosis|pastillas|morfina|insulina|calmantes|parches)\b|\b(tomar|tomo|tome|me tomo|me tome|tomate|tomese|toma|tomen) (el doble|dos veces la dosis|mas (pastillas|morfina|calmantes|de la dosis)|(\w+ )?pastillas de mas|toda la caja|la caja entera)\b|\b(pastillas|morfina|calmantes|oxicodona|tramadol|medicinas) (\w+ ){0,4}(con|y) (alcohol|vino|cerveza|tequila|mezcal|ron|whisky|aguardiente)\b|\b(dosis|pastillas|medicinas|tratamiento|quimio|tamoxifeno|morfina|insulina) (\w+ ){0,5}(por mi|por su) (propia )?cuenta\b|\b(le )?(subi|baje|cambie|sube|baja|cambia) (yo mism[oa] |por mi cuenta )?(la|su|mi) dosis\b", Options, MatchTimeoutMs)]
    private static partial Regex EsDosing();

    [GeneratedRegex(@"\bno (vayas|vaya|vayan) (al|a la|con el|con la|a) (medico|doctor|doctora|oncologo|oncologa|hospital|urgencias|clinica|quimio|cita|emergencias)\b|\bno (le|les) (digas|diga|cuentes|cuente) (nada )?(al|a la|a tu|a su) (medico|doctor|doctora|oncologo|oncologa|enfermera)\b|\bno (necesitas|necesita|necesitan|hace falta) (la |el |tu |su |las |los )?(quimio|quimioterapia|cirugia|operacion|radio|radioterapia|tratamiento|pastillas|mastectomia|biopsia|mamografia|oncologo)\b|\bno te (hagas|dejes hacer) (la |el |una )?(quimio|cirugia|operacion|mastectomia|biopsia|mamografia|radio)\b|\bno dejes (que|q) te (den|pongan|hagan) (la )?(quimio|radio|cirugia)\b|\bsin (decirle|decirles|avisarle|avisarles|avisar|consultar|consultarlo|preguntarle|preguntar|permiso) (al|a mi|a la|a el|con el|con mi|con la|del|de mi|de la) (medico|medica|doctor|doctora|oncologo|oncologa|enfermera|equipo)\b", Options, MatchTimeoutMs)]
    private static partial Regex EsSkipCare();
}
