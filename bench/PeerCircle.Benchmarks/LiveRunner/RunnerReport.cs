using System.Globalization;
using System.Text;

namespace PeerCircle.Benchmarks.LiveRunner;

public sealed record RunnerReportInput(
    RunnerOptions Options, string AppDll, string ChromiumVersion, Measurements Warmup, Measurements Measured, ResourceUsage Usage);

/// <summary>The Markdown report of the live meeting runner scenario.</summary>
public static class RunnerReport
{
    public static ReportOutput Write(RunnerReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = input.Options;
        var m = input.Measured;
        var u = input.Usage;
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));

        Line($"## Live meeting runner: 2 facilitators following one meeting, 12 check-ins per round, {o.Rounds} rounds");
        Line($"");
        Line($"- Machine: {Machine.Describe()}. **The server, headless Chromium (both facilitators) and this program share these cores**; every clock reading is this machine's.");
        Line($"- App: `{input.AppDll}` as a child process, Development with the demo program seeded, SQLite (WAL) in a temporary file. Facilitators: facilitator@demo.local (lead) and facilitator2@demo.local, each in its own Chromium {input.ChromiumVersion} context with the runner's Blazor Server connection open.");
        Line($"- Each round: the 12 members (own HttpClient and cookies each) open the check-in page, then each posts a check-in at a seeded random moment within {o.SpreadMs / 1000.0:F1} s with a score different from their last; then the lead clicks \"Start the meeting\" (first round only), \"Next part\" ×4 and \"Back a part\" ×4, waiting for both pages after each click. {o.WarmupRounds} warm-up round(s) first, left out of the figures. Seed {o.Seed}.");
        Line($"- **Check-in → page**: the moment a MutationObserver on the facilitator's page sees that person's badge show the new \"Check-in N/10\" (Date.now()) minus the moment just before the POST was sent (.NET, same wall clock). **Part change → page**: the heading \"Part X of 6\" changing on the page minus the lead's click (a capture-phase listener on the lead's page). **POST response**: send to last byte of the answer (the whole check-in page).");
        Line($"");
        Line($"| Measure | Samples | Missing | p50 ms | p95 ms | p99 ms | max ms |");
        Line($"|---|---:|---:|---:|---:|---:|---:|");
        var expectedCheckIns = m.PostResponse.Count;
        var expectedParts = m.PhaseToLead.Count;
        Row(md, "Check-in → lead's page", m.CheckInToLead, expectedCheckIns - m.CheckInToLead.Count);
        Row(md, "Check-in → co-facilitator's page", m.CheckInToCo, expectedCheckIns - m.CheckInToCo.Count);
        Row(md, "Check-in POST response", m.PostResponse, m.FailedPosts.Count);
        Row(md, "Part change → co-facilitator's page", m.PhaseToCo, Math.Max(0, expectedParts - m.PhaseToCo.Count));
        Row(md, "Part change → lead's own page", m.PhaseToLead, m.Missing.Count(x => x.Contains("own runner", StringComparison.Ordinal)));
        Line($"");

        string Share(TimeSpan cpu) => string.Create(CultureInfo.InvariantCulture, $"{cpu.TotalSeconds / u.Wall.TotalSeconds / Environment.ProcessorCount:P0}");
        var checkIns = Math.Max(1, m.PostResponse.Count);
        Line($"- Measured rounds took {u.Wall.TotalSeconds:F1} s. CPU as shares of all {Environment.ProcessorCount} cores over that time: server **{Share(u.ServerCpu)}** ({u.ServerCpu.TotalSeconds:F2} s; {u.ServerCpu.TotalMilliseconds / checkIns:F1} ms per check-in, counting everything in the rounds: the check-in page loads and posts, both runners reloading after each, the part changes and the clock ticks), this program {Share(u.ClientCpu)}, Chromium with both pages {Share(u.BrowserCpu)}, every other process on the machine {Share(u.OtherCpu)}; load average at the end {u.LoadAverageAtEnd:F1}.");
        if (u.IdleWall > TimeSpan.Zero)
        {
            Line($"- Baseline, after the rounds: with both runners open and nobody doing anything for {u.IdleWall.TotalSeconds:F0} s, the server used {u.IdleServerCpu.TotalMilliseconds / u.IdleWall.TotalSeconds:F1} ms of CPU per second (each runner redraws its clock once a second), against {u.ServerCpu.TotalMilliseconds / u.Wall.TotalSeconds:F1} ms per second during the rounds.");
        }
        Line($"- Server memory: peak **{u.PeakKb / 1024.0:N0} MB** during the measured rounds (kernel VmHWM, {(u.HwmWasReset ? "reset through /proc/PID/clear_refs before them" : "not resettable here, so lifetime")}; {u.StartupHwmKb / 1024.0:N0} MB after start-up, demo seeding, sign-ins and warm-up), {u.FinalRssKb / 1024.0:N0} MB at the end.");
        var w = input.Warmup;
        if (w.Rounds > 0)
        {
            Line($"- Warm-up ({w.Rounds} round(s), not in the table): check-in → lead p50 {Stat(w.CheckInToLead, 50)} / max {Stat(w.CheckInToLead, 100)} ms, → co-facilitator p50 {Stat(w.CheckInToCo, 50)} / max {Stat(w.CheckInToCo, 100)} ms, POST max {Stat(w.PostResponse, 100)} ms, part change → co-facilitator max {Stat(w.PhaseToCo, 100)} ms; {w.Missing.Count + w.FailedPosts.Count} missing or failed.");
        }
        foreach (var problem in m.FailedPosts.Concat(m.Missing).Concat(w.FailedPosts).Concat(w.Missing).Take(20))
        {
            Line($"- **Problem:** {problem}");
        }
        Line($"");

        var targets = new (string Target, string Measured, bool Met)[]
        {
            ($"check-in → lead's page p95 ≤ {RunnerScenario.TargetP95Ms:F0} ms", $"{Stat(m.CheckInToLead, 95)} ms", Met(m.CheckInToLead)),
            ($"check-in → co-facilitator's page p95 ≤ {RunnerScenario.TargetP95Ms:F0} ms", $"{Stat(m.CheckInToCo, 95)} ms", Met(m.CheckInToCo)),
            ($"part change → co-facilitator's page p95 ≤ {RunnerScenario.TargetP95Ms:F0} ms", $"{Stat(m.PhaseToCo, 95)} ms", Met(m.PhaseToCo)),
            ("every update arrived, every check-in saved", $"{m.Missing.Count + w.Missing.Count} missing, {m.FailedPosts.Count + w.FailedPosts.Count} failed",
                m.Missing.Count + w.Missing.Count + m.FailedPosts.Count + w.FailedPosts.Count == 0),
        };
        Line($"| Target (ours: a facilitator reads a check-in within a second) | Measured | Result |");
        Line($"|---|---:|---|");
        foreach (var (target, measured, met) in targets)
        {
            Line($"| {target} | {measured} | {(met ? "PASS" : "**FAIL**")} |");
        }
        return new ReportOutput(md.ToString(), targets.All(t => t.Met));
    }

    private static bool Met(List<double> samples) =>
        samples.Count > 0 && LatencyStats.FromMilliseconds(samples).Percentile(95) <= RunnerScenario.TargetP95Ms;

    private static string Stat(List<double> samples, double percentile)
    {
        if (samples.Count == 0)
        {
            return "–";
        }
        var stats = LatencyStats.FromMilliseconds(samples);
        return (percentile >= 100 ? stats.Max : stats.Percentile(percentile)).ToString("F0", CultureInfo.InvariantCulture);
    }

    private static void Row(StringBuilder md, string name, List<double> samples, int missing)
    {
        var s = LatencyStats.FromMilliseconds(samples);
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {s.Count:N0} | {missing} | {s.Percentile(50):F0} | {s.Percentile(95):F0} | {s.Percentile(99):F0} | {s.Max:F0} |"));
    }
}
