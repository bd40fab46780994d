using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using BenchmarkDotNet.Running;
using PeerCircle.Benchmarks;
using PeerCircle.Benchmarks.Micro;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkSwitcher.FromTypes([typeof(DirectoryMicroBenchmarks), typeof(RiskMicroBenchmarks)]).Run(args[1..], MicroConfig.Create());
    return 0;
}
if (args.Length > 0 && args[0] == "explain")
{
    return ExplainCommand.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "risk")
{
    return RiskLatency.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "risk-hybrid")
{
    return RiskHybrid.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "risk-predict")
{
    return RiskPredict.Run(args[1..]);
}
if (args.Length > 0 && args[0] == "outcomes")
{
    return await PeerCircle.Benchmarks.Outcomes.OutcomesScenario.MainAsync(args[1..]);
}
if (args.Length > 0 && args[0] == "runner")
{
    return await PeerCircle.Benchmarks.LiveRunner.RunnerScenario.MainAsync(args[1..]);
}
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    await Console.Error.WriteLineAsync($"{ex.Message}\n\n{BenchOptions.Usage}");
    return 2;
}

#if DEBUG
Console.WriteLine("WARNING: the load generator is a Debug build; run with -c Release for figures worth quoting.");
#endif

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return await DirectorySearchScenario.RunAsync(options, stop.Token);
}
catch (Exception ex) when (ex is not OperationCanceledException)
{
    await Console.Error.WriteLineAsync($"The load scenario failed: {ex}");
    return 2;
}

namespace PeerCircle.Benchmarks
{
    /// <summary>
    /// The directory search with 5,000 groups and 40,000 ZIP centroids at 50 concurrent clients, side by side with
    /// the app's bare liveness endpoint, in one run against one server process.
    /// </summary>
    public static class DirectorySearchScenario
    {
        public const double TargetP95Ms = 50;
        public const double TargetThroughputShare = 0.30;
        public const long TargetWorkingSetMb = 500;

        public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
        {
            var repoRoot = FindRepoRoot();
            var appDll = options.AppDll
                ?? Path.Combine(repoRoot, "src", "PeerCircle.Web", "bin", "Release", "net10.0", "PeerCircle.Web.dll");
            if (!File.Exists(appDll))
            {
                throw new FileNotFoundException(
                    $"No app build at {appDll}. Build it first: dotnet build -c Release src/PeerCircle.Web", appDll);
            }
            var workDir = Path.Combine(Path.GetTempPath(), $"peercircle-bench-{Environment.ProcessId}-{DateTime.UtcNow:yyyyMMddHHmmss}");
            Directory.CreateDirectory(workDir);
            try
            {
                return await RunInAsync(options, repoRoot, appDll, workDir, cancellationToken);
            }
            finally
            {
                if (options.KeepDatabase)
                {
                    Console.WriteLine($"Kept the database and server log in {workDir}");
                }
                else
                {
                    TryDelete(workDir);
                }
            }
        }

