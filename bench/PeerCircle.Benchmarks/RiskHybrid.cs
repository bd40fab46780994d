using System.Diagnostics;
using System.Globalization;
using System.Text;
using PeerCircle.Web.Features.Safety.RiskLanguage;

namespace PeerCircle.Benchmarks;

/// <summary>
/// <c>risk-hybrid</c>: the curated rules, the trained head over MiniLM embeddings, and the hybrid of both, scored per
/// category on risk-eval.jsonl (in-sample), on the training sets by k-fold cross-validation (the head of each fold
/// never saw the messages it scores), and on risk-fresh.jsonl when it is there (out-of-sample: never used to train,
/// tune or choose anything); then the hybrid's latency per message, throughput, model start-up time and memory.
/// Options: <c>--fresh PATH</c>, <c>--rounds N</c> (latency passes, default 3), <c>--lambda a,b,c</c> (also
/// cross-validate these L2 strengths), <c>--no-latency</c>, <c>--out FILE</c>.
/// </summary>
public static class RiskHybrid
{
    private static IReadOnlyList<string> Categories => RiskHeadTrainer.Categories;

    public static int Run(string[] args)
    {
        var root = DirectorySearchScenario.FindRepoRoot();
        var folder = Path.Combine(root, "content", "safety");
        var freshPath = Option(args, "--fresh") ?? Path.Combine(folder, "risk-fresh.jsonl");
        var rounds = int.Parse(Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var lambdas = (Option(args, "--lambda") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToList();
        var outPath = Option(args, "--out");
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        var eval = LabeledMessage.Load(Path.Combine(folder, "risk-eval.jsonl"));
        var holdout = LabeledMessage.Load(Path.Combine(folder, "risk-holdout.jsonl"));
        var dev = LabeledMessage.Load(Path.Combine(folder, "risk-dev.jsonl"));
        var negatives = LabeledMessage.Load(Path.Combine(folder, "risk-train-negatives.jsonl"));
        var train = RiskTrainCommand.LoadTrainingSet(folder);
        var fresh = File.Exists(freshPath) ? LabeledMessage.Load(freshPath) : null;
        Say(string.Create(CultureInfo.InvariantCulture,
            $"Risk detector: rules, head and hybrid ({Environment.ProcessorCount} cores, .NET {Environment.Version}). Training sets: eval {eval.Count} + holdout {holdout.Count} + everyday negatives {negatives.Count} + dev {dev.Count} = {train.Count} messages; fresh set: {(fresh is null ? "not found at " + freshPath : fresh.Count + " messages")}"));

        // Start-up: the model's load and first embedding, the head's load, and the memory they take.
        GC.Collect();
        var rssBefore = Rss();
        var load = Stopwatch.StartNew();
        var embedder = RiskEmbedder.Shared;
        var loaded = load.Elapsed;
        embedder.EmbedPieces("warm up");
        var firstEmbedding = load.Elapsed - loaded;
        var peakAfterLoad = PeakRss();
        GC.Collect();
        var rssAfter = Rss();
        var headLoad = Stopwatch.StartNew();
        var committed = RiskHead.Load(Path.Combine(folder, RiskHead.FileName));
        headLoad.Stop();
        Say(string.Create(CultureInfo.InvariantCulture,
            $"Start-up: model load {loaded.TotalMilliseconds:0} ms, first embedding {firstEmbedding.TotalMilliseconds:0} ms, head load {headLoad.Elapsed.TotalMilliseconds:0.0} ms; resident memory {rssBefore / 1e6:0} MB before, {rssAfter / 1e6:0} MB after (+{(rssAfter - rssBefore) / 1e6:0} MB), peak while loading {peakAfterLoad / 1e6:0} MB"));

        var embedTimer = Stopwatch.StartNew();
        var trainEmbeddings = embedder.EmbedEach([.. train.Select(m => m.Text)]);
        var freshEmbeddings = fresh is null ? null : embedder.EmbedEach([.. fresh.Select(m => m.Text)]);
        Say(string.Create(CultureInfo.InvariantCulture, $"Embedded {train.Count + (fresh?.Count ?? 0)} messages in {embedTimer.Elapsed.TotalSeconds:0.0} s (batches of 16)."));

        // Cross-validation and the final head, exactly as risk-train does it.
        var trainTimer = Stopwatch.StartNew();
        var head = RiskHeadTrainer.Train(train, trainEmbeddings, "bench", out var outOfFold, out var minWordsReport);
        Say("Minimum words by CV: " + minWordsReport);
        Say(string.Create(CultureInfo.InvariantCulture, $"Trained (5-fold CV + final) in {trainTimer.Elapsed.TotalSeconds:0.0} s. Minimum words {head.MinWords}. Thresholds: {string.Join(", ", head.Categories.Select(c => c.Category + " " + (c.Threshold > 1 ? "never" : c.Threshold.ToString("0.00", CultureInfo.InvariantCulture))))}"));
        var maxDifference = head.Categories.Zip(committed.Categories)
            .Max(p => Math.Max(Math.Abs(p.First.Bias - p.Second.Bias), p.First.Weights.Zip(p.Second.Weights).Max(w => Math.Abs(w.First - w.Second))));
        var sameThresholds = head.MinWords == committed.MinWords && head.Categories.Zip(committed.Categories).All(p => p.First.Threshold == p.Second.Threshold);
        Say(string.Create(CultureInfo.InvariantCulture, $"Committed risk-head.json vs. retrained here: largest weight difference {maxDifference:0.######}, thresholds and minimum words {(sameThresholds ? "identical" : "DIFFERENT")}."));

        foreach (var lambda in lambdas)
        {
            var oof = RiskHeadTrainer.OutOfFold(train, trainEmbeddings, RiskHeadTrainer.FoldsOf(train), lambda);
            var thresholds = Enumerable.Range(0, Categories.Count).Select(c => RiskHeadTrainer.ChooseThreshold(train, oof, c)).ToArray();
            Say(string.Create(CultureInfo.InvariantCulture, $"\nL2 {lambda}: 5-fold out-of-fold head on all {train.Count} training messages; thresholds {string.Join(", ", thresholds.Select(t => t > 1 ? "never" : t.ToString("0.00", CultureInfo.InvariantCulture)))}"));
            Say(Table([("head ≥ 0.5", Predict(oof, 0.5)), ("head ≥ CV threshold", Predict(oof, thresholds))], train));
        }

        var rules = RiskDetector.RulesOnly();
        var trainRules = train.Select(m => rules.DetectByRules(m.Text).Categories).ToList();
        var finalThresholds = head.Categories.Select(c => c.Threshold).ToArray();
        var inSample = trainEmbeddings.Select(e => head.Probabilities(e)).ToArray();
        var evalIds = eval.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var holdoutIds = holdout.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var devIds = dev.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var negativeIds = negatives.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var isEval = train.Select(m => evalIds.Contains(m.Id)).ToArray();
        var isHoldout = train.Select(m => holdoutIds.Contains(m.Id)).ToArray();

        Scored Subset(Func<int, bool> keep, double[][] probabilities)
        {
            var rows = Enumerable.Range(0, train.Count).Where(keep).ToArray();
            return new Scored(
                [.. rows.Select(i => train[i])],
                [.. rows.Select(i => trainRules[i])],
                [.. rows.Select(i => probabilities[i])]);
        }

        var minWords = head.MinWords;
        Section(Say, "risk-eval.jsonl, in-sample (rules written against it; head trained on it)", Subset(i => isEval[i], inSample), finalThresholds, minWords);
        Section(Say, "risk-eval.jsonl, head by 5-fold cross-validation (rules still in-sample)", Subset(i => isEval[i], outOfFold), finalThresholds, minWords);
        Section(Say, "risk-holdout.jsonl, head by 5-fold cross-validation (rules widened on it, so in-sample)", Subset(i => isHoldout[i], outOfFold), finalThresholds, minWords);
        Section(Say, "risk-dev.jsonl (another author), head by 5-fold cross-validation (rules not changed on it in this branch)", Subset(i => devIds.Contains(train[i].Id), outOfFold), finalThresholds, minWords);
        Section(Say, "risk-train-negatives.jsonl (everyday short messages), head by 5-fold cross-validation", Subset(i => negativeIds.Contains(train[i].Id), outOfFold), finalThresholds, minWords);
        if (fresh is not null && freshEmbeddings is not null)
        {
            Section(Say, "risk-fresh.jsonl, out-of-sample (nothing was trained, tuned or chosen on it)",
                new Scored(fresh, [.. fresh.Select(m => rules.DetectByRules(m.Text).Categories)], [.. freshEmbeddings.Select(e => committed.Probabilities(e))]),
                [.. committed.Categories.Select(c => c.Threshold)], committed.MinWords);
        }

        // Out-of-sample replay: the rules before the held-out set changed them, and a head trained on risk-eval only
        // (its thresholds by 5-fold CV on risk-eval only), both scored on risk-holdout, which neither has seen.
        var baseline = new RiskBaseline.RiskDetector();
        var evalIndex = Enumerable.Range(0, train.Count).Where(i => isEval[i]).ToArray();
        var holdoutIndex = Enumerable.Range(0, train.Count).Where(i => isHoldout[i]).ToArray();
        var evalOnly = evalIndex.Select(i => train[i]).ToList();
        var evalOnlyHead = RiskHeadTrainer.Train(evalOnly, [.. evalIndex.Select(i => trainEmbeddings[i])], "risk-eval only", out _);
        Say(string.Create(CultureInfo.InvariantCulture,
            $"\nReplay head (risk-eval only) thresholds: {string.Join(", ", evalOnlyHead.Categories.Select(c => c.Category + " " + (c.Threshold > 1 ? "never" : c.Threshold.ToString("0.00", CultureInfo.InvariantCulture))))}"));
        Section(Say, "risk-holdout.jsonl, out-of-sample replay: rules as of 54e964c (before the held-out set) + head trained on risk-eval only",
            new Scored([.. holdoutIndex.Select(i => train[i])], [.. holdoutIndex.Select(i => baseline.Detect(train[i].Text).Categories)],
                [.. holdoutIndex.Select(i => evalOnlyHead.Probabilities(trainEmbeddings[i]))]),
            [.. evalOnlyHead.Categories.Select(c => c.Threshold)], evalOnlyHead.MinWords);
        Section(Say, "risk-holdout.jsonl, the same head with today's rules (widened on this set, so the rules are in-sample)",
            new Scored([.. holdoutIndex.Select(i => train[i])], [.. holdoutIndex.Select(i => trainRules[i])],
                [.. holdoutIndex.Select(i => evalOnlyHead.Probabilities(trainEmbeddings[i]))]),
            [.. evalOnlyHead.Categories.Select(c => c.Threshold)], evalOnlyHead.MinWords);

        if (args.Contains("--no-latency"))
        {
            return 0;
        }

        // Latency of the hybrid as the app would run it: rules, then one embedding per piece, then the head.
        var hybrid = new RiskDetector(committed, embedder.EmbedPieces);
        var texts = eval.Select(m => m.Text).ToArray();
        foreach (var text in texts)
        {
            hybrid.Detect(text);
        }
        var samples = new double[texts.Length * rounds];
        var n = 0;
        var total = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                hybrid.Detect(text);
                samples[n++] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
        var single = n / total.Elapsed.TotalSeconds;
        var parallelTimer = Stopwatch.StartNew();
        var work = Enumerable.Range(0, rounds).SelectMany(_ => texts).ToArray();
        Parallel.ForEach(work, text => hybrid.Detect(text));
        var parallel = work.Length / parallelTimer.Elapsed.TotalSeconds;
        var longText = string.Concat(Enumerable.Repeat(texts[0] + " ", 1 + 1500 / (texts[0].Length + 1)));
        hybrid.Detect(longText);
        var longTimer = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            hybrid.Detect(longText);
        }
        var longMs = longTimer.Elapsed.TotalMilliseconds / 10;
        Array.Sort(samples);
        double P(double q) => samples[Math.Max(0, (int)Math.Ceiling(q * samples.Length) - 1)];
        var p95 = P(0.95);
        Say(string.Create(CultureInfo.InvariantCulture, $"\nHybrid latency over {texts.Length} messages × {rounds} rounds = {n} detections (one intra-op thread per call):"));
        Say("| p50 ms | p95 ms | p99 ms | max ms | mean ms | msgs/s (1 thread) | msgs/s (all cores) | 1,500-character note ms |");
        Say("|---:|---:|---:|---:|---:|---:|---:|---:|");
        Say(string.Create(CultureInfo.InvariantCulture,
            $"| {P(0.50):0.00} | {p95:0.00} | {P(0.99):0.00} | {samples[^1]:0.00} | {samples.Average():0.00} | {single:0} | {parallel:0} | {longMs:0.0} |"));
        Say(string.Create(CultureInfo.InvariantCulture, $"Peak resident memory of this process: {PeakRss() / 1e6:0} MB. Target p95 ≤ {RiskLatency.TargetP95Ms} ms: {(p95 <= RiskLatency.TargetP95Ms ? "PASS" : "FAIL")}"));
        if (outPath is not null)
        {
            File.WriteAllText(outPath, report.ToString());
        }
        return p95 <= RiskLatency.TargetP95Ms ? 0 : 1;
    }

    private sealed record Scored(List<LabeledMessage> Set, List<IReadOnlyList<string>> Rules, List<double[]> Probabilities);

    private static void Section(Action<string> say, string title, Scored scored, double[] thresholds, int minWords)
    {
        var rules = scored.Rules.Select(r => r.ToHashSet()).ToList();
        var head = Predict([.. scored.Probabilities], 0.5);
        var longEnough = scored.Set.Select(m => RiskHead.WordCount(m.Text) >= minWords).ToArray();
        var headAtThresholds = Enumerable.Range(0, scored.Set.Count)
            .Select(i => Categories.Where((c, k) => longEnough[i] && scored.Probabilities[i][k] >= thresholds[k]).ToHashSet()).ToList();
        var hybrid = Enumerable.Range(0, scored.Set.Count)
            .Select(i => Categories.Where((c, k) => rules[i].Contains(c) || (longEnough[i] && scored.Probabilities[i][k] >= thresholds[k])).ToHashSet()).ToList();
        var hybridHalf = Enumerable.Range(0, scored.Set.Count)
            .Select(i => Categories.Where((c, k) => rules[i].Contains(c) || scored.Probabilities[i][k] >= 0.5).ToHashSet()).ToList();
        say(string.Create(CultureInfo.InvariantCulture, $"\n{title}: {scored.Set.Count} messages"));
        say(Table([("(a) rules only", rules), ("(b) head only (≥ 0.5)", head), ("(b') head only (CV thresholds, min words)", headAtThresholds), ("(c) hybrid (CV thresholds, min words)", hybrid), ("(d) hybrid, head ≥ 0.5", hybridHalf)], scored.Set));
    }

    private static List<HashSet<string>> Predict(double[][] probabilities, double threshold) =>
        Predict(probabilities, [.. Enumerable.Repeat(threshold, Categories.Count)]);

    private static List<HashSet<string>> Predict(double[][] probabilities, double[] thresholds) =>
        [.. probabilities.Select(p => Categories.Where((c, k) => p[k] >= thresholds[k]).ToHashSet())];

    private static string Table(List<(string Name, List<HashSet<string>> Predicted)> detectors, List<LabeledMessage> set)
    {
        var text = new StringBuilder();
        text.Append("| Detector |");
        foreach (var category in Categories)
        {
            text.Append(CultureInfo.InvariantCulture, $" {category} P / R |");
        }
        text.AppendLine(" flagged hard negatives |");
        text.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", Categories.Count))).AppendLine("---:|");
        foreach (var (name, predicted) in detectors)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {name} |");
            foreach (var category in Categories)
            {
                int tp = 0, fp = 0, fn = 0;
                for (var i = 0; i < set.Count; i++)
                {
                    var expected = set[i].Categories.Contains(category);
                    var found = predicted[i].Contains(category);
                    tp += expected && found ? 1 : 0;
                    fp += !expected && found ? 1 : 0;
                    fn += expected && !found ? 1 : 0;
                }
                var precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
                var recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
                text.Append(CultureInfo.InvariantCulture, $" {precision:0.00} / {recall:0.00} ({tp}/{tp + fn}, {fp} FP) |");
            }
            var negatives = Enumerable.Range(0, set.Count).Where(i => set[i].Categories.Count == 0).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $" {negatives.Count(i => predicted[i].Count > 0)} of {negatives.Count} |");
        }
        return text.ToString().TrimEnd();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static long Rss() => StatusKb("VmRSS:") * 1024;

    private static long PeakRss() => StatusKb("VmHWM:") * 1024;

    private static long StatusKb(string key)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
