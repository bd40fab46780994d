using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace PeerCircle.Benchmarks;

/// <summary>
/// <c>explain SERVER_LOG DATABASE</c>: reads the SQL a <c>--log-sql --keep-db</c> run logged, groups it by statement,
/// and prints the statements that took the most time with SQLite's query plan for each, through the same SQLite
/// library the app uses.
/// </summary>
public static partial class ExplainCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || !File.Exists(args[0]) || !File.Exists(args[1]))
        {
            Console.Error.WriteLine("Usage: explain SERVER_LOG DATABASE [TOP]   (from a run with --log-sql --keep-db)");
            return 2;
        }
        var top = args.Count > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
        var statements = Parse(File.ReadAllText(args[0]))
            .GroupBy(s => s.Sql)
            .Select(g => (Sql: g.Key, Parameters: g.First().Parameters, Count: g.Count(), TotalMs: g.Sum(s => s.Milliseconds)))
            .OrderByDescending(s => s.TotalMs)
            .ToList();
        var all = statements.Sum(s => s.TotalMs);
        Console.WriteLine($"{statements.Sum(s => s.Count):N0} commands, {statements.Count:N0} distinct statements, {all:N0} ms in all (as logged, whole milliseconds).");
        using var connection = new SqliteConnection($"Data Source={args[1]};Mode=ReadOnly");
        connection.Open();
        using (var version = connection.CreateCommand())
        {
            version.CommandText = "select sqlite_version()";
            Console.WriteLine($"SQLite {version.ExecuteScalar()}");
        }
        foreach (var (sql, parameters, count, totalMs) in statements.Take(top))
        {
            Console.WriteLine();
            Console.WriteLine($"### {count:N0} × mean {totalMs / (double)count:F2} ms = {100.0 * totalMs / Math.Max(1, all):F1} % of SQL time");
            Console.WriteLine(sql.Length > 1200 ? sql[..1200] + " …" : sql);
            foreach (var line in Plan(connection, sql, parameters))
            {
                Console.WriteLine($"    {line}");
            }
        }
        return 0;
    }

    private sealed record Logged(string Sql, IReadOnlyList<(string Name, string Type)> Parameters, int Milliseconds);

    private static IEnumerable<Logged> Parse(string log)
    {
        foreach (var entry in EntryStart().Split(log))
        {
            var header = ExecutedHeader().Match(entry);
            if (!header.Success)
            {
                continue;
            }
            var lines = entry.Split('\n').Skip(2).Select(l => l.Trim()).Where(l => l.Length > 0);
            var sql = string.Join(' ', lines);
            var parameters = ParameterPattern().Matches(header.Groups["params"].Value)
                .Select(m => (m.Groups["name"].Value, m.Groups["type"].Value)).ToList();
            yield return new Logged(sql, parameters, int.Parse(header.Groups["ms"].Value, CultureInfo.InvariantCulture));
        }
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "Explains statements the app itself logged, on a throw-away read-only copy.")]
    private static IEnumerable<string> Plan(SqliteConnection connection, string sql, IReadOnlyList<(string Name, string Type)> parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, type) in parameters)
        {
            // Values only shape the plan a little; these are typical ones.
            command.Parameters.AddWithValue(name, type switch
            {
                "Int32" => 20,
                "Double" => 40.0,
                _ => "x",
            });
        }
        var lines = new List<string>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                lines.Add(reader.GetString(3));
            }
        }
        catch (SqliteException ex)
        {
            lines.Add($"(could not explain: {ex.Message})");
        }
        return lines;
    }

    [GeneratedRegex(@"\n(?=info: |warn: |fail: |dbug: )")]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"Executed DbCommand \((?<ms>\d+)ms\) \[Parameters=\[(?<params>[^\]]*)\]")]
    private static partial Regex ExecutedHeader();

    [GeneratedRegex(@"(?<name>@\w+)='[^']*'(?: \(DbType = (?<type>\w+)\))?")]
    private static partial Regex ParameterPattern();
}
