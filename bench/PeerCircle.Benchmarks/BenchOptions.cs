using System.Globalization;

namespace PeerCircle.Benchmarks;

/// <summary>Command-line settings of the directory-search load scenario.</summary>
public sealed record BenchOptions
{
    public int WarmupSeconds { get; init; } = 10;
    public int MeasureSeconds { get; init; } = 30;
    public int Clients { get; init; } = 50;
    public int Groups { get; init; } = 5000;

    /// <summary>How many ZIP centroids the app's gazetteer holds; 0 keeps the shipped file exactly as it is.</summary>
    public int Centroids { get; init; } = 40_000;
    public int Seed { get; init; } = 20261125;
    public long MaxRequestsPerPhase { get; init; } = 5_000_000;
    public string? AppDll { get; init; }
    public string? OutFile { get; init; }
    public bool KeepDatabase { get; init; }
    public bool LogSql { get; init; }

    /// <summary>SQL run on the seeded database before the app starts, to try a schema change (an index) without editing src/.</summary>
    public IReadOnlyList<string> DatabaseSql { get; init; } = [];

    /// <summary>Extra environment for the app (<c>--server-env KEY=VALUE</c>), e.g. DOTNET_PerfMapEnabled=1 for perf.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ServerEnvironment { get; init; } = [];

    public const string Usage = """
        PeerCircle directory-search load scenario.

          dotnet run -c Release --project bench/PeerCircle.Benchmarks -- [options]
          dotnet run -c Release --project bench/PeerCircle.Benchmarks -- micro [BenchmarkDotNet args]
          dotnet run -c Release --project bench/PeerCircle.Benchmarks -- runner [options]   (the live meeting runner; runner --help)
          dotnet run -c Release --project bench/PeerCircle.Benchmarks -- explain SERVER_LOG DATABASE [TOP]

        Options (defaults in brackets):
          --seconds N        measured seconds per endpoint [30]
          --warmup N         warm-up seconds before the measured phases [10]
          --clients N        concurrent clients [50]
          --groups N         groups seeded into the database [5000]
          --centroids N      ZIP centroids the app loads; the shipped file has 33,791 real ZCTAs and is padded
                             with synthetic ones up to N in a copy of the app; 0 = the shipped file as-is [40000]
          --seed N           random seed for the data and the query mix [20261125]
          --max-requests N   hard cap on requests per phase [5000000]
          --app PATH         PeerCircle.Web.dll to run [src/PeerCircle.Web/bin/Release/net10.0/PeerCircle.Web.dll]
          --out PATH         also write the Markdown report to PATH
          --keep-db          keep the temporary database and server log
          --log-sql          log every SQL command in the server log (slows the server; for diagnosis only)
          --db-sql "SQL"     run SQL on the seeded database before the app starts (repeatable), e.g. to try an index
          --server-env K=V   extra environment for the app (repeatable), e.g. DOTNET_PerfMapEnabled=1 to profile with perf
        Exit code: 0 all targets met, 1 a target missed, 2 the run failed.
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int NextInt(int min) => int.Parse(Next(), CultureInfo.InvariantCulture) is var v && v >= min
                ? v : throw new ArgumentException($"{name} must be at least {min}.");
            options = name switch
            {
                "--seconds" => options with { MeasureSeconds = NextInt(1) },
                "--warmup" => options with { WarmupSeconds = NextInt(0) },
                "--clients" => options with { Clients = NextInt(1) },
                "--groups" => options with { Groups = NextInt(1) },
                "--centroids" => options with { Centroids = NextInt(0) },
                "--seed" => options with { Seed = NextInt(0) },
                "--max-requests" => options with { MaxRequestsPerPhase = NextInt(1) },
                "--app" => options with { AppDll = Path.GetFullPath(Next()) },
                "--out" => options with { OutFile = Path.GetFullPath(Next()) },
                "--keep-db" => options with { KeepDatabase = true },
                "--log-sql" => options with { LogSql = true },
                "--db-sql" => options with { DatabaseSql = [.. options.DatabaseSql, Next()] },
                "--server-env" => Next().Split('=', 2) is [{ Length: > 0 } key, var value]
                    ? options with { ServerEnvironment = [.. options.ServerEnvironment, KeyValuePair.Create(key, value)] }
                    : throw new ArgumentException("--server-env needs KEY=VALUE."),
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }
        return options;
    }
}
