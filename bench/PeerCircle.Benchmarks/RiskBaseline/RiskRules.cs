using System.Text.RegularExpressions;

// The rules as they were at commit 54e964c, before risk-holdout.jsonl was used to widen them (decision record 0007).
// A frozen copy for risk-hybrid's out-of-sample replay only; the app's rules live in src/PeerCircle.Web/Features/Safety/RiskLanguage.
namespace PeerCircle.Benchmarks.RiskBaseline;

/// <summary>How a rule's match is checked against its context before it counts.</summary>
[Flags]
internal enum RuleContext
{
    None = 0,

    /// <summary>The rule carries its own negation ("don't want to live"); a "not" before it does not cancel it.</summary>
    OwnNegation = 1,

    /// <summary>Needs an intention or a threat before it in the same clause ("I want to", "I'll", "he said he'd").</summary>
    NeedsIntent = 2,

    /// <summary>A joke ("lol", "ha", "jokes") in the same sentence cancels it.</summary>
    JokeCancels = 4,
}

internal sealed record RiskRule(string Category, string Name, Regex Pattern, RuleContext Context = RuleContext.None);

/// <summary>
/// The curated patterns. They read <see cref="RiskText.Normal"/>: lower case, no apostrophes ("cant", "im", "ill").
/// Each rule's name says what it looks for; the excerpt it matched is what a clinician sees.
/// </summary>
internal static partial class RiskRules
{
    public const string SelfHarm = "self_harm";
    public const string HarmToOthers = "harm_to_others";
    public const string AbuseNeglect = "abuse_neglect";
    public const string SevereDistress = "severe_distress";
    public const string MedicalAdvice = "medical_advice";

    public static readonly IReadOnlyList<string> Categories = [SelfHarm, HarmToOthers, AbuseNeglect, SevereDistress, MedicalAdvice];

    private const int MatchTimeoutMs = 1000;

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;


    // People a threat or an act of violence can be aimed at.
    private const string Kin = @"(ex|ex-husband|ex-wife|husband|wife|partner|boyfriend|girlfriend|brother|sister|son|daughter|father|mother|dad|mom|mum|kids?|children|baby|grandkids?|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|boss|neighbou?r|stepfather|stepdad|stepmom|stepmother|stepson|stepdaughter|father-in-law|mother-in-law|in-laws?|man|woman|guy|lady|nurse|doctor|surgeon|oncologist|pharmacist|driver|people|insurance \w+|\w+ lady|\w+ guy|family|wifes? \w+)";
    private const string Person = @"(him|her|them|someone|somebody|anyone|anybody|people|everyone|everybody|whoever|mom|dad|(my|our|his|her|their|the|that|this|a|your)( [\w-]+){0,2}? " + Kin + ")";
    private const string ViolentVerb = @"(kill|killing|hurt|hurting|stab|stabbing|shoot|shooting|punch|punching|hit|hitting|beat up|beating up|beat|strangle|strangling|choke|choking|poison|poisoning|murder|murdering|smash|smashing|slap|slapping|attack|attacking)";

