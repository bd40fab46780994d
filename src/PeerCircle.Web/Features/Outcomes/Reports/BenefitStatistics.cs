using MathNet.Numerics.Distributions;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>The Wilcoxon signed-rank test on paired differences.</summary>
/// <param name="N">Pairs with a non-zero difference (zero differences are dropped, as in Wilcoxon's method).</param>
/// <param name="WPlus">Sum of the ranks of the positive differences (R's <c>V</c>).</param>
/// <param name="WMinus">Sum of the ranks of the negative differences.</param>
/// <param name="PValue">Two-sided p-value; null when no difference is non-zero.</param>
/// <param name="Exact">True when the p-value comes from the exact distribution, false for the normal approximation.</param>
public sealed record WilcoxonResult(int N, double WPlus, double WMinus, double? PValue, bool Exact);

/// <summary>Baseline against follow-up for one scale and time point.</summary>
/// <param name="N">Members with both scores.</param>
/// <param name="MeanChange">Mean of follow-up minus baseline, on the scale's own units (positive = the score went up).</param>
/// <param name="CiLow">Lower end of the 95 % confidence interval of the mean change (t distribution); null when N &lt; 2.</param>
/// <param name="CiHigh">Upper end of that interval.</param>
/// <param name="EffectSize">Cohen's d<sub>z</sub>: the mean change divided by the standard deviation of the changes; null when they do not vary.</param>
/// <param name="Wilcoxon">The Wilcoxon signed-rank test of the changes.</param>
/// <param name="Improved">Members whose score moved in the scale's better direction by more than the margin.</param>
public sealed record PairedSummary(
    int N, double MeanChange, double? StandardDeviation, double? CiLow, double? CiHigh, double? EffectSize, WilcoxonResult Wilcoxon,
    int Improved)
{
    /// <summary>Share (0–1) of the members who improved.</summary>
    public double ShareImproved => N == 0 ? 0 : (double)Improved / N;
}

/// <summary>
/// Statistics for paired baseline and follow-up scores. Pure: the distributions (Student's t, the normal) come from
/// MathNet.Numerics; the signed ranks and the exact signed-rank distribution are counted here, since MathNet has no
/// Wilcoxon test.
/// </summary>
public static class BenefitStatistics
{
    /// <summary>Up to this many non-zero pairs without ties, the Wilcoxon p-value is exact (as R's <c>wilcox.test</c> does below 50).</summary>
    public const int ExactUpTo = 50;

