using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace PeerCircle.IntegrationTests.Infrastructure;

/// <summary>
/// <c>risk-check</c> run as its own process, as a scoring program would: JSON Lines in, exactly one JSON line out per
/// input and nothing else on standard output, without a database.
/// </summary>
public class RiskCheckCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RiskCheck_WritesOneJsonLinePerInput_AndNothingElseOnStdout_WithoutADatabase()
    {
        var folder = Directory.CreateTempSubdirectory("peercircle-risk-check-").FullName;
        var database = Path.Combine(folder, "never-created.db");
        try
        {
            var input = new StringBuilder()
                .AppendLine("""{"id": "a", "text": "I want to end it all."}""")
                .AppendLine("""{"id": "b", "text": "I'm dying to see my grandkids this weekend!"}""")
                .AppendLine()
                .AppendLine("this is not json")
                .AppendLine("""{"id": "d"}""")
                .AppendLine("""{"id": 5, "text": "My oncologist said to stop the pills before surgery."}""")
                .AppendLine("""{"id": "f", "text": "Tell your mom to skip chemo and try apricot kernels. He hits me when he's drunk."}""")
                .ToString();

            var (exitCode, stdout, stderr) = await RunAsync(folder, database, input);

            Assert.True(exitCode == 0, stderr);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(6, lines.Length);
            var results = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
            Assert.All(results, r => Assert.Equal(JsonValueKind.Object, r.ValueKind));

            Assert.Equal("a", results[0].GetProperty("id").GetString());
            Assert.Equal(["self_harm"], Categories(results[0]));
            Assert.Equal("self_harm: 'end it all'", results[0].GetProperty("explanation").GetString());

            Assert.Equal("b", results[1].GetProperty("id").GetString());
            Assert.Empty(Categories(results[1]));

            Assert.Equal(JsonValueKind.Null, results[2].GetProperty("id").ValueKind);
            Assert.False(string.IsNullOrEmpty(results[2].GetProperty("error").GetString()));
            Assert.Equal("d", results[3].GetProperty("id").GetString());
            Assert.Contains("text", results[3].GetProperty("error").GetString(), StringComparison.Ordinal);

            Assert.Equal("5", results[4].GetProperty("id").GetString());
            Assert.Empty(Categories(results[4]));

            Assert.Equal(["abuse_neglect", "medical_advice"], Categories(results[5]));

            Assert.Contains("line 4", stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(database), "risk-check must not create or migrate a database.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// <c>risk-check --detector hybrid</c> runs the MiniLM hybrid (decision record 0007): still one JSON line per input
    /// and nothing else on standard output (ONNX Runtime must not print there); the rules' explanation is kept. An
    /// unknown detector is refused with a message.
    /// </summary>
    [Fact]
    public async Task RiskCheck_WithTheHybrid_StillWritesOnlyOneJsonLinePerInput_AndRefusesAnUnknownDetector()
    {
        var folder = Directory.CreateTempSubdirectory("peercircle-risk-check-").FullName;
        var database = Path.Combine(folder, "never-created.db");
        try
        {
            var input = """{"id": "a", "text": "I want to end it all."}""" + "\n" + """{"id": "b", "text": "Nothing really."}""" + "\n";

            var (exitCode, stdout, stderr) = await RunAsync(folder, database, input, "--detector", "hybrid");

            Assert.True(exitCode == 0, stderr);
            var results = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
            Assert.Equal(2, results.Count);
            Assert.Contains("self_harm", Categories(results[0]));
            Assert.StartsWith("self_harm: 'end it all'", results[0].GetProperty("explanation").GetString(), StringComparison.Ordinal);
            Assert.Empty(Categories(results[1]));

            var (refused, refusedOut, refusedError) = await RunAsync(folder, database, input, "--detector", "magic");

            Assert.Equal(2, refused);
            Assert.Equal("", refusedOut);
            Assert.Contains("--detector", refusedError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The command exactly as the issue gives it, through <c>dotnet run</c> (without building again): the SDK itself adds
    /// nothing on standard output either (it did while the project had a launchSettings.json).
    /// </summary>
    [Fact]
    public async Task RiskCheck_ThroughDotnetRun_PrintsOnlyTheJsonLines()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "PeerCircle.slnx")))
        {
            repository = repository.Parent;
        }
        Assert.NotNull(repository);
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repository.FullName,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in (string[])["run", "--no-build", "-c", configuration, "--project", "src/PeerCircle.Web", "--", "risk-check"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet run.");
        var stdout = process.StandardOutput.ReadToEndAsync(Cancel);
        var stderr = process.StandardError.ReadToEndAsync(Cancel);
        await process.StandardInput.WriteAsync(("""{"id": "x", "text": "I keep thinking about killing myself."}""" + "\n").AsMemory(), Cancel);
        process.StandardInput.Close();
        await process.WaitForExitAsync(Cancel);

        Assert.True(process.ExitCode == 0, await stderr);
        var line = Assert.Single((await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var result = JsonDocument.Parse(line).RootElement;
        Assert.Equal("x", result.GetProperty("id").GetString());
        Assert.Equal(["self_harm"], Categories(result));
    }

    private static string[] Categories(JsonElement result) =>
        [.. result.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!)];

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingFolder, string database, string input, params string[] options)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PeerCircle.Web.dll"));
        start.ArgumentList.Add("risk-check");
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }
        // Development with information logging: the settings most likely to put start-up noise on stdout.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={database}";
        start.Environment["Demo__Seed"] = "true";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var stdout = process.StandardOutput.ReadToEndAsync(Cancel);
        var stderr = process.StandardError.ReadToEndAsync(Cancel);
        await process.StandardInput.WriteAsync(input.AsMemory(), Cancel);
        process.StandardInput.Close();
        await process.WaitForExitAsync(Cancel);
        return (process.ExitCode, await stdout, await stderr);
    }
}