    public static readonly IReadOnlyList<RiskRule> All =
    [
        // ---- self_harm: suicide and self-injury, the writer's own or someone they are worried about ----
        new(SelfHarm, "kill_self", KillSelf()),
        new(SelfHarm, "end_own_life", EndOwnLife()),
        new(SelfHarm, "end_it", EndIt()),
        new(SelfHarm, "want_to_die", WantToDie()),
        new(SelfHarm, "not_want_to_live", NotWantToLive(), RuleContext.OwnNegation),
        new(SelfHarm, "better_off_without_me", BetterOffWithoutMe(), RuleContext.OwnNegation),
        new(SelfHarm, "suicide", Suicide()),
        new(SelfHarm, "self_injury", SelfInjury()),
        new(SelfHarm, "method", Method(), RuleContext.OwnNegation),
        new(SelfHarm, "plan_or_goodbye", PlanOrGoodbye(), RuleContext.OwnNegation),

        // ---- harm_to_others: the writer, or someone they describe, means to hurt another person ----
        new(HarmToOthers, "intent_to_harm", IntentToHarm(), RuleContext.NeedsIntent | RuleContext.JokeCancels),
        new(HarmToOthers, "threat", Threat()),
        new(HarmToOthers, "weapon_or_plan", WeaponOrPlan()),
        new(HarmToOthers, "writer_hurt_someone", WriterHurtSomeone()),

        // ---- abuse_neglect: someone is being hurt, threatened, controlled, exploited or left without care ----
        new(AbuseNeglect, "violence_by_someone", ViolenceBySomeone()),
        new(AbuseNeglect, "writer_hurt_someone", WriterHurtSomeone2()),
        new(AbuseNeglect, "threat_or_control", ThreatOrControl()),
        new(AbuseNeglect, "verbal_abuse", VerbalAbuse()),
        new(AbuseNeglect, "exploitation", Exploitation()),
        new(AbuseNeglect, "neglect", Neglect(), RuleContext.OwnNegation),

        // ---- severe_distress: hopelessness, can't go on, no way out ----
        new(SevereDistress, "cant_go_on", CantGoOn(), RuleContext.OwnNegation | RuleContext.JokeCancels),
        new(SevereDistress, "hopeless", Hopeless()),
        new(SevereDistress, "no_point", NoPoint(), RuleContext.OwnNegation),
        new(SevereDistress, "giving_up", GivingUp()),
        new(SevereDistress, "despair", Despair()),

        // ---- medical_advice: unsound advice, or stopping or changing treatment on one's own ----
        new(MedicalAdvice, "stop_treatment", StopTreatment()),
        new(MedicalAdvice, "miracle_cure", MiracleCure()),
        new(MedicalAdvice, "dosing", Dosing()),
        new(MedicalAdvice, "sharing_prescriptions", SharingPrescriptions()),
        new(MedicalAdvice, "skip_care", SkipCare(), RuleContext.OwnNegation),
    ];

    /// <summary>Idioms blanked out before any rule runs: "dying to see", "killing time", "this traffic is killing me".</summary>
    public static readonly Regex Idioms = IdiomsPattern();

    /// <summary>A negation just before a match: "I'm not going to", "never thought about", "no thoughts of".</summary>
    public static readonly Regex Negation = NegationPattern();

    /// <summary>Words that make a wish, a plan or a threat out of a violent verb.</summary>
    public static readonly Regex Intent = IntentPattern();

    /// <summary>"the chemo will kill him": the subject of the threat is not a person.</summary>
    public static readonly Regex NonPersonSubject = NonPersonSubjectPattern();

    /// <summary>The writer talks about a screening question or training, not about themselves.</summary>
    public static readonly Regex AboutTheQuestion = AboutTheQuestionPattern();

    public static readonly Regex Joke = JokePattern();

    /// <summary>The clause is about the past: "last year", "used to", "back when", "I was", "two years ago".</summary>
    public static readonly Regex Past = PastPattern();

    /// <summary>The clause says it is still going on.</summary>
    public static readonly Regex Ongoing = OngoingPattern();

    /// <summary>The writer says things are better now.</summary>
    public static readonly Regex Recovery = RecoveryPattern();

    /// <summary>A doctor or care team said it, or the writer checked with them: not unsound advice.</summary>
    public static readonly Regex CareTeam = CareTeamPattern();

    /// <summary>The writer reports a claim in order to reject it.</summary>
    public static readonly Regex Rebuttal = RebuttalPattern();

    // Source-generated: no start-up cost for compiling, and several times faster than the interpreter.
    [GeneratedRegex(@"\b(kill(s|ing|ed)?|shoot(s|ing)?|hang(s|ing)?) (myself|himself|herself|themselves|ourselves)\b|\bkms\b", Options, MatchTimeoutMs)]
    private static partial Regex KillSelf();

    [GeneratedRegex(@"\b(end(s|ing)?|take|taking|took) (my|his|her|their) (own )?life\b|\bend(ing)? it all\b|\b(a way|ways|how) to end (it|this|my life)\b|\b(hurt|hurting|kill|killing) (him|her|them) (and )?(then )?myself\b|\b(thought|thinking|think) about speeding (it|things) up\b", Options, MatchTimeoutMs)]
    private static partial Regex EndOwnLife();

