using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PeerCircle.Web.Features.Safety.RiskLanguage;

namespace PeerCircle.Benchmarks;

/// <summary>
/// <c>risk</c>: per-message latency (p50/p95/p99/max) and throughput of <see cref="RiskDetector"/> over the labeled
/// evaluation set, one thread and then all cores. Target (issue 6): p95 ≤ 25 ms per message on this 2-core machine.
/// </summary>
public static class RiskLatency
{
    public const double TargetP95Ms = 25;

    public static int Run(string[] args)
    {
        // The app's detector (the hybrid: rules + MiniLM head, decision record 0007) by default; --rules-only for the rules.
        var rulesOnly = args.Contains("--rules-only");
        var roundsAt = Array.IndexOf(args, "--rounds");
        var rounds = roundsAt >= 0 && roundsAt + 1 < args.Length ? int.Parse(args[roundsAt + 1], CultureInfo.InvariantCulture) : rulesOnly ? 20 : 3;
        var file = Path.Combine(DirectorySearchScenario.FindRepoRoot(), "content", "safety", "risk-eval.jsonl");
        var texts = File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToArray();

        // Cold start: the first message pays for the regular expressions' set-up and, for the hybrid, loading the model.
        var cold = Stopwatch.StartNew();
        var detector = rulesOnly ? new RiskDetector() : RiskDetector.Hybrid();
        detector.Detect(texts[0]);
        cold.Stop();

        // Warm-up: a few passes so the JIT has finished tiering up.
        for (var i = 0; i < (rulesOnly ? 5 : 1); i++)
        {
            foreach (var text in texts)
            {
                detector.Detect(text);
            }
        }

        var samples = new double[texts.Length * rounds];
        var n = 0;
        var total = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                detector.Detect(text);
                samples[n++] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
        total.Stop();
        var singleThroughput = n / total.Elapsed.TotalSeconds;

        var parallel = Stopwatch.StartNew();
        var work = Enumerable.Range(0, rounds).SelectMany(_ => texts).ToArray();
        Parallel.ForEach(work, text => detector.Detect(text));
        parallel.Stop();
        var parallelThroughput = work.Length / parallel.Elapsed.TotalSeconds;

        Array.Sort(samples);
        double P(double q) => samples[Math.Max(0, (int)Math.Ceiling(q * samples.Length) - 1)];
        var p95 = P(0.95);
        var pass = p95 <= TargetP95Ms;
        var lines = new[]
        {
            $"Risk detector ({(rulesOnly ? "rules only" : "rules + MiniLM head")}) over {texts.Length} messages × {rounds} rounds = {n} detections ({Environment.ProcessorCount} cores, .NET {Environment.Version})",
            $"Cold start (construct + first message): {cold.Elapsed.TotalMilliseconds:0.0} ms",
            "| p50 ms | p95 ms | p99 ms | max ms | mean ms | msgs/s (1 thread) | msgs/s (all cores) |",
            "|---:|---:|---:|---:|---:|---:|---:|",
            $"| {P(0.50):0.000} | {p95:0.000} | {P(0.99):0.000} | {samples[^1]:0.000} | {samples.Average():0.000} | {singleThroughput:0} | {parallelThroughput:0} |",
            $"Target p95 ≤ {TargetP95Ms} ms: {(pass ? "PASS" : "FAIL")}",
        };
        foreach (var line in lines)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line}"));
        }
        return pass ? 0 : 1;
    }
}
