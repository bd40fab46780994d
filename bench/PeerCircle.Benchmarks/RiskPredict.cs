using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using PeerCircle.Web.Features.Safety.RiskLanguage;

namespace PeerCircle.Benchmarks;

/// <summary>
/// <c>risk-predict --set PATH --out PREFIX [--head PATH]</c>: runs the rules, the head alone and the hybrid (exactly as
/// the app's <see cref="RiskDetector"/> would) over a labeled set and writes one prediction file per detector in the
/// risk-check format (<c>{"id", "categories"}</c> per line): PREFIX-rules.jsonl, PREFIX-head.jsonl (the head at its
/// thresholds and minimum length, what the hybrid adds from), PREFIX-head05.jsonl (the head at 0.5) and
/// PREFIX-hybrid.jsonl, for a scoring program. It only predicts: nothing is trained, tuned or chosen here. The head is
/// content/safety/risk-head.json unless <c>--head</c> names another.
/// </summary>
public static class RiskPredict
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(string[] args)
    {
        var setPath = Option(args, "--set");
        var prefix = Option(args, "--out");
        if (setPath is null || prefix is null)
        {
            Console.Error.WriteLine("usage: risk-predict --set PATH --out PREFIX [--head PATH]");
            return 2;
        }
        var headPath = Option(args, "--head") ?? Path.Combine(DirectorySearchScenario.FindRepoRoot(), "content", "safety", RiskHead.FileName);
        var head = RiskHead.Load(headPath);
        var set = LabeledMessage.Load(setPath);
        var embeddings = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        foreach (var message in set)
        {
            embeddings[message.Text] = RiskEmbedder.Shared.EmbedPieces(message.Text);
        }
        var rules = RiskDetector.RulesOnly();
        var hybrid = new RiskDetector(head, text => embeddings[text]);
        var files = new Dictionary<string, List<string>> { ["rules"] = [], ["head"] = [], ["head05"] = [], ["hybrid"] = [] };
        foreach (var message in set)
        {
            var probabilities = RiskDetector.PieceMaximum(head, embeddings[message.Text]);
            var longEnough = RiskHead.WordCount(message.Text) >= head.MinWords;
            files["rules"].Add(Line(message.Id, rules.Detect(message.Text).Categories));
            files["head"].Add(Line(message.Id, [.. head.Categories.Where((c, k) => longEnough && probabilities[k] >= c.Threshold).Select(c => c.Category)]));
            files["head05"].Add(Line(message.Id, [.. head.Categories.Where((c, k) => probabilities[k] >= 0.5).Select(c => c.Category)]));
            files["hybrid"].Add(Line(message.Id, hybrid.Detect(message.Text).Categories));
        }
        foreach (var (name, lines) in files)
        {
            File.WriteAllLines(prefix + "-" + name + ".jsonl", lines);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"risk-predict: {set.Count} messages; head {headPath} (min words {head.MinWords}); wrote {prefix}-{{rules,head,head05,hybrid}}.jsonl"));
        return 0;
    }

    private static string Line(string id, IReadOnlyList<string> categories) =>
        JsonSerializer.Serialize(new { id, categories }, Json);

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
