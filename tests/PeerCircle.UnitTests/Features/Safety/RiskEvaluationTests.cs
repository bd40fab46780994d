using System.Globalization;
using System.Text;
using System.Text.Json;
using PeerCircle.Web.Features.Safety.RiskLanguage;

namespace PeerCircle.UnitTests.Features.Safety;

/// <summary>
/// The risk-language detector scored on the labeled set in content/safety/risk-eval.jsonl, against the issue's bars:
/// self-harm recall ≥ 0.97 with precision ≥ 0.80; every other category recall ≥ 0.90 with precision ≥ 0.75.
/// The per-category confusion figures go to the test output.
/// </summary>
public class RiskEvaluationTests
{
    private static readonly string[] Categories = ["self_harm", "harm_to_others", "abuse_neglect", "severe_distress", "medical_advice"];

    [Fact]
    public void EvaluationSet_HasAtLeast400MessagesAnd150HardNegatives_WithKnownCategories()
    {
        var set = Load("risk-eval.jsonl");

        Assert.True(set.Count >= 400, $"{set.Count} messages");
        Assert.True(set.Count(m => m.Id.StartsWith("hn-", StringComparison.Ordinal) && m.Categories.Count == 0) >= 150);
        Assert.Equal(set.Count, set.Select(m => m.Id).Distinct().Count());
        Assert.All(set, m => Assert.All(m.Categories, c => Assert.Contains(c, Categories)));
        Assert.All(Categories, c => Assert.Contains(set, m => m.Categories.Contains(c)));
    }