    [GeneratedRegex(@"\b((want|wanna|going|gonna|plan\w*|thinking|thought|think|night|ready|decide\w*) (to |about |of |i )?|i (will |ll |am going to |m going to )?)end(ing)? (it|this)\b(?! (with|up|for|by|on|at|off))", Options, MatchTimeoutMs)]
    private static partial Regex EndIt();

    [GeneratedRegex(@"\b(want|wants|wanted|wanting|wanna|wish|wishing|ready|rather|like) (to )?(die|be dead)\b(?! (at|in|with|peacefully|on my own terms at))|\bwish (i|he|she) (was|were|had) (dead|died)\b|\brather (be )?dead\b", Options, MatchTimeoutMs)]
    private static partial Regex WantToDie();

    [GeneratedRegex(@"\b(dont|do not|doesnt|does not|no longer) want to (live|be (here|alive|around))\b|\bno reason to live\b", Options, MatchTimeoutMs)]
    private static partial Regex NotWantToLive();

    [GeneratedRegex(@"\bbetter off (dead|without me|if i (was|were) gone)\b|\b(nobody|no one) would (even )?miss me\b|\bwould anyone (care|notice) if i\b", Options, MatchTimeoutMs)]
    private static partial Regex BetterOffWithoutMe();

    [GeneratedRegex(@"\bsuicidal\b|\b(think\w*|thought\w*|considering|consider|plan\w*|attempt\w*|contemplat\w*|about|of|my) (about |of )?suicide\b", Options, MatchTimeoutMs)]
    private static partial Regex Suicide();

    [GeneratedRegex(@"\b(cut|cuts|cutting|burn|burned|burnt|burning|hurt|hurts|hurting|harm|harming|scratch\w*|starv\w*) (myself|himself|herself|themselves|my (arm|arms|wrist|wrists|skin|legs?|thighs?))\b|\bself[- ]?(harm\w*|injur\w*)\b|\bcutting again\b|\bbeen cutting\b|\buntil (it|they) bleeds?\b|\bhurt myself on purpose\b", Options, MatchTimeoutMs)]
    private static partial Regex SelfInjury();

    [GeneratedRegex(@"\b(overdos\w*|stockpil\w*|swallow the whole bottle|take all (my|the|of my) \w+ at once|walk(ing)? into the (lake|river|sea|ocean|water)|driv(e|ing) (my car |the car )?(into|off) (the|a) (river|lake|bridge|tree|wall|water|sea|ocean|cliff|traffic|truck)|crash(ing)? (the|my) car on purpose|(about|of|thinking) jumping|jump(ing)? (off|from) (the|a)|with the rope|a noose|how many [\w ]{0,30} (would take|are lethal|is lethal|to kill)|how many it would take|hoping i (wouldnt|would not|wont|dont) wake up|(didnt|did not|never|not) wake up( tomorrow| again)?)\b", Options, MatchTimeoutMs)]
    private static partial Regex Method();

    [GeneratedRegex(@"\b(have a plan and a date|picked a date|go through with it|how (i|id|i would) do it|(looked up|researching|research\w*|googl\w*) (how\W*$|ways( to)?)|doesnt kill me [\w ]{0,12}do it myself|(should|want to|going to) join (him|her|them)\b(?! (for|at|in|on))|disappear forever|not exist|stop existing|let the cancer take me)|\bgoodbye (everyone|all)\b[^\n]{0,80}\b(ever|forever|thank you for everything)\b", Options, MatchTimeoutMs)]
    private static partial Regex PlanOrGoodbye();

    [GeneratedRegex(@"\b" + ViolentVerb + " " + Person + @"\b", Options, MatchTimeoutMs)]
    private static partial Regex IntentToHarm();

    [GeneratedRegex(@"\bthreat\w* (to )?(kill|hurt|shoot|stab|burn|beat)\b|\bthreat\w* [\w ]{0,30}with (a|his|her|their) (knife|gun|rifle|bat)\b|\b(hell|shell|theyll|hed|shed|he will|she will|he would|she would) (kill|shoot|stab) (me|us|anyone|everyone|someone|people)\b|\b(hed|shed|theyd|he would) burn the house\b", Options, MatchTimeoutMs)]
    private static partial Regex Threat();

