using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Web.Features.Outcomes.Instruments;
using PeerCircle.Web;
using PeerCircle.Web.Features.Accounts;
using PeerCircle.Web.Features.Outcomes.Reports;
using PeerCircle.Web.Features.Outcomes.Surveys;
using PeerCircle.Web.Features.Safety.Cases;
using PeerCircle.Web.Features.Safety.Oversight;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Benchmarks.Outcomes;

/// <summary>A timed page: its samples (ms to the last byte), sizes and failures.</summary>
public sealed record PageTiming(string Name, string Path, IReadOnlyList<double> Ms, long Bytes, IReadOnlyList<string> Errors)
{
    public double Percentile(double p)
    {
        if (Ms.Count == 0)
        {
            return double.NaN;
        }
        var sorted = Ms.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// The outcomes scenario: seed a program-sized database on SQLite or PostgreSQL, run the real app on it, sign in as a
/// coordinator and time the outcomes dashboard (and the benefit analysis behind it).
/// </summary>
public static class OutcomesScenario
{
    public const double TargetMs = 1000;

    /// <summary>
    /// The pages timed, in order: (name, path for round N, a text the page must contain). The app keeps a computed
    /// dashboard for 5 minutes per filter, so "computed" asks for a new date range each round (the range ends one day
    /// earlier each time: nearly the same work) and "again" repeats the default one.
    /// </summary>
    public static readonly (string Name, Func<int, string> Path, string MustContain)[] Pages =
    [
        ("Outcomes dashboard, computed", round => $"/coordinator/outcomes?to={EndDay(round)}", "</html>"),
        ("Outcomes dashboard, again within 5 minutes", _ => "/coordinator/outcomes", "</html>"),
        ("Dashboard CSV export, computed", round => $"/coordinator/outcomes/export.csv?to={EndDay(round + 100)}", ","),
    ];

    private static string EndDay(int round) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1 - round).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<int> MainAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(OutcomesOptions.Usage);
            return 0;
        }
        OutcomesOptions options;
        try
        {
            options = OutcomesOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n\n{OutcomesOptions.Usage}");
            return 2;
        }
#if DEBUG
        Console.WriteLine("WARNING: a Debug build of the bench; run with -c Release for figures worth quoting.");
#endif
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var workDir = Path.Combine(Path.GetTempPath(), $"peercircle-outcomes-{Environment.ProcessId}-{DateTime.UtcNow:yyyyMMddHHmmss}");
        Directory.CreateDirectory(workDir);
        try
        {
            return await RunInAsync(options, workDir, stop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"The outcomes scenario failed: {ex}");
            return 2;
        }
        finally
        {
            if (options.KeepDatabase)
            {
                Console.WriteLine($"Kept the database ({(options.Provider == DatabaseProvider.Postgres ? options.PostgresDatabase : options.SqliteFile ?? "bench.db")}) and the server log in {workDir}");
            }
            else
            {
                try
                {
                    await OutcomesSeeder.DropDatabaseAsync(options);
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException)
                {
                    await Console.Error.WriteLineAsync($"Could not drop {options.PostgresDatabase}: {ex.Message}");
                }
                DirectorySearchScenario.TryDelete(workDir);
            }
        }
    }

    private static async Task<int> RunInAsync(OutcomesOptions options, string workDir, CancellationToken cancellationToken)
    {
        var repoRoot = DirectorySearchScenario.FindRepoRoot();
        var centroids = ZipCentroids.Load(Path.Combine(repoRoot, ZipCentroids.RelativePath));
        var database = await OutcomesSeeder.CreateDatabaseAsync(options, workDir);
        OutcomesSeedResult seed;
        if (options.Reuse)
        {
            seed = await OutcomesSeeder.DescribeAsync(database);
            Console.WriteLine($"Reusing {database.Description}: {string.Join(", ", seed.Rows.Select(r => $"{r.Rows:N0} {r.Table}"))}");
        }
        else
        {
            Console.WriteLine($"Seeding {options.Members:N0} members and {options.Responses:N0} survey responses into {database.Description}...");
            seed = await OutcomesSeeder.SeedAsync(database, options, centroids, repoRoot);
        }
        Console.WriteLine($"  seeded {seed.TotalRows:N0} rows in {seed.Insert.TotalSeconds:F1} s "
            + $"(+ {seed.Migrate.TotalSeconds:F1} s schema, {seed.Analyze.TotalSeconds:F1} s {(database.Provider == DatabaseProvider.Postgres ? "VACUUM ANALYZE" : "checkpoint")}); size {seed.DatabaseSize}");
        if (options.DatabaseSql.Count > 0)
        {
            await ApplySqlAsync(database, options.DatabaseSql);
        }
        if (options.SeedOnly)
        {
            var seedReport = Report(options, seed, [], [], null, null);
            await WriteReportAsync(options, seedReport, cancellationToken);
            return 0;
        }

        IReadOnlyList<PageTiming> analysis = [await TimeCountingAheadAsync(database, cancellationToken), await TimeAnalysisAsync(options, database, cancellationToken)];

        var appDll = options.AppDll
            ?? Path.Combine(repoRoot, "src", "PeerCircle.Web", "bin", "Release", "net10.0", "PeerCircle.Web.dll");
        if (!File.Exists(appDll))
        {
            throw new FileNotFoundException($"No app build at {appDll}. Build it first: dotnet build -c Release src/PeerCircle.Web", appDll);
        }
        var environment = new List<KeyValuePair<string, string>>
        {
            new("App__BehindProxy", "false"),
            new("Reminders__Enabled", "false"),
            new("RateLimits__AccountPostsPerMinute", "100000"),
            // Request logging at Information would put the console on the measured path.
            new("Logging__LogLevel__Default", "Warning"),
        };
        environment.AddRange(options.ServerEnvironment);
        Console.WriteLine($"Starting {appDll} (Production, {database.Provider})...");
        await using var server = await AppServer.StartAsync(appDll, workDir, database.Provider, database.ConnectionString,
            options.LogSql, environment);
        Console.WriteLine($"  live at {server.BaseAddress} (pid {server.ProcessId}), working set {server.Memory().RssKb / 1024} MB.");

        using var coordinator = new CoordinatorClient(server.BaseAddress);
        await coordinator.SignInAsync(OutcomesSeeder.CoordinatorEmail, OutcomesSeeder.CoordinatorPassword, OutcomesSeeder.TotpSecret, cancellationToken);
        Console.WriteLine($"Signed in as {OutcomesSeeder.CoordinatorEmail} (password and authenticator code).");
        var settled = await SettleAsync(cancellationToken);
        Console.WriteLine(settled is { } waited
            ? $"  machine quiet after {waited.TotalSeconds:F0} s (the app's start-up work is done)."
            : "  the machine did not go quiet within 90 s; measuring anyway.");

        var timings = new List<PageTiming>();
        var cpuBefore = server.CpuTime();
        server.ResetPeak();
        foreach (var (name, pathOf, mustContain) in Pages)
        {
            var path = pathOf(0);
            var samples = new List<double>();
            var errors = new List<string>();
            long bytes = 0;
            for (var round = 0; round < options.WarmupRounds + options.Rounds; round++)
            {
                path = pathOf(round);
                var (status, ms, body) = await coordinator.TimedGetAsync(path, cancellationToken);
                var warm = round < options.WarmupRounds;
                Console.WriteLine($"  {(warm ? "warm-up" : "measured"),-8} GET {path}: {(int)status} in {ms:F0} ms, {body.Length / 1024.0:F0} KB");
                if (status != HttpStatusCode.OK || !body.Contains(mustContain, StringComparison.Ordinal))
                {
                    errors.Add($"{(int)status}{(status == HttpStatusCode.OK ? $" without '{mustContain}'" : $" {body[..Math.Min(body.Length, 120)]}")}");
                    Console.WriteLine($"    {errors[^1]}");
                    if (errors.Count == 1)
                    {
                        await File.WriteAllTextAsync(Path.Combine(workDir, $"failed-{timings.Count}.html"), body, cancellationToken);
                    }
                    continue;
                }
                bytes = body.Length;
                if (!warm)
                {
                    samples.Add(ms);
                }
            }
            timings.Add(new PageTiming(name, pathOf(0), samples, bytes, errors));
        }
        var serverCpu = server.CpuTime() - cpuBefore;
        var peakMb = server.PhaseMaxRssKb / 1024;
        // The app brought the schedule up to date at start-up, so this is the hourly sweep in its steady state.
        analysis = [.. analysis, await TimeSweepAsync(options, database, cancellationToken)];
        if (server.HasExited)
        {
            throw new InvalidOperationException($"The app stopped during the run. Log tail:\n{server.LogTail(30)}");
        }
        var report = Report(options, seed, analysis, timings, serverCpu, peakMb);
        await WriteReportAsync(options, report, cancellationToken);
        var met = timings.All(t => t.Errors.Count == 0 && t.Ms.Count > 0)
            && (database.Provider != DatabaseProvider.Postgres || timings.All(t => t.Percentile(95) < TargetMs));
        return met ? 0 : 1;
    }

    private static async Task WriteReportAsync(OutcomesOptions options, string report, CancellationToken cancellationToken)
    {
        Console.WriteLine();
        Console.WriteLine(report);
        if (options.OutFile is not null)
        {
            await File.WriteAllTextAsync(options.OutFile, report, cancellationToken);
            Console.WriteLine($"Report written to {options.OutFile}");
        }
    }

    private static async Task ApplySqlAsync(OutcomesDatabase database, IEnumerable<string> statements)
    {
        System.Data.Common.DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnection(database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await using (connection)
        {
            await connection.OpenAsync();
            foreach (var sql in statements)
            {
                var clock = Stopwatch.StartNew();
                await OutcomesSeeder.ExecuteAsync(connection, sql, 1200);
                Console.WriteLine($"  applied in {clock.Elapsed.TotalSeconds:F1} s: {sql}");
            }
        }
    }

    /// <summary>
    /// Waits until the machine is at least 80 % idle over 2 seconds (from <c>/proc/stat</c>), at most 90 s: the app
    /// starts with a survey sweep and the dashboard's default view, and requests measured while those run say more
    /// about the start-up than about the dashboard. Returns how long it waited, or null when it never went quiet (or
    /// there is no <c>/proc/stat</c>).
    /// </summary>
    private static async Task<TimeSpan?> SettleAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (CpuTicks() is not { } before)
            {
                return null;
            }
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            if (CpuTicks() is not { } after)
            {
                return null;
            }
            var total = after.Total - before.Total;
            if (total > 0 && (double)(after.Idle - before.Idle) / total >= 0.8)
            {
                return clock.Elapsed;
            }
        }
        return null;
    }

    /// <summary>The machine's total and idle CPU ticks so far (the first line of <c>/proc/stat</c>), or null.</summary>
    private static (long Total, long Idle)? CpuTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal …: idle and iowait count as idle.
        return (fields.Sum(), fields[3] + (fields.Length > 4 ? fields[4] : 0));
    }

    /// <summary>
    /// Counting every month that has ended ahead of time (<see cref="MonthlyCounts.CountAsync"/>), from nothing, as the
    /// app does at its first start on a database that has none: the dashboard then reads those counts. A reused database
    /// gets the app's newest schema first.
    /// </summary>
    private static async Task<PageTiming> TimeCountingAheadAsync(OutcomesDatabase database, CancellationToken cancellationToken)
    {
        await using var db = OutcomesSeeder.OpenContext(database);
        await db.Database.MigrateAsync(cancellationToken);
        await db.CountedMonths.ExecuteDeleteAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var months = await MonthlyCountsOf(db).CountAsync(cancellationToken);
        var ms = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine($"  counted {months} months ahead (benefit changes and attendance) in {ms:F0} ms");
        return new PageTiming($"Counting the {months} months that have ended ahead, from none (once at first start; after that each month is counted again daily, a few per sweep)",
            "MonthlyCounts.CountAsync", [ms], 0, []);
    }

    private static MonthlyCounts MonthlyCountsOf(PeerCircleDb db) => new(
        db, new ProgramTime(Microsoft.Extensions.Options.Options.Create(new CaseOptions())), TimeProvider.System,
        Microsoft.Extensions.Logging.Abstractions.NullLogger<MonthlyCounts>.Instance);

    /// <summary>
    /// The benefit analysis by itself, in this process, through the app's own classes on the seeded database: every
    /// scale × follow-up point with dose bands, for the dashboard's default range (the last 12 months).
    /// </summary>
    private static async Task<PageTiming> TimeAnalysisAsync(OutcomesOptions options, OutcomesDatabase database, CancellationToken cancellationToken)
    {
        var samples = new List<double>();
        var rowsShown = 0;
        var pairs = 0;
        for (var round = 0; round < options.WarmupRounds + options.Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            await using var db = OutcomesSeeder.OpenContext(database);
            var filter = ReportFilter.Parse(null, null, null, DateTime.UtcNow);
            var instruments = await new OutcomeScales(db, new InstrumentCatalog(db, new InstrumentDefinitionCache()),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<OutcomeScales>.Instance).InstrumentsAsync(cancellationToken);
            var rows = await new BenefitAnalysis(db, MonthlyCountsOf(db)).BuildAsync(filter, instruments, cancellationToken);
            var ms = clock.Elapsed.TotalMilliseconds;
            rowsShown = rows.Count(r => !r.Suppressed);
            pairs = rows.Sum(r => r.Pairs ?? 0);
            Console.WriteLine($"  {(round < options.WarmupRounds ? "warm-up" : "measured"),-8} benefit analysis in-process: {rows.Count} rows ({rowsShown} shown, {pairs:N0} pairs) in {ms:F0} ms");
            if (round >= options.WarmupRounds)
            {
                samples.Add(ms);
            }
        }
        return new PageTiming($"Benefit analysis in-process ({rowsShown} scale × follow-up rows, {pairs:N0} baseline–follow-up pairs)",
            "BenefitAnalysis.BuildAsync", samples, 0, []);
    }

    /// <summary>
    /// The hourly survey sweep by itself (<see cref="SurveyScheduler.ScheduleAsync"/>: close what is past its time,
    /// create the due, missing surveys), in this process through the app's own class on the seeded database.
    /// </summary>
    private static async Task<PageTiming> TimeSweepAsync(OutcomesOptions options, OutcomesDatabase database, CancellationToken cancellationToken)
    {
        var samples = new List<double>();
        var localizer = new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        // The sweep sends nothing here; the text sender only needs a client factory to be built.
        await using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var httpClients = services.GetRequiredService<IHttpClientFactory>();
        for (var round = 0; round < options.WarmupRounds + options.Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            await using var db = OutcomesSeeder.OpenContext(database);
            var scheduler = new SurveyScheduler(
                db, new AuditTrail(db, new Microsoft.AspNetCore.Http.HttpContextAccessor(), TimeProvider.System), TimeProvider.System,
                Microsoft.Extensions.Options.Options.Create(new SurveyOptions()),
                new EmailSender(Microsoft.Extensions.Options.Options.Create(new EmailOptions()), new Microsoft.Extensions.Hosting.Internal.HostingEnvironment(),
                    Microsoft.Extensions.Logging.Abstractions.NullLogger<EmailSender>.Instance),
                new PeerCircle.Web.Infrastructure.Texts.TextSender(Microsoft.Extensions.Options.Options.Create(new PeerCircle.Web.Infrastructure.Texts.TextOptions()), httpClients,
                    new Microsoft.Extensions.Hosting.Internal.HostingEnvironment(), Microsoft.Extensions.Logging.Abstractions.NullLogger<PeerCircle.Web.Infrastructure.Texts.TextSender>.Instance),
                new AccountLinks(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()),
                new Microsoft.Extensions.Localization.StringLocalizer<SharedResource>(localizer),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<SurveyScheduler>.Instance);
            var (scheduled, missed) = await scheduler.ScheduleAsync(cancellationToken);
            var ms = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine($"  {(round < options.WarmupRounds ? "warm-up" : "measured"),-8} survey sweep in-process: {scheduled} scheduled, {missed} closed in {ms:F0} ms");
            if (round >= options.WarmupRounds)
            {
                samples.Add(ms);
            }
        }
        return new PageTiming("Survey sweep in-process (`SurveyScheduler.ScheduleAsync`, after the app's start-up sweep)", "SurveyScheduler.ScheduleAsync", samples, 0, []);
    }

    private static string Report(OutcomesOptions options, OutcomesSeedResult seed, IReadOnlyList<PageTiming> analysis, IReadOnlyList<PageTiming> timings,
        TimeSpan? serverCpu, long? peakMb)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"## Outcomes scenario: {seed.Database.Provider}, {options.Members:N0} members, {options.Responses:N0} survey responses");
        text.AppendLine();
        text.AppendLine(inv, $"Machine: {Machine.Describe()}. Seed {options.Seed}. Database: {seed.Database.Description}, {seed.DatabaseSize}.");
        if (options.DatabaseSql.Count > 0)
        {
            text.AppendLine(inv, $"Extra SQL before the app started: {string.Join("; ", options.DatabaseSql.Select(s => $"`{s}`"))}.");
        }
        text.AppendLine();
        if (options.Reuse)
        {
            text.AppendLine("Database reused from an earlier run (`--reuse`): row counts of the main tables below.");
        }
        else
        {
            text.AppendLine(inv, $"Seeding: schema {seed.Migrate.TotalSeconds:F1} s, rows {seed.Insert.TotalSeconds:F1} s "
            + $"({seed.TotalRows / Math.Max(0.001, seed.Insert.TotalSeconds):N0} rows/s), "
            + $"{(seed.Database.Provider == DatabaseProvider.Postgres ? "VACUUM ANALYZE" : "WAL checkpoint")} {seed.Analyze.TotalSeconds:F1} s.");
        }
        text.AppendLine();
        text.AppendLine("| Table | Rows |");
        text.AppendLine("|---|---:|");
        foreach (var (table, rows) in seed.Rows.Where(r => r.Rows > 0))
        {
            text.AppendLine(inv, $"| {table} | {rows:N0} |");
        }
        text.AppendLine(inv, $"| **all** | **{seed.TotalRows:N0}** |");
        if (analysis.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(inv, $"| Measure | Samples | p50 ms | p95 ms | max ms |");
            text.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var measure in analysis)
            {
                text.AppendLine(inv, $"| {measure.Name} | {measure.Ms.Count} | {measure.Percentile(50):N0} | {measure.Percentile(95):N0} | {(measure.Ms.Count == 0 ? double.NaN : measure.Ms.Max()):N0} |");
            }
        }
        if (timings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(inv, $"Signed in as a coordinator over HTTP; {options.WarmupRounds} warm-up request(s), then {options.Rounds} measured, one at a time (ms to the last byte):");
            text.AppendLine();
            text.AppendLine("| Page | Samples | Errors | p50 ms | p95 ms | max ms | Size |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var t in timings)
            {
                text.AppendLine(inv, $"| {t.Name} (`{t.Path}`) | {t.Ms.Count} | {t.Errors.Count} | {t.Percentile(50):N0} | {t.Percentile(95):N0} | "
                    + $"{(t.Ms.Count == 0 ? double.NaN : t.Ms.Max()):N0} | {t.Bytes / 1024.0:N0} KB |");
            }
            text.AppendLine();
            var requests = timings.Sum(t => t.Ms.Count + t.Errors.Count) + (options.WarmupRounds * timings.Count);
            text.AppendLine(inv, $"Server CPU over all requests: {serverCpu?.TotalSeconds:F1} s ({serverCpu?.TotalMilliseconds / Math.Max(1, requests):N0} ms per request); peak RSS {peakMb} MB.");
            if (seed.Database.Provider == DatabaseProvider.Postgres)
            {
                var pass = timings.All(t => t.Errors.Count == 0 && t.Percentile(95) < TargetMs);
                text.AppendLine(inv, $"Target (PostgreSQL): p95 under {TargetMs:N0} ms: **{(pass ? "PASS" : "FAIL")}**.");
            }
        }
        return text.ToString();
    }
}