    /// <summary>Summarises pairs of (baseline, follow-up).</summary>
    /// <param name="higherIsBetter">Whether a higher score on this scale is better (ScaleRule.HigherIsBetter).</param>
    /// <param name="margin">How far in the better direction a change must go to count as improved (0: any change for the better).</param>
    public static PairedSummary Summarize(IReadOnlyList<(double Baseline, double FollowUp)> pairs, bool higherIsBetter = true, double margin = 0)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var changes = new double[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            changes[i] = pairs[i].FollowUp - pairs[i].Baseline;
        }
        return SummarizeChanges(changes, higherIsBetter, margin);
    }

    /// <summary>Summarises changes (follow-up minus baseline).</summary>
    public static PairedSummary SummarizeChanges(IReadOnlyList<double> changes, bool higherIsBetter = true, double margin = 0) =>
        SummarizeCounted(Counted(changes), higherIsBetter, margin);

    /// <summary>
    /// Summarises changes given as each distinct change and how many members had it, as the dashboard reads them from the
    /// database: the same figures as for the list of changes, in time that grows with the distinct changes (a few dozen)
    /// rather than the members (thousands).
    /// </summary>
    public static PairedSummary SummarizeCounted(IReadOnlyList<(double Change, int Count)> changes, bool higherIsBetter = true, double margin = 0)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var (n, mean, sd) = Moments(changes);
        var (low, high) = ConfidenceInterval(n, mean, sd);
        double? effect = sd is > 0 ? mean / sd.Value : null;
        var improved = changes.Where(c => (higherIsBetter ? c.Change : -c.Change) > margin).Sum(c => c.Count);
        return new PairedSummary(n, mean, sd, low, high, effect, WilcoxonSignedRank(changes), improved);
    }

    /// <summary>Each distinct change and how many times it occurs.</summary>
    public static List<(double Change, int Count)> Counted(IEnumerable<double> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return [.. changes.GroupBy(d => d).Select(g => (g.Key, g.Count()))];
    }

    /// <summary>How many, the mean, and the sample standard deviation (null below two).</summary>
    private static (int N, double Mean, double? Sd) Moments(IReadOnlyList<(double Change, int Count)> changes)
    {
        var n = changes.Sum(c => c.Count);
        var mean = n == 0 ? 0 : changes.Sum(c => c.Change * c.Count) / n;
        double? sd = n < 2 ? null : Math.Sqrt(changes.Sum(c => c.Count * (c.Change - mean) * (c.Change - mean)) / (n - 1));
        return (n, mean, sd);
    }

    /// <summary>The 95 % confidence interval of the mean of paired differences: mean ± t(0.975, n − 1) · s / √n.</summary>
    private static (double? Low, double? High) ConfidenceInterval(int n, double mean, double? sd)
    {
        if (sd is not { } s)
        {
            return (null, null);
        }
        var t = StudentT.InvCDF(0, 1, n - 1, 0.975);
        var half = t * s / Math.Sqrt(n);
        return (mean - half, mean + half);
    }

    /// <summary>
    /// Two-sided Wilcoxon signed-rank test of the differences against 0. Zero differences are dropped; tied absolute
    /// differences get their average rank. Exact for up to <see cref="ExactUpTo"/> pairs without ties; otherwise the
    /// normal approximation with the tie correction of the variance and a continuity correction of 0.5.
    /// </summary>
    public static WilcoxonResult WilcoxonSignedRank(IReadOnlyList<double> differences) => WilcoxonSignedRank(Counted(differences));

    /// <inheritdoc cref="WilcoxonSignedRank(IReadOnlyList{double})"/>
    public static WilcoxonResult WilcoxonSignedRank(IReadOnlyList<(double Change, int Count)> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        // Members with the same absolute difference share the average of the ranks they span, whatever the sign: so the
        // ranks are worked out once per distinct absolute difference.
        var byMagnitude = differences
            .Where(d => d.Change != 0 && !double.IsNaN(d.Change) && d.Count > 0)
            .GroupBy(d => Math.Abs(d.Change))
            .OrderBy(g => g.Key)
            .Select(g => (Positive: g.Where(d => d.Change > 0).Sum(d => d.Count), All: g.Sum(d => d.Count)))
            .ToList();
        var n = byMagnitude.Sum(g => g.All);
        if (n == 0)
        {
            return new WilcoxonResult(0, 0, 0, null, true);
        }
        double wPlus = 0, wMinus = 0, tieTerm = 0;
        var hasTies = false;
        var below = 0;
        foreach (var (positive, all) in byMagnitude)
        {
            var average = below + (all + 1) / 2.0;
            wPlus += average * positive;
            wMinus += average * (all - positive);
            if (all > 1)
            {
                hasTies = true;
                tieTerm += (double)all * all * all - all;
            }
            below += all;
        }

        if (!hasTies && n <= ExactUpTo)
        {
            return new WilcoxonResult(n, wPlus, wMinus, ExactTwoSided(n, (int)Math.Round(Math.Min(wPlus, wMinus))), true);
        }
        // In doubles: n (n + 1) overflows an int from 46,341 pairs.
        var expected = (double)n * (n + 1) / 4.0;
        var variance = (double)n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
        if (variance <= 0)
        {
            return new WilcoxonResult(n, wPlus, wMinus, 1, false);
        }
        var distance = Math.Max(0, Math.Abs(wPlus - expected) - 0.5);
        var z = distance / Math.Sqrt(variance);
        var p = Math.Min(1, 2 * Normal.CDF(0, 1, -z));
        return new WilcoxonResult(n, wPlus, wMinus, p, false);
    }

    /// <summary>P(W ≤ smaller) · 2 under the null, counting the 2ⁿ equally likely sign patterns of ranks 1…n.</summary>
    private static double ExactTwoSided(int n, int smaller)
    {
        var maxSum = n * (n + 1) / 2;
        // ways[s]: sign patterns whose positive ranks add up to s; doubles hold 2^50 exactly enough for a p-value.
        var ways = new double[maxSum + 1];
        ways[0] = 1;
        for (var rank = 1; rank <= n; rank++)
        {
            for (var s = maxSum; s >= rank; s--)
            {
                ways[s] += ways[s - rank];
            }
        }
        var atMost = 0.0;
        for (var s = 0; s <= smaller; s++)
        {
            atMost += ways[s];
        }
        return Math.Min(1, 2 * atMost / Math.Pow(2, n));
    }

    /// <summary>The median of a list (sorted in place); null when empty.</summary>
    public static double? Median(List<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