    [GeneratedRegex(@"\b(bought|buy|got|get|bring|bringing|take|taking) (a|my|his|her) (gun|rifle|knife)\b[^.!?\n]{0,60}\b(regret|listen|pay|clinic|office|hospital|house)|\bshoot up\b|\btake (a few|some) people with\b|\bknow where (he|she|they) (lives?|parks?|works?)\b|\bbeen watching (his|her|their) house\b|\bmake (him|her|them|(the|that) [\w ]{1,40}) (pay|suffer|bleed)\b(?! (for|the bill|back))|\bpillow over (his|her) face\b|\bending (my )?[\w-]+s suffering myself\b|\brun(ning)? (him|her|them) over\b|\bsmash (\w+ ){1,3}face\b|\bbeat the (hell|crap|shit) out of\b|\bbreak (his|her) (jaw|neck|legs?|face|nose)\b|\bfull of rage\b|\bpoison\w* (his|her|their) (tea|food|coffee|drink)", Options, MatchTimeoutMs)]
    private static partial Regex WeaponOrPlan();

    [GeneratedRegex(@"\bi( have|ve)?( (started to|been|keep|sometimes|just|already|actually))? (hit|slapped|pushed|shoved|kicked|punched|hurt|choked|hitting|pushing|shoving|kicking|punching|hurting|choking|beat|beating)\b " + Person + @"\b", Options, MatchTimeoutMs)]
    private static partial Regex WriterHurtSomeone();

    [GeneratedRegex(@"\b(he|she|they|husband|wife|partner|boyfriend|girlfriend|ex|son|daughter|father|dad|mother|mom|stepdad|stepfather|stepmom|brother|sister|uncle|aunt|caregiver|aide|nurse|grandson|nephew|niece|boss)( (is|was|has been|keeps|always|sometimes|then))? (hits|hit|hitting|beats|beat|beating|kicks|kicked|kicking|slaps|slapped|slapping|chokes|choked|choking|pushed|pushes|pushing|shoves|shoved|punches|punched|hurts|strikes|struck|grabbed|grabs|touches|touched|abuses|abused|rapes|raped) (me|us|her|him|them|my|our|the kids|mom|dad)\b|\b(hit|beaten|kicked|punched|slapped|choked|pushed|hurt|abused|raped|assaulted|threatened) by (my|her|his|their|a|the)\b", Options, MatchTimeoutMs)]
    private static partial Regex ViolenceBySomeone();

    [GeneratedRegex(@"\bi( have|ve)?( (started to|been|keep|sometimes|just|already|actually))? (hit|slapped|pushed|shoved|kicked|punched|choked|hitting|pushing|shoving|kicking|punching|choking|beat|beating)\b " + Person + @"\b", Options, MatchTimeoutMs)]
    private static partial Regex WriterHurtSomeone2();

    [GeneratedRegex(@"\b(hell|shell|he will|she will|hes going to|shes going to) (really )?(hurt|kill) (me|us)\b|\bkill me if i\b|\b(threatens|threatened) to (leave|kick|throw|hurt) me\b|\bwont let me (go|see|leave|call|have)\b|\b(took|takes|taken|hides|hid|hiding|keeps) (my|her|his|the) (phone|car keys|keys|oxygen|walker|wheelchair|meds|medication)\b|\bcontrols (all )?(the|my|our) money\b|\bwont (pay|let me pay) for my (medicine|meds|treatment|care)\b|\bstop giving me my (meds|medicine|pills)\b|\bforc\w* (me|her|him|them|grandma|grandpa|mom|dad|\w+) to (have sex|sign)\b|\bsign (over|the \w+ money over)\b|\bscared to go home\b|\blocks? (me|him|her|them|my \w+) (in|out)\b", Options, MatchTimeoutMs)]
    private static partial Regex ThreatOrControl();

    [GeneratedRegex(@"\b(screams|yells|shouts|screaming|yelling|shouting) at (me|him|her|them|my \w+|mom|dad)\b(?! (for|about))|\bcalls (me|him|her) (worthless|names|stupid|useless|a burden)\b", Options, MatchTimeoutMs)]
    private static partial Regex VerbalAbuse();

    [GeneratedRegex(@"\b(taking|takes|took|steals|stole|stealing|keeps|kept) (\w+ ){0,2}(money|pension|check|savings|jewelry|credit cards?)\b|\btakes my (pain )?(pills|meds)\b|\bdrugging\b", Options, MatchTimeoutMs)]
    private static partial Regex Exploitation();

