using System.Globalization;

namespace PeerCircle.Web.Features.Safety.RiskLanguage;

/// <summary>
/// <c>dotnet run -c Release --project src/PeerCircle.Web -- risk-train</c> (a Debug build trains about 15 times slower): embeds the labeled messages of
/// the <see cref="TrainingSets"/> in content/safety with MiniLM, trains the head (<see cref="RiskHeadTrainer"/>)
/// and writes content/safety/risk-head.json. Run it from the repository (or pass <c>--content DIR</c>, the folder that
/// holds the .jsonl files). Deterministic: the same sets give the same file on the same machine. It never reads any
/// other set; in particular not risk-fresh.jsonl, which exists to measure the detector, not to train it.
/// </summary>
public static class RiskTrainCommand
{
    public const string Name = "risk-train";

    /// <summary>
    /// The sets the head learns from: the evaluation and held-out sets, everyday short messages written as negatives
    /// (the head had flagged "Nothing really."), and the tuning set by another author. Never risk-fresh.jsonl.
    /// </summary>
    public static readonly string[] TrainingSets = ["risk-eval.jsonl", "risk-holdout.jsonl", "risk-train-negatives.jsonl", "risk-dev.jsonl"];

    public static bool Matches(string[] args) => args is [Name, ..];

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var folder = args.Length >= 3 && args[1] == "--content" ? args[2] : FindContentFolder(Directory.GetCurrentDirectory());
        if (folder is null || !File.Exists(Path.Combine(folder, TrainingSets[0])))
        {
            errors.WriteLine("risk-train: cannot find content/safety/risk-eval.jsonl; run it from the repository or pass --content DIR.");
            return 2;
        }
        var set = LoadTrainingSet(folder);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var embeddings = RiskEmbedder.Shared.EmbedEach([.. set.Select(m => m.Text)]);
        var embedded = started.Elapsed;
        var head = RiskHeadTrainer.Train(set, embeddings, string.Join(" + ", TrainingSets) + $" ({set.Count} messages)", out _, out var minWordsReport);
        var path = Path.Combine(folder, RiskHead.FileName);
        head.Save(path);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"risk-train: {set.Count} messages embedded in {embedded.TotalSeconds:0.0} s, head trained in {(started.Elapsed - embedded).TotalSeconds:0.0} s; wrote {path}"));
        output.WriteLine("  " + minWordsReport);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  minimum words: {head.MinWords}"));
        foreach (var category in head.Categories)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {category.Category}: threshold {(category.Threshold > 1 ? "never" : category.Threshold.ToString("0.00", CultureInfo.InvariantCulture))}"));
        }
        return 0;
    }

    public static List<LabeledMessage> LoadTrainingSet(string folder) =>
        [.. TrainingSets.SelectMany(file => LabeledMessage.Load(Path.Combine(folder, file)))];

    public static string? FindContentFolder(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "content", "safety");
            if (File.Exists(Path.Combine(candidate, TrainingSets[0])))
            {
                return candidate;
            }
        }
        return null;
    }
}
