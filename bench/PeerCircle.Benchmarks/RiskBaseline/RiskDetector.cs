using System.Text;

// The rules as they were at commit 54e964c, before risk-holdout.jsonl was used to widen them (decision record 0007).
// A frozen copy for risk-hybrid's out-of-sample replay only; the app's rules live in src/PeerCircle.Web/Features/Safety/RiskLanguage.
namespace PeerCircle.Benchmarks.RiskBaseline;

/// <summary>What the detector found in one message. <see cref="Any"/> is false for a message with no risk language.</summary>
internal sealed record RiskResult(IReadOnlyList<string> Categories, string Explanation, IReadOnlyList<RiskMatch> Matches)
{
    public bool Any => Categories.Count > 0;
}

/// <summary>One rule that fired: its category, the member's own words it matched, and the rule's name.</summary>
internal sealed record RiskMatch(string Category, string Excerpt, string Rule);

/// <summary>
/// Risk-language detection on free text a member writes (issue 6), in-process and without any outside call.
/// Curated patterns (<see cref="RiskRules"/>) over normalised text, then context: idioms are blanked first
/// ("dying to see my grandkids", "killing time"), a negation just before a match cancels it ("I'm not going to kill
/// myself"), a match in a clause about the past is dropped when the writer says things are better now ("last year I
/// wanted to die, but now I'm doing better"), unsound medical advice is dropped when a doctor or the care team said it
/// ("my oncologist said to stop the pills before surgery") or the writer rejects it, and threats need an intention
/// ("I want to", "he said he'll"). Stateless and thread-safe: register it as a singleton.
/// </summary>
internal sealed class RiskDetector
{
    /// <summary>Tokens before a match that a negation is looked for in.</summary>
    private const int NegationWindow = 5;

    private static readonly RiskResult Nothing = new([], "No risk language found.", []);

    public RiskResult Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Nothing;
        }
        var risk = RiskText.From(text);
        var normal = BlankIdioms(risk.Normal);
        var matches = new List<RiskMatch>();
        var spans = new List<(string Category, int Start, int End)>();
        foreach (var rule in RiskRules.All)
        {
            if (matches.Exists(m => m.Category == rule.Category) && rule.Category != RiskRules.SelfHarm)
            {
                // One match per category is enough to flag it (self-harm keeps every match for the explanation).
                continue;
            }
            for (var match = rule.Pattern.Match(normal); match.Success; match = match.NextMatch())
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

        if (!rule.Context.HasFlag(RuleContext.OwnNegation) && IsNegated(before))
        {
            return false;
        }
        if (rule.Context.HasFlag(RuleContext.NeedsIntent)
            && (!RiskRules.Intent.IsMatch(before) || RiskRules.NonPersonSubject.IsMatch(before)))
        {
            return false;
        }
        if (rule.Context.HasFlag(RuleContext.JokeCancels) && RiskRules.Joke.IsMatch(SentenceAndNext(risk, normal, sentence)))
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
            && (RiskRules.CareTeam.IsMatch(sentenceText) || RiskRules.Rebuttal.IsMatch(normal)))
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