    [GeneratedRegex(@"\b(left|leave|leaves|leaving) (\w+ ){0,2}alone all day\b|\bhome alone for (days|a week)\b|\bno food or water\b|\bgoing without (meals|food)\b|\b(hasnt|has not|havent|nobody has|no one has|nobody) (fed|feeds|changed|checked)\b|\bnobodys checked\b|\b(hes|shes|theyre|they are) starving\b|\bbed ?sores\b|\bwet (diaper|sheets|bed) for hours\b|\bliving in filth\b|\bno heat\b|\bwont take (her|him|me) to (chemo|treatment|appointments|the doctor)\b|\brough with (him|her|dad|mom|me)\b|\bbruises? (on|shaped)\b|\bshaped like fingers\b|\bscared to say anything\b", Options, MatchTimeoutMs)]
    private static partial Regex Neglect();

    [GeneratedRegex(@"\b(cant|cannot|can not|couldnt) go on\b(?! (the|a|an|my|our|this|that|vacation|trips?|holiday|with the)\b)|\b(cant|cannot) (do|take|keep doing|handle|bear|stand) (this|it|any of this) any ?more\b|\b(cant|cannot) do this$|\b(cant|cannot) keep (going|doing this)\b|\b(cant|cannot) cope\b|\b(cant|cannot) handle it\b|\b(cant|cannot) bear\b|\bdont know how (much more|to keep going)\b|\b(cant|cannot) take it anymore\b", Options, MatchTimeoutMs)]
    private static partial Regex CantGoOn();

    [GeneratedRegex(@"\bhopeless\w*\b|\bpointless\b|\blost the will\b|\b(have|got) nothing left\b", Options, MatchTimeoutMs)]
    private static partial Regex Hopeless();

    [GeneratedRegex(@"\bno hope\b|\bno way out\b|\bsee any way out\b|\b(no|whats the|dont see the|cant see the|didnt see the) point\b|\bdont see a future\b|\bnothing (matters|left to live for|will ever be (ok|okay|the same|alright))\b|\blife has no meaning\b|\b(isnt|is not|not) worth living\b|\bwhy (i|do i) (even )?bother\b", Options, MatchTimeoutMs)]
    private static partial Regex NoPoint();

    [GeneratedRegex(@"\b(have|has|ive|hes|shes|ve) given up\b|\bgiven up on (everything|life)\b|\bdone with everything\b|\bend of my rope\b|\bbreaking (point|down)\b|\brock bottom\b|\bbarely (holding on|function\w*)\b|\b(im|i am|life is|world is|everything is|family is) falling apart\b|\bgoing under\b|\bim drowning\b(?! in)|\bdesperate\b", Options, MatchTimeoutMs)]
    private static partial Regex GivingUp();

    [GeneratedRegex(@"\bdark (place|thoughts)\b|\bso depressed\b|\b(feel|feeling|im|i am) (so |completely |totally |just )?(empty|worthless|trapped|useless)\b|\b(a|such a) burden\b|\bdont care what happens to me\b|\blosing my mind\b|\bcant stop (crying|shaking)\b|\bhavent (gotten|got) out of bed\b|\bnever felt this low\b|\bnothing feels real\b|\bim disappearing\b|\bcompletely overwhelmed\b|\bexhausted beyond words\b|\bso alone\b", Options, MatchTimeoutMs)]
    private static partial Regex Despair();

    [GeneratedRegex(@"\b(stop|stopped|stopping|quit|quitting|skip|skipping|refuse|refusing|ditch|throw out|come off|went off|go off|forget)( taking)? (all )?(my|your|his|her|their|the|dads|moms|this|any|next)? ?(own )?(\w+ ){0,2}?(treatment|chemo|chemotherapy|radiation|meds|medication|medications|medicines?|pills|tamoxifen|steroids|immunotherapy|infusion|antibiotics|antidepressants|blood thinners|insulin|hormone pills|hormone therapy|surgery|scan|oncologist|doctor)\b|\b(im|i am|i) (not going to|wont|refuse to) take (the|my|any) (\w+ )?(meds|medication|medicine|antibiotics|chemo|pills|treatment)\b|\brefuse it\b|\bquit mine\b|\bcold turkey\b", Options, MatchTimeoutMs)]
    private static partial Regex StopTreatment();

