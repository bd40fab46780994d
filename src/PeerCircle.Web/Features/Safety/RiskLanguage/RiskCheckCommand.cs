using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PeerCircle.Web.Features.Safety.RiskLanguage;

/// <summary>
/// <c>dotnet run --project src/PeerCircle.Web -- risk-check</c>: JSON Lines <c>{"id": "...", "text": "..."}</c> on
/// standard input, one line <c>{"id": "...", "categories": [...], "explanation": "..."}</c> per input on standard
/// output, so a program can score the detector on its own labeled messages. A line that cannot be read gets
/// <c>{"id": ..., "error": "..."}</c> and the command goes on. Blank lines are skipped. Nothing else goes to standard
/// output. It runs before the web host is built: no database, no configuration, no logging. The curated rules by
/// default; <c>--detector hybrid</c> for the MiniLM hybrid (decision record 0007).
/// </summary>
public static class RiskCheckCommand
{
    public const string Name = "risk-check";

    // Plain apostrophes and quotes in the explanation, for people reading the output (it is never put in a web page).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool Matches(string[] args) => args is [Name, ..];

    public static Task<int> RunAsync(TextReader input, Stream output, TextWriter errors, CancellationToken cancellationToken) =>
        RunAsync(input, output, errors, new RiskDetector(), cancellationToken);

    public static async Task<int> RunAsync(TextReader input, Stream output, TextWriter errors, RiskDetector detector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(detector);
        var lineNumber = 0;
        var failed = 0;
        var buffer = new MemoryStream();
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                if (!Write(writer, line, detector, out var problem))
                {
                    failed++;
                    await errors.WriteLineAsync($"risk-check: line {lineNumber}: {problem}");
                }
            }
            buffer.WriteByte((byte)'\n');
            await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        if (failed > 0)
        {
            await errors.WriteLineAsync($"risk-check: {failed} line(s) could not be read; each got an \"error\" line.");
        }
        return 0;
    }

    private static bool Write(Utf8JsonWriter writer, string line, RiskDetector detector, out string? problem)
    {
        string? id = null;
        string? text = null;
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "Each line must be a JSON object with \"id\" and \"text\".";
            }
            else
            {
                if (root.TryGetProperty("id", out var idElement))
                {
                    id = idElement.ValueKind switch
                    {
                        JsonValueKind.String => idElement.GetString(),
                        JsonValueKind.Number => idElement.GetRawText(),
                        _ => null,
                    };
                }
                if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
                {
                    problem = "The line has no \"text\" string.";
                }
                else
                {
                    text = textElement.GetString();
                }
            }
        }
        catch (JsonException ex)
        {
            problem = "The line is not valid JSON: " + ex.Message;
        }

        writer.WriteStartObject();
        if (id is null)
        {
            writer.WriteNull("id");
        }
        else
        {
            writer.WriteString("id", id);
        }
        if (problem is not null)
        {
            writer.WriteString("error", problem);
            writer.WriteEndObject();
            return false;
        }
        var result = detector.Detect(text);
        writer.WriteStartArray("categories");
        foreach (var category in result.Categories)
        {
            writer.WriteStringValue(category);
        }
        writer.WriteEndArray();
        writer.WriteString("explanation", result.Explanation);
        writer.WriteEndObject();
        return true;
    }

    /// <summary>
    /// Runs the command on the process's own standard streams (UTF-8 both ways). <c>risk-check --detector hybrid</c>
    /// runs the MiniLM hybrid instead of the rules (the same choice as the app's <c>Safety:RiskDetector</c>).
    /// </summary>
    public static async Task<int> RunOnConsoleAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var index = Array.IndexOf(args, "--detector");
        bool hybrid;
        try
        {
            hybrid = RiskLanguageExtensions.IsHybrid(index >= 0 && index + 1 < args.Length ? args[index + 1] : null);
        }
        catch (InvalidOperationException)
        {
            await Console.Error.WriteLineAsync("risk-check: --detector must be \"rules\" or \"hybrid\".");
            return 2;
        }
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        await using var output = Console.OpenStandardOutput();
        return await RunAsync(input, output, Console.Error, hybrid ? RiskDetector.Hybrid() : new RiskDetector(), CancellationToken.None);
    }
}
