using System.Text;

namespace PeerCircle.Web.Features.Safety.RiskLanguage;

/// <summary>What the detector found in one message. <see cref="Any"/> is false for a message with no risk language.</summary>
public sealed record RiskResult(IReadOnlyList<string> Categories, string Explanation, IReadOnlyList<RiskMatch> Matches)
{
    public bool Any => Categories.Count > 0;
}

/// <summary>One rule that fired: its category, the member's own words it matched, and the rule's name.</summary>
public sealed record RiskMatch(string Category, string Excerpt, string Rule);

/// <summary>
/// Risk-language detection on free text a member writes (issue 6), in-process and without any outside call.
/// Curated patterns (<see cref="RiskRules"/>) over normalised text, then context: idioms are blanked first
/// ("dying to see my grandkids", "killing time"), a negation just before a match cancels it ("I'm not going to kill
/// myself"), a match in a clause about the past is dropped when the writer says things are better now ("last year I
/// wanted to die, but now I'm doing better"), unsound medical advice is dropped when a doctor or the care team said it
/// ("my oncologist said to stop the pills before surgery") or the writer rejects it, and threats need an intention
/// ("I want to", "he said he'll"). In the app's default detector (<see cref="Hybrid"/>; <c>Safety:RiskDetector</c> =
/// <c>rules</c> turns it off; decision record 0007) a small trained head over a sentence embedding of the message then
/// adds a category the rules missed, above a threshold set by cross-validation, and says so in plain words. If the
/// model fails, the rules' answer stands and the failure is logged. Thread-safe: register it as a singleton.
/// </summary>
public sealed partial class RiskDetector
{
    /// <summary>Tokens before a match that a negation is looked for in.</summary>
    private const int NegationWindow = 5;

    /// <summary>How much of the text a category added by the head quotes as its excerpt.</summary>
    private const int ModelExcerptLength = 300;

    private static readonly RiskResult Nothing = new([], "No risk language found.", []);

    /// <summary>Plain words for each category, for the head's explanations.</summary>
    private static readonly Dictionary<string, string> Plain = new()
    {
        [RiskRules.SelfHarm] = "self-harm or suicide",
        [RiskRules.HarmToOthers] = "harming someone else",
        [RiskRules.AbuseNeglect] = "abuse or neglect",
        [RiskRules.SevereDistress] = "severe distress or hopelessness",
        [RiskRules.MedicalAdvice] = "unsound medical advice",
    };

