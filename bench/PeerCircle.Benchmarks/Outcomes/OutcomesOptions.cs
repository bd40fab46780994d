using System.Globalization;
using PeerCircle.Data;

namespace PeerCircle.Benchmarks.Outcomes;

/// <summary>Command-line settings of the outcomes scenario (<c>outcomes</c>).</summary>
public sealed record OutcomesOptions
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=55440;Username=postgres;Database=postgres";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>A PostgreSQL server to create the bench database on (its own database, dropped afterwards).</summary>
    public string PostgresConnection { get; init; } = DefaultPostgres;

    /// <summary>The database the scenario creates on that server.</summary>
    public string PostgresDatabase { get; init; } = "peercircle_bench";

    public int Members { get; init; } = 50_000;

    /// <summary>Survey responses asked for (<c>--responses</c>); by default every member gets all of theirs.</summary>
    public int? RequestedResponses { get; init; }

    /// <summary>Survey responses: 5 instruments × 4 time points per member, so members × 20 unless lowered.</summary>
    public int Responses => Math.Min(RequestedResponses ?? int.MaxValue, Members * OutcomesSeeder.ResponsesPerMember);

    /// <summary>Measured requests of the dashboard (after the warm-up ones).</summary>
    public int Rounds { get; init; } = 10;
    public int WarmupRounds { get; init; } = 2;
    public int Seed { get; init; } = 20261126;
    public string? AppDll { get; init; }
    public string? OutFile { get; init; }
    public bool KeepDatabase { get; init; }

    /// <summary>Where the SQLite database goes (<c>--db-file</c>); by default <c>bench.db</c> in the temporary folder.</summary>
    public string? SqliteFile { get; init; }

    /// <summary>Measure on the database an earlier run kept (<c>--reuse</c>) instead of creating and seeding one.</summary>
    public bool Reuse { get; init; }

    /// <summary>Only create and fill the database; no app, no measuring.</summary>
    public bool SeedOnly { get; init; }

    /// <summary>Log the app's SQL (for <c>explain</c>).</summary>
    public bool LogSql { get; init; }

    /// <summary>Statements run on the seeded database before the app starts (<c>--db-sql</c>), e.g. a candidate index.</summary>
    public IReadOnlyList<string> DatabaseSql { get; init; } = [];

    /// <summary>Extra environment for the app (<c>--server-env KEY=VALUE</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ServerEnvironment { get; init; } = [];

    public const string Usage = """
        PeerCircle outcomes scenario: fills a database (through the app's migrations) with 50,000 members, their groups,
        attendance, safety cases, referrals and 1,000,000 survey responses with their scale scores, then times the
        benefit analysis and the coordinator's outcomes dashboard of the real app on it.

          dotnet run -c Release --project bench/PeerCircle.Benchmarks -- outcomes [options]

        Options (defaults in brackets):
          --provider P       sqlite or postgres [sqlite]
          --postgres CONN    PostgreSQL server to create the bench database on [Host=127.0.0.1;Port=55440;Username=postgres;Database=postgres]
          --database NAME    name of the PostgreSQL database to (re)create [peercircle_bench]
          --members N        members [50000]
          --responses N      survey responses, at most members × 20 (5 instruments × 4 time points) [1000000]
          --rounds N         measured dashboard requests [10]
          --warmup N         dashboard requests first, left out of the figures [2]
          --seed N           random seed [20261126]
          --app PATH         PeerCircle.Web.dll to run [src/PeerCircle.Web/bin/Release/net10.0/PeerCircle.Web.dll]
          --out PATH         also write the Markdown report to PATH
          --keep-db          keep the database (and the temporary folder with the server log)
          --seed-only        only create and fill the database
          --db-file PATH     SQLite: put the database here (kept) instead of the temporary folder
          --reuse            measure on the database an earlier run kept (--db-file PATH, or --database NAME) without seeding
          --log-sql          log the app's SQL to server.log (then: explain server.log bench.db)
          --db-sql SQL       run SQL on the seeded database before the app starts (repeatable), e.g. CREATE INDEX …
          --server-env K=V   extra environment for the app (repeatable)
        Exit code: 0 the PostgreSQL target (dashboard p95 under 1 s) is met or SQLite ran, 1 target missed, 2 the run failed.
        """;

    public static OutcomesOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new OutcomesOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int NextInt(int min) => int.Parse(Next(), CultureInfo.InvariantCulture) is var v && v >= min
                ? v : throw new ArgumentException($"{name} must be at least {min}.");
            options = name switch
            {
                "--provider" => options with
                {
                    Provider = Next().ToLowerInvariant() switch
                    {
                        "sqlite" => DatabaseProvider.Sqlite,
                        "postgres" or "postgresql" or "pg" => DatabaseProvider.Postgres,
                        var other => throw new ArgumentException($"Unknown provider '{other}': use sqlite or postgres."),
                    },
                },
                "--postgres" => options with { PostgresConnection = Next() },
                "--database" => options with { PostgresDatabase = Next() },
                "--members" => options with { Members = NextInt(20) },
                "--responses" => options with { RequestedResponses = NextInt(0) },
                "--rounds" => options with { Rounds = NextInt(1) },
                "--warmup" => options with { WarmupRounds = NextInt(0) },
                "--seed" => options with { Seed = NextInt(0) },
                "--app" => options with { AppDll = Path.GetFullPath(Next()) },
                "--out" => options with { OutFile = Path.GetFullPath(Next()) },
                "--keep-db" => options with { KeepDatabase = true },
                "--seed-only" => options with { SeedOnly = true },
                "--db-file" => options with { SqliteFile = Path.GetFullPath(Next()) },
                "--reuse" => options with { Reuse = true, KeepDatabase = true },
                "--log-sql" => options with { LogSql = true },
                "--db-sql" => options with { DatabaseSql = [.. options.DatabaseSql, Next()] },
                "--server-env" => Next().Split('=', 2) is [{ Length: > 0 } key, var value]
                    ? options with { ServerEnvironment = [.. options.ServerEnvironment, KeyValuePair.Create(key, value)] }
                    : throw new ArgumentException("--server-env needs KEY=VALUE."),
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }
        if (options.RequestedResponses > options.Members * OutcomesSeeder.ResponsesPerMember)
        {
            throw new ArgumentException(
                $"--responses can be at most --members × {OutcomesSeeder.ResponsesPerMember} (5 instruments × 4 time points).");
        }
        return options;
    }
}
