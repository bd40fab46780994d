using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerCircle.Web.Features.Safety.RiskLanguage;

/// <summary>
/// The trained head: one logistic regression per category over a message's MiniLM embedding
/// (<see cref="RiskEmbedder"/>), with the threshold above which the hybrid detector adds a category the rules missed.
/// Trained by <c>risk-train</c> (<see cref="RiskHeadTrainer"/>) and stored in content/safety/risk-head.json.
/// </summary>
public sealed class RiskHead
{
    public const string FileName = "risk-head.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public required string Model { get; init; }

    public required string TrainedOn { get; init; }

    public required string Method { get; init; }

    public required IReadOnlyList<RiskHeadCategory> Categories { get; init; }

    /// <summary>
    /// The head adds nothing to a text with fewer words than this (<see cref="WordCount"/>): short everyday texts
    /// ("Nothing really.") land near risk messages in embedding space. Chosen by cross-validation on the training sets
    /// (<see cref="RiskHeadTrainer"/>); 0 = no minimum.
    /// </summary>
    public int MinWords { get; init; }

    /// <summary>Words in a text: runs of non-space characters holding at least one letter or digit.</summary>
    public static int WordCount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }
        var count = 0;
        var inWord = false;
        var hasLetter = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                count += inWord && hasLetter ? 1 : 0;
                inWord = false;
                hasLetter = false;
            }
            else
            {
                inWord = true;
                hasLetter |= char.IsLetterOrDigit(ch);
            }
        }
        return count + (inWord && hasLetter ? 1 : 0);
    }

    /// <summary>The probability of each category (in <see cref="Categories"/> order) for one embedding.</summary>
    public double[] Probabilities(ReadOnlySpan<float> embedding)
    {
        var result = new double[Categories.Count];
        for (var c = 0; c < Categories.Count; c++)
        {
            result[c] = Categories[c].Probability(embedding);
        }
        return result;
    }

    public static RiskHead Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<RiskHead>(stream, Json) ?? throw new InvalidDataException($"{path} holds no head.");
    }

    /// <summary>The head beside the app: content/safety/risk-head.json in the app's folder.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "content", "safety", FileName);

    public void Save(string path)
    {
        // One category per line, so a retrained head shows up in a diff as the categories that changed.
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        writer.Write("{\"model\": ");
        writer.Write(JsonSerializer.Serialize(Model));
        writer.Write(",\n \"trainedOn\": ");
        writer.Write(JsonSerializer.Serialize(TrainedOn));
        writer.Write(",\n \"method\": ");
        writer.Write(JsonSerializer.Serialize(Method));
        writer.Write(",\n \"minWords\": ");
        writer.Write(MinWords.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.Write(",\n \"categories\": [\n");
        for (var c = 0; c < Categories.Count; c++)
        {
            writer.Write("  ");
            writer.Write(JsonSerializer.Serialize(Categories[c], Json));
            writer.Write(c < Categories.Count - 1 ? ",\n" : "\n");
        }
        writer.Write("]}\n");
    }
}

public sealed class RiskHeadCategory
{
    public required string Category { get; init; }

    /// <summary>The hybrid adds this category when the rules missed it and the probability is at least this.</summary>
    public required double Threshold { get; init; }

    public required float Bias { get; init; }

    public required float[] Weights { get; init; }

    [JsonIgnore]
    public int Dimensions => Weights.Length;

    public double Probability(ReadOnlySpan<float> embedding)
    {
        if (embedding.Length != Weights.Length)
        {
            throw new ArgumentException($"Expected {Weights.Length} numbers, got {embedding.Length}.", nameof(embedding));
        }
        var z = (double)Bias;
        for (var i = 0; i < Weights.Length; i++)
        {
            z += Weights[i] * embedding[i];
        }
        return 1 / (1 + Math.Exp(-z));
    }
}