    /// <summary>The head shipped beside the app (content/safety/risk-head.json), read once on first use.</summary>
    private static readonly Lazy<RiskHead> ShippedHead = new(() => RiskHead.Load(RiskHead.DefaultPath), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<RiskHead>? head;
    private readonly Func<string, float[][]>? embed;

    /// <summary>The curated rules alone: the app's default detector (decision record 0007).</summary>
    public RiskDetector()
        : this((Lazy<RiskHead>?)null, null)
    {
    }

    /// <summary>
    /// The hybrid with a given head: the rules first, then the head (over sentence embeddings from
    /// <paramref name="embed"/>, one embedding per piece of the text) adds a category the rules missed when its
    /// probability is at or above that category's threshold.
    /// </summary>
    public RiskDetector(RiskHead head, Func<string, float[][]> embed)
        : this(new Lazy<RiskHead>(head), embed)
    {
    }

    private RiskDetector(Lazy<RiskHead>? head, Func<string, float[][]>? embed)
    {
        this.head = head;
        this.embed = embed;
    }

    /// <summary>The curated rules alone (the same as <c>new RiskDetector()</c>), named for experiments that compare.</summary>
    public static RiskDetector RulesOnly() => new();

    /// <summary>
    /// The hybrid experiment: the rules, then the head shipped in content/safety/risk-head.json over MiniLM sentence
    /// embeddings (<see cref="RiskEmbedder.Shared"/>). Head and model load on the first message with text (about 0.3 s
    /// and 350 MB once per process). The app runs it when <c>Safety:RiskDetector</c> is <c>hybrid</c> (decision record 0007).
    /// </summary>
    public static RiskDetector Hybrid(ILogger? log = null) => new(ShippedHead, text => RiskEmbedder.Shared.EmbedPieces(text)) { log = log };

    /// <summary>The curated rules alone, logging to <paramref name="log"/> when a message could not be checked.</summary>
    public static RiskDetector RulesOnly(ILogger? log) => new() { log = log };

    private ILogger? log;

    private static int headFailuresLogged;

    public bool HasHead => head is not null;

    /// <summary>
    /// The categories a message raises. Never throws for the text itself: a caller saves the member's words whatever
    /// happens here. If the model or its head fails, the rules' answer stands (logged once per process with the
    /// error, then counted silently); if the rules time out twice, the failure is logged and nothing is flagged.
    /// </summary>
    public RiskResult Detect(string? text)
    {
        RiskResult rules;
        try
        {
            rules = DetectByRules(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // The first run of a large generated matcher is compiled inside the timeout; once more is fair.
            try
            {
                rules = DetectByRules(text);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException again)
            {
                if (log is not null)
                {
                    LogRulesTimedOut(log, again.Pattern.Length, again);
                }
                return Nothing;
            }
        }
        if (head is null || embed is null || string.IsNullOrWhiteSpace(text))
        {
            return rules;
        }
        try
        {
            var model = head.Value;
            if (RiskHead.WordCount(text) < model.MinWords)
            {
                // Too short for the head (see RiskHead.MinWords): not even embedded.
                return rules;
            }
            return Combine(rules, model, PieceMaximum(model, embed(text)), text);
        }
#pragma warning disable CA1031 // The safety net must never lose a member's words: if the model fails, the rules' answer stands.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (log is not null && Interlocked.Increment(ref headFailuresLogged) == 1)
            {
                LogHeadFailed(log, ex);
            }
            return rules;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Risk-language hybrid: the sentence model or its head (content/safety/risk-head.json) failed; messages are checked by the rules alone until the app restarts. Logged once.")]
    private static partial void LogHeadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Risk-language rules timed out twice on one message (pattern of {PatternLength} characters); it was saved but not checked.")]
    private static partial void LogRulesTimedOut(ILogger logger, int patternLength, Exception exception);

    /// <summary>The head's probability per category for a text embedded in pieces: the highest of any piece.</summary>
    public static double[] PieceMaximum(RiskHead head, IEnumerable<float[]> embeddings)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(embeddings);
        var probabilities = new double[head.Categories.Count];
        foreach (var embedding in embeddings)
        {
            var piece = head.Probabilities(embedding);
            for (var c = 0; c < piece.Length; c++)
            {
                probabilities[c] = Math.Max(probabilities[c], piece[c]);
            }
        }
        return probabilities;
    }

    /// <summary>
    /// The rules' result plus each category the rules missed whose probability reaches its threshold, when the text has
    /// at least the head's minimum number of words.
    /// </summary>
    public static RiskResult Combine(RiskResult rules, RiskHead head, double[] probabilities, string? text)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (RiskHead.WordCount(text) < head.MinWords)
        {
            return rules;
        }
        List<(string Category, double Score)>? added = null;
        for (var c = 0; c < head.Categories.Count; c++)
        {
            var category = head.Categories[c];
            if (probabilities[c] >= category.Threshold && !rules.Categories.Contains(category.Category))
            {
                (added ??= []).Add((category.Category, probabilities[c]));
            }
        }
        if (added is null)
        {
            return rules;
        }
        var explanation = new StringBuilder(rules.Any ? rules.Explanation : "");
        foreach (var (category, score) in added)
        {
            if (explanation.Length > 0)
            {
                explanation.Append("; ");
            }
            explanation.Append(category).Append(": ")
                .Append(System.Globalization.CultureInfo.InvariantCulture,
                    $"no rule matched, but the wording is close to messages about {Plain.GetValueOrDefault(category, category)} (model score {score:0.00})");
        }
        var categories = RiskRules.Categories.Where(c => rules.Categories.Contains(c) || added.Exists(a => a.Category == c)).ToList();
        // The member's own words are the excerpt a clinician sees (no rule marked a part of them).
        var excerpt = (text ?? "").Trim();
        excerpt = excerpt.Length > ModelExcerptLength ? excerpt[..ModelExcerptLength] + "…" : excerpt;
        var matches = rules.Matches.Concat(added.Select(a => new RiskMatch(a.Category, excerpt, "model"))).ToList();
        return new RiskResult(categories, explanation.ToString(), matches);
    }

    /// <summary>The curated rules alone, with their explanations.</summary>
    public RiskResult DetectByRules(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Nothing;
        }
        var risk = RiskText.From(text);
        var normal = RiskContextSpanish.BlankIdioms(BlankIdioms(risk.Normal));
        var matches = new List<RiskMatch>();
        var spans = new List<(string Category, int Start, int End)>();
        foreach (var rule in RiskRules.AllWithSpanish)
        {
            if (matches.Exists(m => m.Category == rule.Category) && rule.Category != RiskRules.SelfHarm)
            {
                // One match per category is enough to flag it (self-harm keeps every match for the explanation).
                continue;
            }
            for (var match = Run(() => rule.Pattern.Match(normal)); match is { Success: true }; match = Run(match.NextMatch))
            {
                var (start, end) = (match.Index, match.Index + match.Length);
                if (spans.Exists(s => s.Category == rule.Category && s.Start < end && start < s.End))
                {
                    // The same words already explain this category ("end it all" and "want to end it").
                    continue;
                }
                if (Counts(rule, risk, normal, match.Index, match.Length))
                {
                    spans.Add((rule.Category, start, end));
                    matches.Add(new RiskMatch(rule.Category, risk.Excerpt(match.Index, match.Length), rule.Name));
                    break;
                }
            }
        }
        if (matches.Count == 0)
        {
            return Nothing;
        }
        var categories = RiskRules.Categories.Where(c => matches.Exists(m => m.Category == c)).ToList();
        return new RiskResult(categories, Explain(categories, matches), matches);
    }