    [GeneratedRegex(@"\b(cures?|cured|curing) (\w+ ){0,2}(cancer|tumou?rs?)\b|\b(juicing|vitamin c|baking soda|essential oils|cannabis oil|apricot kernels?|ivermectin|turmeric|alkaline water|homeopath\w*|black salve|coffee enemas?|gerson|mms|bleach|fenbendazole|laetrile)\b|\b100 percent cure\b|\bclinic in mexico\b|\bdoctors (just )?(wont|dont) tell you\b|\bsugar feeds cancer\b|\bkills more people than cancer\b|\b(radiation|chemo|the mammogram|mammograms|surgery|biopsy) (is a scam|causes cancer|spreads? (it|cancer))\b|\bcancer will spread if\b|\btumou?r starves\b|\b(go|going) keto\b[^.!?]{0,30}\bshrink\b|\bdetox the chemo\b|\bdraw the tumou?r\b|\binstead of (his|her|my|your|the) (chemo|treatment|radiation|surgery)\b|\bpray instead\b|\bworks? just as well\b|\bdoes the same thing naturally\b|\bno surgery needed\b", Options, MatchTimeoutMs)]
    private static partial Regex MiracleCure();

    [GeneratedRegex(@"\b(double|doubling|doubled) (up )?(your |my |his |her |the )?(dose|\w+ dose|oxycodone|morphine|pills|meds)\b|\btwice the dose\b|\btwice as often\b|\btake (more|extra) (insulin|pills|morphine|oxycodone|meds)\b|\b(take|taking) the whole bottle\b|\bmix (your |my )?(\w+ )?(pills|meds) with (a glass of )?(wine|alcohol|beer|booze)\b|\bdrink as much as you want\b|\bwithout asking\b|\bon my own\b(?=[^.!?]*\b(dose|pills|meds|stopped|chemo|patch))|\b(\w+ )?(dose|pills|meds|thinners|chemo) on my own\b", Options, MatchTimeoutMs)]
    private static partial Regex Dosing();

    [GeneratedRegex(@"\b(share|sharing|shared) my (\w+ ){0,2}with\b|\bgiving (my|your) \w+ my\b|\b(take|use) (your|my) (\w+s) (leftover )?(\w+ )?(pills|meds|patches)\b", Options, MatchTimeoutMs)]
    private static partial Regex SharingPrescriptions();

    [GeneratedRegex(@"\bdont (tell|bother with|get|do|go for) (your|my|the) (doctor|oncologist|nurse|care team|scan|surgery|chemo|radiation|biopsy|mammogram)\b|\bno need to call\b|\bwait it out\b|\bdont need (the port flushed|chemo|the surgery|radiation|the scan)\b|\byou dont need (chemo|surgery|radiation|treatment)\b|\bjust fast for\b", Options, MatchTimeoutMs)]
    private static partial Regex SkipCare();

    [GeneratedRegex(
        @"\bdying to (see|know|meet|get|try|go|hear|tell|show|hug|find)\b" + "|" +
        @"\bkill(ing|ed)? (some )?time\b" + "|" +
        @"\b(is|are|was|were|s|re) (\w+ )?killing me\b" + "|" +
        @"\bwhat kills me\b" + "|" +
        @"\bkilled me with\b" + "|" +
        @"\b(could|would|id) (kill|murder) (for|to have|a)\b" + "|" +
        @"\bkill (for|to have) (a|an|my|some)\b" + "|" +
        @"\bdead (tired|serious|end|on my feet|beat)\b" + "|" +
        @"\b(phone|battery|car|laptop|tablet) (is|was|went) dead\b" + "|" +
        @"\bto die for\b" + "|" +
        @"\b(bored|scared|worried|tired|sick) to death\b" + "|" +
        @"\b(the )?death of me\b" + "|" +
        @"\b(nearly|almost) died laughing\b" + "|" +
        @"\b(killed|killing|kill) it\b" + "|" +
        @"\bkill me now\b" + "|" +
        @"\bshoot me\b" + "|" +
        @"\b(going|gonna) to kill me when\b" + "|" +
        @"\bkill me (when|if) (she|he|they) (sees?|finds? out|hears?)\b" + "|" +
        @"\balmost killed me with\b" + "|" +
        @"\bslay me\b" + "|" +
        @"\bworried sick\b" + "|" +
        @"\bpain in the (neck|butt)\b", Options, MatchTimeoutMs)]
    private static partial Regex IdiomsPattern();

