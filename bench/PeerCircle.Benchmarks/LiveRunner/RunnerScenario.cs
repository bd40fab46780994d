using System.Diagnostics;
using Microsoft.Playwright;

namespace PeerCircle.Benchmarks.LiveRunner;

/// <summary>
/// The live meeting runner with two facilitators and twelve check-ins streaming in: how long a member's check-in takes
/// to appear on each facilitator's runner, and a part change by the lead on the co-facilitator's.
/// </summary>
public static class RunnerScenario
{
    /// <summary>Ours, not the issue's: a facilitator reads a member's check-in (or follows a part change) within a second.</summary>
    public const double TargetP95Ms = 1000;

    public const string DemoPassword = "bench-runner-demo-password";
    public const string DemoTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private const string DefaultChromiumPath = "/usr/bin/chromium";
    private const int PollMs = 25;

    private static readonly string[] FeelingWords =
        ["tired", "hopeful", "anxious", "calm", "worn out", "okay", "grateful", "scared", "steady", "restless", "sad", "better"];

    private static readonly string[] Notes =
        ["Scan results on Friday.", "Could we talk about sleep?", "My sister is visiting, so I may be late.", "First week off chemo."];

    public static async Task<int> MainAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(RunnerOptions.Usage);
            return 0;
        }
        RunnerOptions options;
        try
        {
            options = RunnerOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n\n{RunnerOptions.Usage}");
            return 2;
        }
#if DEBUG
        Console.WriteLine("WARNING: the benchmark is a Debug build; run with -c Release for figures worth quoting.");