        private static async Task<int> RunInAsync(BenchOptions options, string repoRoot, string appDll, string workDir,
            CancellationToken cancellationToken)
        {
            var centroids = ZipCentroids.Load(Path.Combine(repoRoot, ZipCentroids.RelativePath));
            var realCentroids = centroids.Rows.Count;
            string? syntheticZip = null;
            if (options.Centroids > realCentroids)
            {
                // The same build, copied so its gazetteer can hold the scenario's 40,000 centroids.
                var appCopy = Path.Combine(workDir, "app");
                CopyDirectory(Path.GetDirectoryName(appDll)!, appCopy);
                syntheticZip = centroids.WritePadded(
                    Path.Combine(appCopy, ZipCentroids.RelativePath), options.Centroids, options.Seed);
                appDll = Path.Combine(appCopy, Path.GetFileName(appDll));
            }
            var totalCentroids = Math.Max(options.Centroids, realCentroids);

            Console.WriteLine($"Seeding {options.Groups:N0} groups through the app's SQLite migrations...");
            var databasePath = Path.Combine(workDir, "bench.db");
            var seed = await DirectorySeeder.SeedAsync(databasePath, centroids, options.Groups, options.Seed);
            Console.WriteLine($"  done in {seed.Elapsed.TotalSeconds:F1} s: {seed.Searchable:N0} searchable (recruiting or active), "
                + $"{seed.InPerson:N0} in person, {seed.Hybrid:N0} hybrid, {seed.Remote:N0} remote only, "
                + $"{seed.CancerFocusRows:N0} cancer-focus rows, {seed.PopulatedZips.Count:N0} ZIPs with a searchable group.");

            if (options.DatabaseSql.Count > 0)
            {
                await DirectorySeeder.ApplySqlAsync(databasePath, options.DatabaseSql);
            }
            var searchPool = DirectoryQueries.Build(seed, centroids, 20_000, options.Seed + 1);
            var barePool = new[] { new LoadRequest(DirectoryQueries.BarePath, QueryKind.Bare) };

            Console.WriteLine($"Starting {appDll} (Production, SQLite at {databasePath})...");
            await using var server = await AppServer.StartAsync(appDll, workDir, databasePath, options.LogSql, options.ServerEnvironment);
            var startupHwmKb = server.Memory().HwmKb;
            Console.WriteLine($"  live at {server.BaseAddress} (pid {server.ProcessId}), working set {server.Memory().RssKb / 1024} MB.");

            using var client = LoadGenerator.CreateClient(server.BaseAddress, options.Clients);
            var sanity = await CheckAsync(client, searchPool, syntheticZip, cancellationToken);
            Console.WriteLine($"  check: {sanity}");

            var load = new LoadGenerator(client, options.Clients, options.MaxRequestsPerPhase);
            if (options.WarmupSeconds > 0)
            {
                Console.WriteLine($"Warming up for {options.WarmupSeconds} s (search) + {Math.Min(5, options.WarmupSeconds)} s (bare)...");
                await load.RunAsync("warm-up search", searchPool, TimeSpan.FromSeconds(options.WarmupSeconds), server, cancellationToken);
                await load.RunAsync("warm-up bare", barePool, TimeSpan.FromSeconds(Math.Min(5, options.WarmupSeconds)), server, cancellationToken);
            }
            var warmupHwmKb = server.Memory().HwmKb;

            Console.WriteLine($"Measuring GET {DirectoryQueries.BarePath} for {options.MeasureSeconds} s at {options.Clients} clients...");
            var bare = await load.RunAsync($"GET {DirectoryQueries.BarePath} (bare)", barePool,
                TimeSpan.FromSeconds(options.MeasureSeconds), server, cancellationToken);
            Console.WriteLine($"Measuring GET /api/groups for {options.MeasureSeconds} s at {options.Clients} clients...");
            var search = await load.RunAsync("GET /api/groups (search)", searchPool,
                TimeSpan.FromSeconds(options.MeasureSeconds), server, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The app stopped during the run. Log tail:\n{server.LogTail(30)}");
            }

            var report = Report.Write(new ReportInput(options, appDll, seed, realCentroids, totalCentroids, syntheticZip is not null,
                searchPool.Length, sanity, bare, search, startupHwmKb, warmupHwmKb, server.Memory().RssKb));
            Console.WriteLine();
            Console.WriteLine(report.Markdown);
            if (options.OutFile is not null)
            {
                await File.WriteAllTextAsync(options.OutFile, report.Markdown, cancellationToken);
                Console.WriteLine($"Report written to {options.OutFile}");
            }
            if (options.KeepDatabase)
            {
                Console.WriteLine($"Server log: {server.LogPath}");
            }
            return report.AllTargetsMet ? 0 : 1;
        }

        /// <summary>Sends each of the first 200 queries once, in order, and checks they succeed and find groups.</summary>
        private static async Task<SanityCheck> CheckAsync(HttpClient client, IReadOnlyList<LoadRequest> pool, string? syntheticZip,
            CancellationToken cancellationToken)
        {
            if (syntheticZip is not null)
            {
                using var synthetic = await client.GetAsync(new Uri($"/api/groups?zip={syntheticZip}", UriKind.Relative), cancellationToken);
                if (!synthetic.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException(
                        $"The padded gazetteer was not loaded: ZIP {syntheticZip} answered {(int)synthetic.StatusCode}.");
                }
            }
            var totals = new List<int>();
            foreach (var request in pool.Take(200))
            {
                using var response = await client.GetAsync(new Uri(request.Url, UriKind.Relative), cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{request.Url} answered {(int)response.StatusCode}: {body}");
                }
                using var json = JsonDocument.Parse(body);
                totals.Add(json.RootElement.GetProperty("total").GetInt32());
            }
            return new SanityCheck(totals.Count, totals.Count(t => t > 0), totals.Count == 0 ? 0 : totals.Average(), totals.Max(),
                syntheticZip);
        }

        internal static string FindRepoRoot()
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "PeerCircle.slnx")))
                    {
                        return dir.FullName;
                    }
                }
            }
            throw new InvalidOperationException("Could not find the repository root (PeerCircle.slnx) above the benchmark or the current folder.");
        }

        private static void CopyDirectory(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        internal static void TryDelete(string folder)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"Could not delete {folder}: {ex.Message}");
            }
        }
    }

    public sealed record SanityCheck(int Queries, int WithResults, double MeanTotal, int MaxTotal, string? SyntheticZipChecked)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture,
                $"{Queries} distinct queries answered 200; {WithResults} found at least one group; mean total {MeanTotal:F0}, max {MaxTotal}")
            + (SyntheticZipChecked is null ? "" : $"; synthetic ZIP {SyntheticZipChecked} accepted (padded gazetteer loaded)");
    }

    public sealed record ReportInput(
        BenchOptions Options, string AppDll, SeedResult Seed, int RealCentroids, int TotalCentroids, bool Padded, int DistinctQueries,
        SanityCheck Sanity, PhaseResult Bare, PhaseResult Search, long StartupHwmKb, long WarmupHwmKb, long FinalRssKb);

    internal static class Machine
    {
        public static string Describe()
        {
            var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
            var cpu = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                : null;
            return string.Create(CultureInfo.InvariantCulture,
                $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, {memory:F0} GB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        }
    }
}