    [Fact]
    public void Detector_MeetsThePrecisionAndRecallBars_OnTheEvaluationSet()
    {
        var scores = Score(Load("risk-eval.jsonl"), out var report);
        TestContext.Current.TestOutputHelper?.WriteLine(report);

        var failures = new List<string>();
        foreach (var (category, score) in scores)
        {
            var (minRecall, minPrecision) = category == "self_harm" ? (0.97, 0.80) : (0.90, 0.75);
            if (score.Recall < minRecall || score.Precision < minPrecision)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{category}: recall {score.Recall:0.000} (bar {minRecall}), precision {score.Precision:0.000} (bar {minPrecision})"));
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures) + "\n" + report);
    }

    /// <summary>
    /// Messages written after the rules and never used to change them: how the patterns do on phrasings they were not
    /// written against. Reported, not held to the bars (see the issue notes).
    /// </summary>
    [Fact]
    public void HeldOutSet_IsScoredAndReported()
    {
        var set = Load("risk-holdout.jsonl");
        Score(set, out var report);
        TestContext.Current.TestOutputHelper?.WriteLine("Held-out set (" + set.Count.ToString(CultureInfo.InvariantCulture) + " messages):\n" + report);

        Assert.True(set.Count >= 100);
    }

    /// <summary>
    /// The tuning set (content/safety/risk-dev.jsonl): 360 messages written by a separate author for tuning; the rules
    /// were then improved against it, so its figures are in-sample. Held to bars a little below the evaluation set's:
    /// self-harm recall ≥ 0.93 with precision ≥ 0.80; every other category recall ≥ 0.85 with precision ≥ 0.75.
    /// </summary>
    [Fact]
    public void DevSet_IsScoredAndMeetsItsBars()
    {
        var set = Load("risk-dev.jsonl");
        var scores = Score(set, out var report);
        TestContext.Current.TestOutputHelper?.WriteLine("Dev (tuning) set (" + set.Count.ToString(CultureInfo.InvariantCulture) + " messages):\n" + report);

        Assert.True(set.Count >= 300);
        var failures = new List<string>();
        foreach (var (category, score) in scores)
        {
            var (minRecall, minPrecision) = category == "self_harm" ? (0.93, 0.80) : (0.85, 0.75);
            if (score.Recall < minRecall || score.Precision < minPrecision)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{category}: recall {score.Recall:0.000} (bar {minRecall}), precision {score.Precision:0.000} (bar {minPrecision})"));
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures) + "\n" + report);
    }

    /// <summary>
    /// The honest out-of-sample figure: content/safety/risk-fresh.jsonl, written by someone who never saw the rules or
    /// the head, and never used to train, tune or choose anything (decision record 0007). Reported, not held to the
    /// bars; skipped while the set is not in the repository.
    /// </summary>
    [Fact]
    public void FreshSet_IsScoredAndReported()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "content", "safety", "risk-fresh.jsonl");
        Assert.SkipUnless(File.Exists(path), "content/safety/risk-fresh.jsonl is not in the repository yet.");
        foreach (var name in (string[])["risk-fresh.jsonl", "risk-fresh2.jsonl"])
        {
            var set = Load(name);
            Score(set, out var report);
            TestContext.Current.TestOutputHelper?.WriteLine(name + " (" + set.Count.ToString(CultureInfo.InvariantCulture) + " messages, out of sample):\n" + report);
            Assert.NotEmpty(set);
        }
    }

    /// <summary>
    /// The Spanish set (content/safety/risk-es.jsonl), written for this project; the Spanish rules were written against
    /// it, so its figures are in-sample. Bars: self-harm recall ≥ 0.95 with precision ≥ 0.80; every other category
    /// recall ≥ 0.85 with precision ≥ 0.75. At least 25 messages per category and 75 without risk.
    /// </summary>
    [Fact]
    public void SpanishSet_MeetsItsBars()
    {
        var set = Load("risk-es.jsonl");
        var scores = Score(set, out var report);
        TestContext.Current.TestOutputHelper?.WriteLine("Spanish set (" + set.Count.ToString(CultureInfo.InvariantCulture) + " messages):\n" + report);

        Assert.True(set.Count >= 200, $"{set.Count} messages");
        Assert.True(set.Count(m => m.Categories.Count == 0) >= 75);
        Assert.Equal(set.Count, set.Select(m => m.Id).Distinct().Count());
        Assert.All(set, m => Assert.StartsWith("es-", m.Id, StringComparison.Ordinal));
        Assert.All(Categories, c => Assert.True(set.Count(m => m.Categories.Contains(c)) >= 25, c));
        var failures = new List<string>();
        foreach (var (category, score) in scores)
        {
            var (minRecall, minPrecision) = category == "self_harm" ? (0.95, 0.80) : (0.85, 0.75);
            if (score.Recall < minRecall || score.Precision < minPrecision)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{category}: recall {score.Recall:0.000} (bar {minRecall}), precision {score.Precision:0.000} (bar {minPrecision})"));
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures) + "\n" + report);
    }

    /// <summary>The Spanish rules never fire on the English sets: every match there comes from an English rule.</summary>
    [Theory]
    [InlineData("risk-eval.jsonl")]
    [InlineData("risk-holdout.jsonl")]
    [InlineData("risk-dev.jsonl")]
    public void SpanishRules_DoNotFireOnTheEnglishSets(string file)
    {
        var detector = new RiskDetector();
        var spanishMatches = Load(file)
            .SelectMany(m => detector.Detect(m.Text).Matches.Where(x => x.Rule.StartsWith("es_", StringComparison.Ordinal)).Select(x => m.Id + ": " + x.Rule + " '" + x.Excerpt + "'"))
            .ToList();

        Assert.True(spanishMatches.Count == 0, string.Join('\n', spanishMatches));
    }

    internal sealed record Labeled(string Id, string Text, IReadOnlyList<string> Categories);

    internal sealed record CategoryScore(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    }

    internal static List<Labeled> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "content", "safety", file);
        var set = new List<Labeled>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            set.Add(new Labeled(
                root.GetProperty("id").GetString()!,
                root.GetProperty("text").GetString()!,
                [.. root.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!)]));
        }
        return set;
    }

    private static readonly Lazy<RiskDetector> Detector = new(() => RiskDetector.Hybrid());

    internal static Dictionary<string, CategoryScore> Score(List<Labeled> set, out string report)
    {
        // The detector the app runs (the hybrid, Safety:RiskDetector's default).
        var detector = Detector.Value;
        var predicted = set.ToDictionary(m => m.Id, m => detector.Detect(m.Text));
        var scores = new Dictionary<string, CategoryScore>();
        var text = new StringBuilder();
        text.AppendLine("| Category | TP | FP | FN | TN | Precision | Recall |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var category in Categories)
        {
            int tp = 0, fp = 0, fn = 0, tn = 0;
            foreach (var message in set)
            {
                var expected = message.Categories.Contains(category);
                var found = predicted[message.Id].Categories.Contains(category);
                (tp, fp, fn, tn) = (expected, found) switch
                {
                    (true, true) => (tp + 1, fp, fn, tn),
                    (false, true) => (tp, fp + 1, fn, tn),
                    (true, false) => (tp, fp, fn + 1, tn),
                    _ => (tp, fp, fn, tn + 1),
                };
            }
            var score = new CategoryScore(tp, fp, fn, tn);
            scores[category] = score;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {category} | {tp} | {fp} | {fn} | {tn} | {score.Precision:0.000} | {score.Recall:0.000} |"));
        }
        text.AppendLine("Disagreements:");
        foreach (var message in set)
        {
            var found = predicted[message.Id];
            if (!found.Categories.Order().SequenceEqual(message.Categories.Order()))
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {message.Id} expected [{string.Join(", ", message.Categories)}] got [{string.Join(", ", found.Categories)}]: {message.Text} — {found.Explanation}");
            }
        }
        report = text.ToString();
        return scores;
    }
}