    /// <summary>
    /// Runs a match, once more if it timed out: the first run of a large source-generated matcher is compiled by the
    /// JIT inside the timeout, which on a busy machine can take longer than the timeout itself. A second timeout is
    /// real backtracking; the rule is then skipped rather than failing the whole message.
    /// </summary>
    private static System.Text.RegularExpressions.Match? Run(Func<System.Text.RegularExpressions.Match> match)
    {
        try
        {
            return match();
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            try
            {
                return match();
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return null;
            }
        }
    }

    private static string Explain(List<string> categories, List<RiskMatch> matches)
    {
        var explanation = new StringBuilder();
        foreach (var category in categories)
        {
            if (explanation.Length > 0)
            {
                explanation.Append("; ");
            }
            explanation.Append(category).Append(": ");
            explanation.AppendJoin(", ", matches.Where(m => m.Category == category).Select(m => "'" + m.Excerpt + "'"));
        }
        return explanation.ToString();
    }

    private static string BlankIdioms(string normal)
    {
        var idioms = RiskRules.Idioms.Matches(normal);
        if (idioms.Count == 0)
        {
            return normal;
        }
        var chars = normal.ToCharArray();
        foreach (System.Text.RegularExpressions.Match idiom in idioms)
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

    private static bool Counts(RiskRule rule, RiskText risk, string normal, int index, int length)
    {
        var clause = Find(risk.Clauses, index);
        var sentence = Find(risk.Sentences, index);
        var before = normal[clause.Start..index];
        var clauseText = normal[clause.Start..clause.End];
        var sentenceText = normal[sentence.Start..sentence.End];
        if (RiskRules.IsSpanish(rule) && !RiskContextSpanish.Counts(rule, risk, normal, clause, sentence, index, length))
        {
            return false;
        }

        if (!rule.Context.HasFlag(RuleContext.OwnNegation) && IsNegated(before))
        {
            return false;
        }
        if (rule.Context.HasFlag(RuleContext.NeedsIntent)
            && (!RiskRules.Intent.IsMatch(before) || RiskRules.NonPersonSubject.IsMatch(before)))
        {
            return false;
        }
        if (rule.Context.HasFlag(RuleContext.JokeCancels) && RiskRules.Joke.IsMatch(RiskRules.NotJoking.Replace(SentenceAndNext(risk, normal, sentence), " ")))
        {
            return false;
        }
        if (rule.Category == RiskRules.SelfHarm && RiskRules.AboutTheQuestion.IsMatch(sentenceText))
        {
            return false;
        }
        if (RiskRules.Past.IsMatch(clauseText) && !RiskRules.Ongoing.IsMatch(clauseText)
            && RiskRules.Recovery.IsMatch(normal[(index + length)..]))
        {
            return false;
        }
        if (rule.Category == RiskRules.MedicalAdvice
            && ((RiskRules.CareTeam.IsMatch(sentenceText) && !(RiskRules.BehindTheTeam.IsMatch(sentenceText) && !IsNegated(before))) || RiskRules.Rebuttal.IsMatch(normal)))
        {
            return false;
        }
        return true;
    }

    /// <summary>"I can't take it anymore with this itchy wig! Switching to scarves, lol." — the joke can come next.</summary>
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

    private static bool IsNegated(string before)
    {
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var window = string.Join(' ', words.Skip(Math.Max(0, words.Length - NegationWindow)));
        return RiskRules.Negation.IsMatch(window);
    }

    private static (int Start, int End) Find(IReadOnlyList<(int Start, int End)> parts, int index)
    {
        var found = (Start: 0, End: 0);
        foreach (var part in parts)
        {
            if (part.Start > index)
            {
                break;
            }
            found = part;
        }
        return found;
    }
}
