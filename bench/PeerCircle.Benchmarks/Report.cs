using System.Globalization;
using System.Text;

namespace PeerCircle.Benchmarks;

public sealed record ReportOutput(string Markdown, bool AllTargetsMet);

/// <summary>The Markdown report: the two endpoints side by side, the ratio, memory, and the targets.</summary>
public static class Report
{
    public static ReportOutput Write(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = input.Options;
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));

        Line($"## Directory search under load: {input.Seed.Groups:N0} groups, {input.TotalCentroids:N0} ZIP centroids, {o.Clients} clients");
        Line($"");
        Line($"- Machine: {Machine.Describe()}. **The server and the load generator share these cores** over loopback, so throughput is understated and latency overstated against a server with the machine to itself.");
        Line($"- App: `{input.AppDll}` as a child process, Production, SQLite (WAL) in a temporary file, no demo data.");
        Line($"- Data: {input.Seed.Groups:N0} groups ({input.Seed.Searchable:N0} recruiting or active; {input.Seed.InPerson:N0} in person, {input.Seed.Hybrid:N0} hybrid, {input.Seed.Remote:N0} remote only; {input.Seed.CancerFocusRows:N0} cancer-focus rows), in-person venues at real ZIP centroids around {input.Seed.MetroZips.Count} metros and across the country.");
        if (input.Padded)
        {
            Line($"- Gazetteer: the shipped file has {input.RealCentroids:N0} real ZCTAs; this run padded a copy of the app's file with {input.TotalCentroids - input.RealCentroids:N0} synthetic codes to {input.TotalCentroids:N0}. A ZIP lookup is one FrozenDictionary probe, so search cost does not depend on the gazetteer's size.");
        }
        else
        {
            Line($"- Gazetteer: the shipped file as-is, {input.RealCentroids:N0} real ZCTAs (the scenario says 40,000; a ZIP lookup is one FrozenDictionary probe, so search cost does not depend on the gazetteer's size).");
        }
        if (o.DatabaseSql.Count > 0)
        {
            Line($"- **Experiment:** SQL applied to the seeded database before start: `{string.Join("; ", o.DatabaseSql)}`.");
        }
        if (o.ServerEnvironment.Count > 0)
        {
            Line($"- **Experiment:** extra app environment: `{string.Join(" ", o.ServerEnvironment.Select(e => $"{e.Key}={e.Value}"))}`.");
        }
        Line($"- Load: {o.Clients} closed-loop clients on kept-alive HTTP/1.1 connections; {o.WarmupSeconds} s warm-up, then {o.MeasureSeconds} s per endpoint, bare first, in the same server process. Search requests cycle through {input.DistinctQueries:N0} seeded queries (65 % with a ZIP at 10–100 miles, filter mixes, pages 1–3). Check before load: {input.Sanity}.");
        Line($"");
        Line($"| Endpoint | Requests | Errors | Req/s | p50 ms | p95 ms | p99 ms | max ms | Server CPU | Server CPU/req | Client CPU | Other CPU | Server peak RSS |");
        Line($"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Row(md, input.Search.Name, input.Search, input.Search.All, input.Search.RequestsPerSecond);
        foreach (var (kind, label) in new[] { (QueryKind.SearchWithZip, "  ↳ with ZIP"), (QueryKind.SearchWithoutZip, "  ↳ without ZIP") })
        {
            if (input.Search.ByKind.TryGetValue(kind, out var stats))
            {
                Row(md, label, null, stats, stats.Count / input.Search.Elapsed.TotalSeconds);
            }
        }
        Row(md, input.Bare.Name, input.Bare, input.Bare.All, input.Bare.RequestsPerSecond);
        Line($"");

        var ratio = input.Search.RequestsPerSecond / input.Bare.RequestsPerSecond;
        var peakKb = new[] { input.StartupHwmKb, input.WarmupHwmKb, input.Bare.ServerHwmKb, input.Search.ServerHwmKb, input.Bare.ServerPeakRssKb, input.Search.ServerPeakRssKb }.Max();
        Line($"- CPU columns are shares of all {Environment.ProcessorCount} cores over the phase; \"Other\" is everything else on the machine (load average at the end: search {input.Search.LoadAverageAtEnd:F1}, bare {input.Bare.LoadAverageAtEnd:F1}). When Other is large, throughput and latency are pessimistic; server CPU per request is the figure least affected by other load.");
        Line($"- Search throughput is **{ratio:P1}** of the bare endpoint's ({input.Search.RequestsPerSecond:N0} vs {input.Bare.RequestsPerSecond:N0} req/s). The clients are a closed loop, so mean latency ≈ clients ÷ throughput ({o.Clients} ÷ {input.Search.RequestsPerSecond:N0} req/s = {o.Clients * 1000.0 / input.Search.RequestsPerSecond:N0} ms): a p95 of {DirectorySearchScenario.TargetP95Ms:F0} ms at {o.Clients} clients needs well over {o.Clients * 1000.0 / DirectorySearchScenario.TargetP95Ms:N0} req/s.");
        Line($"- Server working set: peak **{peakKb / 1024.0:N0} MB** (kernel VmHWM, whole run including start-up; {(input.Search.HwmWasReset ? "reset per phase through /proc/PID/clear_refs" : "not resettable here, so lifetime")}), {input.FinalRssKb / 1024.0:N0} MB at the end. Start-up {input.StartupHwmKb / 1024.0:N0} MB, after warm-up {input.WarmupHwmKb / 1024.0:N0} MB.");
        Line($"- Mean response: search {input.Search.ResponseBytes / Math.Max(1.0, input.Search.All.Count + input.Search.Errors) / 1024:N1} KiB, bare {input.Bare.ResponseBytes / Math.Max(1.0, input.Bare.All.Count + input.Bare.Errors):N0} B.");
        foreach (var phase in new[] { input.Search, input.Bare }.Where(p => p.Errors > 0))
        {
            Line($"- Errors in {phase.Name}: {string.Join(", ", phase.ErrorsByKind.Select(e => $"{e.Key} × {e.Value}"))}; e.g. {string.Join(" | ", phase.ErrorSamples)}");
        }
        Line($"");

        var p95 = input.Search.All.Percentile(95);
        var targets = new (string Target, string Measured, bool Met)[]
        {
            ($"search p95 ≤ {DirectorySearchScenario.TargetP95Ms:F0} ms", $"{p95:F1} ms", p95 <= DirectorySearchScenario.TargetP95Ms),
            ($"search throughput ≥ {DirectorySearchScenario.TargetThroughputShare:P0} of bare", $"{ratio:P1}", ratio >= DirectorySearchScenario.TargetThroughputShare),
            ($"server working set < {DirectorySearchScenario.TargetWorkingSetMb} MB", $"{peakKb / 1024.0:N0} MB peak", peakKb / 1024 < DirectorySearchScenario.TargetWorkingSetMb),
            ("no errors", $"{input.Search.Errors + input.Bare.Errors}", input.Search.Errors + input.Bare.Errors == 0),
        };
        Line($"| Target | Measured | Result |");
        Line($"|---|---:|---|");
        foreach (var (target, measured, met) in targets)
        {
            Line($"| {target} | {measured} | {(met ? "PASS" : "**FAIL**")} |");
        }
        return new ReportOutput(md.ToString(), targets.All(t => t.Met));
    }

    private static void Row(StringBuilder md, string name, PhaseResult? phase, LatencyStats stats, double rps)
    {
        string Cpu(TimeSpan cpu) => phase is null
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"{cpu.TotalSeconds / phase.Elapsed.TotalSeconds / Environment.ProcessorCount:P0}");
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {stats.Count:N0} | {(phase is null ? "" : phase.Errors.ToString(CultureInfo.InvariantCulture))} | {rps:N0} | {stats.Percentile(50):F1} | {stats.Percentile(95):F1} | {stats.Percentile(99):F1} | {stats.Max:F1} | {Cpu(phase?.ServerCpu ?? default)} | {(phase is null ? "" : $"{phase.ServerCpu.TotalMilliseconds / Math.Max(1, stats.Count):F3} ms")} | {Cpu(phase?.ClientCpu ?? default)} | {Cpu(phase?.OtherCpu ?? default)} | {(phase is null ? "" : $"{Math.Max(phase.ServerPeakRssKb, phase.ServerHwmKb) / 1024.0:N0} MB")} |"));
    }
}
