using System.Globalization;

namespace PeerCircle.Benchmarks.LiveRunner;

/// <summary>Command-line settings of the live meeting runner scenario (<c>runner</c>).</summary>
public sealed record RunnerOptions
{
    /// <summary>Measured rounds; in each, all twelve members check in again and the lead walks the parts forward and back.</summary>
    public int Rounds { get; init; } = 10;

    /// <summary>
    /// Rounds run first and left out of the figures. Three, because the JIT recompiles a method with full optimisation
    /// only after about 30 calls: with one round (12 check-ins) that recompiling fell into the measured rounds.
    /// </summary>
    public int WarmupRounds { get; init; } = 3;

    /// <summary>The window within which the twelve members post, each at a random offset.</summary>
    public int SpreadMs { get; init; } = 3000;

    /// <summary>How long to wait for an update to appear before counting it as missing.</summary>
    public int TimeoutMs { get; init; } = 15_000;

    /// <summary>Seconds with both runners open and nothing happening, to measure what the open pages cost by themselves.</summary>
    public int IdleSeconds { get; init; } = 10;

    public int Seed { get; init; } = 20261126;
    public string? AppDll { get; init; }
    public string? OutFile { get; init; }
    public string? ChromiumPath { get; init; }
    public bool KeepDatabase { get; init; }

    /// <summary>Extra environment for the app (<c>--server-env KEY=VALUE</c>), applied after the scenario's own.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ServerEnvironment { get; init; } = [];

    public const string Usage = """
        PeerCircle live meeting runner scenario: two facilitators follow one meeting in the runner (headless Chromium)
        while twelve members check in over HTTP; measures how long each change takes to show on the facilitators' pages.

          dotnet run -c Release --project bench/PeerCircle.Benchmarks -- runner [options]

        Options (defaults in brackets):
          --rounds N         measured rounds: 12 check-ins each, then the lead walks parts 1-5 and back [10]
          --warmup N         rounds run first and left out of the figures (JIT warm-up) [3]
          --spread MS        window in which the 12 members post, each at a seeded random offset [3000]
          --timeout MS       how long an update may take before it counts as missing [15000]
          --idle N           seconds with both runners open and nothing happening, measured after the rounds [10]
          --seed N           random seed for the offsets and check-in values [20261126]
          --app PATH         PeerCircle.Web.dll to run [src/PeerCircle.Web/bin/Release/net10.0/PeerCircle.Web.dll]
          --chromium PATH    Chromium executable [$CHROMIUM_PATH, else /usr/bin/chromium]
          --out PATH         also write the Markdown report to PATH
          --keep-db          keep the temporary database and server log
          --server-env K=V   extra environment for the app (repeatable)
        Exit code: 0 every update arrived and the target is met, 1 an update was missed or the target missed,
        2 the run failed.
        """;

    public static RunnerOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new RunnerOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int NextInt(int min) => int.Parse(Next(), CultureInfo.InvariantCulture) is var v && v >= min
                ? v : throw new ArgumentException($"{name} must be at least {min}.");
            options = name switch
            {
                "--rounds" => options with { Rounds = NextInt(1) },
                "--warmup" => options with { WarmupRounds = NextInt(0) },
                "--spread" => options with { SpreadMs = NextInt(0) },
                "--timeout" => options with { TimeoutMs = NextInt(100) },
                "--idle" => options with { IdleSeconds = NextInt(0) },
                "--seed" => options with { Seed = NextInt(0) },
                "--app" => options with { AppDll = Path.GetFullPath(Next()) },
                "--chromium" => options with { ChromiumPath = Path.GetFullPath(Next()) },
                "--out" => options with { OutFile = Path.GetFullPath(Next()) },
                "--keep-db" => options with { KeepDatabase = true },
                "--server-env" => Next().Split('=', 2) is [{ Length: > 0 } key, var value]
                    ? options with { ServerEnvironment = [.. options.ServerEnvironment, KeyValuePair.Create(key, value)] }
                    : throw new ArgumentException("--server-env needs KEY=VALUE."),
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }
        return options;
    }
}