    [GeneratedRegex(@"\b(not|never|no|dont|didnt|doesnt|wont|wouldnt|havent|hasnt|isnt|arent|wasnt|nobody|nothing|none)\b(?! (stop|help|know|sure|one|matter|idea|longer|more))", Options, MatchTimeoutMs)]
    private static partial Regex NegationPattern();

    [GeneratedRegex(@"\b(will|ill|going to|gonna|want|wants|wanna|feel like|could|might|would|swear|thinking|thought|thoughts|picturing|afraid|scared|plan\w*|meant|threat\w*|hell|shell|theyll|hed|shed|said|says|keep|next time)\b", Options, MatchTimeoutMs)]
    private static partial Regex IntentPattern();

    [GeneratedRegex(@"\b(chemo|cancer|treatment|radiation|it|this|that|stress|worry|drugs?|tumou?r)( \w+)? (will|would|is going to|could|might)\s*$", Options, MatchTimeoutMs)]
    private static partial Regex NonPersonSubjectPattern();

    [GeneratedRegex(@"\b(question|questions|asked|asks|screening|training|prevention|form|survey)\b[\w ]{0,20}\b(self[- ]?harm|suicide)", Options, MatchTimeoutMs)]
    private static partial Regex AboutTheQuestionPattern();

    [GeneratedRegex(@"\b(lol|lmao|haha\w*|ha|jk|jok(e|es|ing)|kidding|dark humou?r|gallows humou?r)\b|😂|🤣", Options, MatchTimeoutMs)]
    private static partial Regex JokePattern();

    [GeneratedRegex(@"\b(last (year|month|spring|summer|fall|autumn|winter|time)|(\d+|a|one|two|three|four|five|six|ten|twenty|many|several|few|some) (years?|months?|decades?) ago|years ago|used to|back (when|in|then)|when i was|there was a time|in the first (days|weeks|months|year)|after (the|my) diagnosis|at first|i once|once i|i remember|during (treatment|chemo)|as a (teenager|teen|kid|child)|(i|he|she) (was|felt|wanted|thought|had|couldnt|didnt|tried))\b", Options, MatchTimeoutMs)]
    private static partial Regex PastPattern();

    [GeneratedRegex(@"\b(again|still|keep|keeps|lately|anymore|every (day|night)|right now|tonight|now|today|this week)\b", Options, MatchTimeoutMs)]
    private static partial Regex OngoingPattern();

    [GeneratedRegex(@"\b(now|today|these days|doing better|better now|in a good place|safe now|im safe|glad i didnt|gets better|got better|helped|easier|is working|smile again|learned my lesson|cancer[- ]free|i found|its been (\w+ )?(years|months)|i left (him|her)|i volunteer|through it|through that)\b", Options, MatchTimeoutMs)]
    private static partial Regex RecoveryPattern();

    [GeneratedRegex(@"\b(oncologist|doctors?|dr|nurse|care team|team|surgeon|pharmacist|hospice|palliative( care| doctor| team)?|clinic|dietitian|physician|provider|specialist|radiologist|they) (\w+ ){0,2}?(said|says|told|tells|advised|advises|recommended|recommends|suggested|prescribed|stopped|lowered|switched|wants|warned|knows|agreed|approved|upped|reduced|changed|put me)\b|\b(with|talk\w* (to|with)|asked|ask|per|check with|checked with) (my|your|her|his|the|our) (oncologist|doctors?|care team|team|surgeon|nurse|pharmacist|palliative \w+|hospice)\b|\bdr\.? \w+ said\b", Options, MatchTimeoutMs)]
    private static partial Regex CareTeamPattern();

    [GeneratedRegex(@"\b(not true|isnt true|laughed|deleted it|can be (poisonous|dangerous|harmful)|is a myth|a myth|dont believe (it|that)|thats false|no evidence)\b", Options, MatchTimeoutMs)]
    private static partial Regex RebuttalPattern();
}