#endif
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            return await RunAsync(options, stop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"The runner scenario failed: {ex}");
            return 2;
        }
    }

    private static async Task<int> RunAsync(RunnerOptions options, CancellationToken cancellationToken)
    {
        var repoRoot = DirectorySearchScenario.FindRepoRoot();
        var appDll = options.AppDll
            ?? Path.Combine(repoRoot, "src", "PeerCircle.Web", "bin", "Release", "net10.0", "PeerCircle.Web.dll");
        if (!File.Exists(appDll))
        {
            throw new FileNotFoundException($"No app build at {appDll}. Build it first: dotnet build -c Release src/PeerCircle.Web", appDll);
        }
        var chromium = options.ChromiumPath
            ?? (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : DefaultChromiumPath);
        if (!File.Exists(chromium))
        {
            throw new FileNotFoundException($"Chromium not found at {chromium}; set CHROMIUM_PATH or pass --chromium.", chromium);
        }
        var workDir = Path.Combine(Path.GetTempPath(), $"peercircle-bench-runner-{Environment.ProcessId}-{DateTime.UtcNow:yyyyMMddHHmmss}");
        Directory.CreateDirectory(workDir);
        try
        {
            return await RunInAsync(options, appDll, chromium, workDir, cancellationToken);
        }
        finally
        {
            if (options.KeepDatabase)
            {
                Console.WriteLine($"Kept the database and server log in {workDir}");
            }
            else
            {
                DirectorySearchScenario.TryDelete(workDir);
            }
        }
    }

    private static async Task<int> RunInAsync(RunnerOptions options, string appDll, string chromium, string workDir,
        CancellationToken cancellationToken)
    {
        var databasePath = Path.Combine(workDir, "bench.db");
        var environment = new List<KeyValuePair<string, string>>
        {
            new("ASPNETCORE_ENVIRONMENT", "Development"),
            new("Demo__Seed", "true"),
            new("Demo__Password", DemoPassword),
            new("Demo__TotpSecret", DemoTotpSecret),
            new("RateLimits__AccountPostsPerMinute", "100000"),
            new("App__BehindProxy", "false"),
            new("Reminders__Enabled", "false"),
            // Request logging at Information would put the console on the measured path.
            new("Logging__LogLevel__Default", "Warning"),
        };
        environment.AddRange(options.ServerEnvironment);

        Console.WriteLine($"Starting {appDll} (Development, demo program seeded, SQLite at {databasePath})...");
        await using var server = await AppServer.StartAsync(appDll, workDir, databasePath, logSql: false, environment);
        Console.WriteLine($"  live at {server.BaseAddress} (pid {server.ProcessId}), working set {server.Memory().RssKb / 1024} MB.");

        var group = await RunnerSeeder.AddGroupAsync(databasePath, cancellationToken);
        Console.WriteLine($"Added '{group.Name}' ({group.Members.Count} members; weekly meeting began {group.LocalStart:HH:mm} {group.TimeZoneId}).");

        var members = group.Members.Select(m => new MemberClient(server.BaseAddress, m)).ToList();
        try
        {
            Console.WriteLine("Signing in the 12 members over HTTP...");
            foreach (var member in members)
            {
                await member.SignInAsync(DemoPassword, cancellationToken);
            }

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = chromium,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                    "--disable-backgrounding-occluded-windows",
                ],
            });
            Console.WriteLine($"Signing in both facilitators in Chromium {browser.Version}...");
            await using var lead = await FacilitatorPage.OpenAsync(browser, server.BaseAddress, RunnerSeeder.LeadEmail);
            await using var co = await FacilitatorPage.OpenAsync(browser, server.BaseAddress, RunnerSeeder.CoEmail);
            await lead.SignInAsync(DemoPassword, DemoTotpSecret);
            await co.SignInAsync(DemoPassword, DemoTotpSecret);
            var runPath = await lead.FindRunnerPathAsync(group.Name);
            await lead.OpenRunnerAsync(runPath);
            await co.OpenRunnerAsync(runPath);
            foreach (var page in new[] { lead, co })
            {
                var heading = await page.HeadingAsync();
                if (heading?.Trim() != "Ready when you are")
                {
                    throw new InvalidOperationException($"{page.Email}'s runner shows '{heading}', not 'Ready when you are'.");
                }
            }
            Console.WriteLine($"  both runners open at {runPath}: Ready when you are.");

            var run = new RunState(options, group, members, lead, co, cancellationToken);
            for (var round = 1; round <= options.WarmupRounds; round++)
            {
                Console.WriteLine($"Warm-up round {round} of {options.WarmupRounds}...");
                await run.RoundAsync(run.Warmup);
            }

            var startupHwmKb = server.Memory().HwmKb;
            var hwmReset = server.ResetPeak();
            var serverCpuBefore = server.CpuTime();
            var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var browserCpuBefore = ProcessTreeCpu.BrowserTime(server.ProcessId);
            var machineBefore = MachineCpu.BusyTime();
            var wall = Stopwatch.StartNew();
            for (var round = 1; round <= options.Rounds; round++)
            {
                await run.RoundAsync(run.Measured);
                var m = run.Measured;
                Console.WriteLine($"Round {round} of {options.Rounds}: {m.CheckInToLead.Count} check-ins on the lead's page, "
                    + $"{m.CheckInToCo.Count} on the co-facilitator's, {m.PhaseToCo.Count} part changes followed, {m.Missing.Count} missing so far.");
            }
            wall.Stop();
            var serverCpu = server.CpuTime() - serverCpuBefore;
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore;
            var browserCpu = ProcessTreeCpu.BrowserTime(server.ProcessId) - browserCpuBefore;
            var machineBusy = MachineCpu.BusyTime() - machineBefore;
            var peakKb = Math.Max(server.Memory().HwmKb, server.PhaseMaxRssKb);
            var loadAverage = MachineCpu.LoadAverage();

            // Afterwards, when the JIT has settled: what two open runners cost with nobody doing anything.
            var idle = TimeSpan.Zero;
            if (options.IdleSeconds > 0)
            {
                Console.WriteLine($"Both runners open, nobody doing anything, for {options.IdleSeconds} s...");
                var idleBefore = server.CpuTime();
                await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), cancellationToken);
                idle = server.CpuTime() - idleBefore;
            }
            var usage = new ResourceUsage(
                wall.Elapsed,
                serverCpu,
                clientCpu,
                browserCpu,
                machineBusy,
                startupHwmKb,
                peakKb,
                hwmReset,
                server.Memory().RssKb,
                loadAverage,
                TimeSpan.FromSeconds(options.IdleSeconds),
                idle);
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The app stopped during the run. Log tail:\n{server.LogTail(30)}");
            }

            var report = RunnerReport.Write(new RunnerReportInput(options, appDll, browser.Version, run.Warmup, run.Measured, usage));
            Console.WriteLine();
            Console.WriteLine(report.Markdown);
            if (options.OutFile is not null)
            {
                await File.WriteAllTextAsync(options.OutFile, report.Markdown, cancellationToken);
                Console.WriteLine($"Report written to {options.OutFile}");
            }
            return report.AllTargetsMet ? 0 : 1;
        }
        finally
        {
            foreach (var member in members)
            {
                member.Dispose();
            }
        }
    }

    /// <summary>The scenario's moving parts and what the rounds have measured so far.</summary>
    private sealed class RunState(
        RunnerOptions options, RunnerGroup group, IReadOnlyList<MemberClient> members, FacilitatorPage lead, FacilitatorPage co,
        CancellationToken cancellationToken)
    {
        private readonly Random _random = new(options.Seed);
        private readonly int?[] _lastScore = new int?[members.Count];
        private bool _started;

        public Measurements Warmup { get; } = new();
        public Measurements Measured { get; } = new();

        public async Task RoundAsync(Measurements into)
        {
            into.Rounds++;
            await CheckInsAsync(into);
            await Task.Delay(300, cancellationToken);
            await WalkThePartsAsync(into);
            await Task.Delay(300, cancellationToken);
        }

        /// <summary>All twelve members check in once, each at a seeded random moment in the window, with a new score.</summary>
        private async Task CheckInsAsync(Measurements into)
        {
            // Each member has the page open before the burst, as a person does before choosing a number.
            await Task.WhenAll(members.Select(m => m.OpenCheckInAsync(group.Slug, cancellationToken)));
            await Task.Delay(500, cancellationToken);
            await PollBothAsync();

            var plan = members.Select((member, i) =>
            {
                int score;
                do
                {
                    score = _random.Next(0, 11);
                }
                while (score == _lastScore[i]);
                _lastScore[i] = score;
                var feeling = _random.Next(4) == 0 ? null : FeelingWords[_random.Next(FeelingWords.Length)];
                var note = _random.Next(3) == 0 ? Notes[_random.Next(Notes.Length)] : null;
                return (Member: member, Offset: TimeSpan.FromMilliseconds(_random.Next(options.SpreadMs + 1)), Score: score, Feeling: feeling, Note: note);
            }).ToList();

            var roundStart = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var burst = Stopwatch.StartNew();
            var posts = plan.Select(async p =>
            {
                var wait = p.Offset - burst.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
                return await p.Member.CheckInAsync(group.Slug, p.Score, p.Feeling, p.Note, cancellationToken);
            }).ToList();
            var allPosted = Task.WhenAll(posts);
            while (!allPosted.IsCompleted)
            {
                await PollBothAsync();
                await Task.WhenAny(allPosted, Task.Delay(PollMs, cancellationToken));
            }
            var results = await allPosted;

            var expected = new List<(CheckInPost Post, FacilitatorPage Page, List<double> Into)>();
            foreach (var post in results)
            {
                if (post.Error is not null)
                {
                    into.FailedPosts.Add($"{post.Member.Email} ({post.Member.DisplayName}) round {into.Rounds}: {post.Error}");
                    continue;
                }
                into.PostResponse.Add(post.ResponseMs);
                expected.Add((post, lead, into.CheckInToLead));
                expected.Add((post, co, into.CheckInToCo));
            }

            var deadline = results.Max(r => r.SentEpochMs) + options.TimeoutMs;
            List<(CheckInPost Post, FacilitatorPage Page, List<double> Into)> waiting = expected;
            while (true)
            {
                var still = new List<(CheckInPost, FacilitatorPage, List<double>)>();
                foreach (var (post, page, list) in waiting)
                {
                    var seen = page.Seen.FirstOrDefault(e => e.Kind == "checkin" && e.Name == post.Member.DisplayName
                        && e.Value == post.Distress && e.T >= roundStart);
                    if (seen is null)
                    {
                        still.Add((post, page, list));
                    }
                    else
                    {
                        list.Add(seen.T - post.SentEpochMs);
                    }
                }
                waiting = still;
                if (waiting.Count == 0 || DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() > deadline)
                {
                    break;
                }
                await Task.Delay(PollMs, cancellationToken);
                await PollBothAsync();
            }
            foreach (var (post, page, _) in waiting)
            {
                into.Missing.Add($"round {into.Rounds}: {post.Member.DisplayName}'s check-in {post.Distress}/10 never showed on {page.Email}'s runner");
            }
        }

        /// <summary>The lead starts the meeting (first time only), then four times "Next part" and four times "Back a part".</summary>
        private async Task WalkThePartsAsync(Measurements into)
        {
            var steps = new List<(string Button, int Part)>();
            if (!_started)
            {
                steps.Add(("Start the meeting", 1));
                _started = true;
            }
            steps.AddRange(Enumerable.Range(2, 4).Select(part => ("Next part", part)));
            steps.AddRange(Enumerable.Range(1, 4).Reverse().Select(part => ("Back a part", part)));

            foreach (var (button, part) in steps)
            {
                await PollBothAsync();
                var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                await lead.Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
                var expected = $"Part {part} of 6";
                var deadline = before + options.TimeoutMs;
                PageEvent? click = null, onLead = null, onCo = null;
                while (true)
                {
                    await PollBothAsync();
                    click ??= lead.Seen.FirstOrDefault(e => e.Kind == "click" && e.Name == button && e.T >= before);
                    onLead ??= lead.Seen.FirstOrDefault(e => e.Kind == "heading" && e.T >= before && e.Name?.StartsWith(expected, StringComparison.Ordinal) == true);
                    onCo ??= co.Seen.FirstOrDefault(e => e.Kind == "heading" && e.T >= before && e.Name?.StartsWith(expected, StringComparison.Ordinal) == true);
                    if ((onLead is not null && onCo is not null) || DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() > deadline)
                    {
                        break;
                    }
                    await Task.Delay(PollMs, cancellationToken);
                }
                // The page's own click time when it saw the click; else just before Playwright was asked to click.
                var clickedAt = click?.T ?? before;
                if (onCo is null)
                {
                    into.Missing.Add($"round {into.Rounds}: '{button}' → {expected} never showed on {co.Email}'s runner");
                }
                else
                {
                    into.PhaseToCo.Add(onCo.T - clickedAt);
                }
                if (onLead is null)
                {
                    into.Missing.Add($"round {into.Rounds}: '{button}' → {expected} never showed on {lead.Email}'s own runner; the walk stops here");
                    return;
                }
                into.PhaseToLead.Add(onLead.T - clickedAt);
                // A facilitator does not click again in the same instant.
                await Task.Delay(200, cancellationToken);
            }
        }

        private Task PollBothAsync() => Task.WhenAll(lead.PollAsync(), co.PollAsync());
    }
}

/// <summary>Latencies in milliseconds, and what went wrong, over a set of rounds.</summary>
public sealed class Measurements
{
    public int Rounds { get; set; }
    public List<double> CheckInToLead { get; } = [];
    public List<double> CheckInToCo { get; } = [];
    public List<double> PostResponse { get; } = [];
    public List<double> PhaseToCo { get; } = [];
    public List<double> PhaseToLead { get; } = [];
    public List<string> Missing { get; } = [];
    public List<string> FailedPosts { get; } = [];
}

public sealed record ResourceUsage(
    TimeSpan Wall, TimeSpan ServerCpu, TimeSpan ClientCpu, TimeSpan BrowserCpu, TimeSpan MachineBusyCpu, long StartupHwmKb, long PeakKb,
    bool HwmWasReset, long FinalRssKb, double LoadAverageAtEnd, TimeSpan IdleWall, TimeSpan IdleServerCpu)
{
    /// <summary>Every other process on the machine (other people's builds and tests on a shared workstation).</summary>
    public TimeSpan OtherCpu => MachineBusyCpu - ServerCpu - ClientCpu - BrowserCpu is var other && other > TimeSpan.Zero ? other : TimeSpan.Zero;
}
