using PeerCircle.Web.Features.Outcomes.Reports;

namespace PeerCircle.UnitTests.Features.Outcomes.Reports;

/// <summary>Paired statistics checked against published worked examples (numbers typed in from the sources cited).</summary>
public class BenefitStatisticsTests
{
    // Student (1908), "The probable error of a mean", Biometrika 6(1): extra hours of sleep of 10 patients with two
    // drugs (R's datasets::sleep). The paired t-test in R's documentation, t.test(extra ~ group, data = sleep,
    // paired = TRUE), reports mean difference -1.58, t = -4.0621, df = 9, 95 % CI -2.4598858 to -0.7001142.
    // Here the difference is drug 2 minus drug 1, so the signs flip.
    private static readonly double[] SleepDrug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] SleepDrug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    // Hollander & Wolfe (1973), Nonparametric Statistical Methods, p. 29, Example 3.1: Hamilton depression scale
    // before (x) and after (y) tranquilizer, 9 patients. R's wilcox.test documentation runs
    // wilcox.test(x, y, paired = TRUE, alternative = "greater") and reports V = 40, p-value = 0.01953 (exact);
    // the two-sided exact p-value is twice that, 10/256 = 0.0390625.
    private static readonly double[] DepressionBefore = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30];
    private static readonly double[] DepressionAfter = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

    private static (double, double)[] Pairs(double[] baseline, double[] followUp) => [.. baseline.Zip(followUp)];

    [Fact]
    public void PairedTInterval_MatchesStudentsSleepData()
    {
        var summary = BenefitStatistics.Summarize(Pairs(SleepDrug1, SleepDrug2));

        Assert.Equal(10, summary.N);
        Assert.Equal(1.58, summary.MeanChange, 10);
        Assert.Equal(0.7001142, summary.CiLow!.Value, 6);
        Assert.Equal(2.4598858, summary.CiHigh!.Value, 6);
        // t = mean / (sd / √n) = 4.0621, so Cohen's dz = t / √n.
        Assert.Equal(4.0621 / Math.Sqrt(10), summary.EffectSize!.Value, 3);
    }

    [Fact]
    public void Wilcoxon_SleepData_UsesTheNormalApproximationWithTiesAndZeros()
    {
        // R: wilcox.test(extra ~ group, data = sleep, paired = TRUE) → V = 0, p-value = 0.009091 (with the warning
        // "cannot compute exact p-value with ties and zeroes": one zero difference is dropped, 1.3 occurs twice).
        var result = BenefitStatistics.WilcoxonSignedRank([.. SleepDrug1.Zip(SleepDrug2, (a, b) => a - b)]);

        Assert.Equal(9, result.N);
        Assert.Equal(0, result.WPlus);
        Assert.Equal(45, result.WMinus);
        Assert.False(result.Exact);
        Assert.Equal(0.009091, result.PValue!.Value, 5);
    }

    [Fact]
    public void Wilcoxon_HollanderWolfeExample_IsExact()
    {
        var result = BenefitStatistics.WilcoxonSignedRank([.. DepressionBefore.Zip(DepressionAfter, (x, y) => x - y)]);

        Assert.Equal(9, result.N);
        Assert.Equal(40, result.WPlus);
        Assert.Equal(5, result.WMinus);
        Assert.True(result.Exact);
        Assert.Equal(0.0390625, result.PValue!.Value, 7);
    }

    [Fact]
    public void Wilcoxon_WikipediaExample_HasTheSignedRankSumNine()
    {
        // Wikipedia, "Wilcoxon signed-rank test", worked example (10 pairs, one zero, one tie): W = 9, i.e.
        // W+ = 27 and W− = 18 over 9 non-zero pairs. R gives V = 27, p-value = 0.6353 (normal approximation).
        double[] x2 = [125, 115, 130, 140, 140, 115, 140, 125, 140, 135];
        double[] x1 = [110, 122, 125, 120, 140, 124, 123, 137, 135, 145];

        var result = BenefitStatistics.WilcoxonSignedRank([.. x2.Zip(x1, (a, b) => a - b)]);

        Assert.Equal(9, result.N);
        Assert.Equal(27, result.WPlus);
        Assert.Equal(18, result.WMinus);
        Assert.Equal(9, result.WPlus - result.WMinus);
        Assert.Equal(0.6353, result.PValue!.Value, 4);
    }

    [Fact]
    public void ShareImproved_FollowsTheScalesBetterDirection()
    {
        (double, double)[] pairs = [(5, 7), (5, 6), (5, 5), (5, 4), (5, 8)];

        var higherBetter = BenefitStatistics.Summarize(pairs, higherIsBetter: true);
        var lowerBetter = BenefitStatistics.Summarize(pairs, higherIsBetter: false);
        var byOnePoint = BenefitStatistics.Summarize(pairs, higherIsBetter: true, margin: 1);

        Assert.Equal(3, higherBetter.Improved);
        Assert.Equal(0.6, higherBetter.ShareImproved, 10);
        Assert.Equal(1, lowerBetter.Improved);
        Assert.Equal(2, byOnePoint.Improved);
    }

    [Fact]
    public void NoVariation_HasNoEffectSizeAndNoInterval()
    {
        var single = BenefitStatistics.SummarizeChanges([2.0]);
        var same = BenefitStatistics.SummarizeChanges([1.0, 1.0, 1.0]);

        Assert.Null(single.CiLow);
        Assert.Null(single.EffectSize);
        Assert.Null(same.EffectSize);
        Assert.Equal(1, same.MeanChange);
    }

    [Fact]
    public void Wilcoxon_AllZero_HasNoPValue() =>
        Assert.Null(BenefitStatistics.WilcoxonSignedRank([0.0, 0.0]).PValue);

    [Fact]
    public void CountedChanges_GiveTheFiguresOfEachMemberRankedOneByOne()
    {
        // How the dashboard reads changes: each distinct change once with how many members had it, in any order.
        double[] changes = [1, 1, 1, -0.5, 2, 0, 0, 1.5, -1, -1, 1, 2, 0.5, 0.5, 3, -0.5, 1, 1.5, 2, 0, 1];
        var counted = changes.GroupBy(c => c).Select(g => (g.Key, g.Count())).Reverse().ToList();

        var summary = BenefitStatistics.SummarizeCounted(counted);

        var mean = changes.Average();
        var sd = Math.Sqrt(changes.Sum(d => (d - mean) * (d - mean)) / (changes.Length - 1));
        Assert.Equal(21, summary.N);
        Assert.Equal(mean, summary.MeanChange, 12);
        Assert.Equal(sd, summary.StandardDeviation!.Value, 12);
        Assert.Equal(changes.Count(d => d > 0), summary.Improved);
        // Ranked member by member, ties in absolute value across signs (0.5 and -0.5, 1 and -1) sharing their average rank.
        var (n, wPlus, wMinus) = RankOneByOne(changes);
        Assert.Equal(n, summary.Wilcoxon.N);
        Assert.Equal(wPlus, summary.Wilcoxon.WPlus);
        Assert.Equal(wMinus, summary.Wilcoxon.WMinus);
        Assert.False(summary.Wilcoxon.Exact);
    }

    [Fact]
    public void Wilcoxon_WithTensOfThousandsOfPairs_HasAProbabilityBetweenZeroAndOne()
    {
        // 60,000 pairs: n (n + 1) no longer fits in an int.
        var result = BenefitStatistics.WilcoxonSignedRank([(1.0, 31_000), (-1.0, 29_000)]);

        Assert.Equal(60_000, result.N);
        Assert.InRange(result.PValue!.Value, 0, 1);
        Assert.True(result.PValue < 0.001);
    }

    /// <summary>W+ and W− the textbook way: sort the non-zero differences by size, give tied sizes their average rank.</summary>
    private static (int N, double WPlus, double WMinus) RankOneByOne(double[] differences)
    {
        var nonZero = differences.Where(d => d != 0).OrderBy(Math.Abs).ToArray();
        double wPlus = 0, wMinus = 0;
        for (var i = 0; i < nonZero.Length; i++)
        {
            var tied = Enumerable.Range(0, nonZero.Length).Where(j => Math.Abs(nonZero[j]) == Math.Abs(nonZero[i])).ToList();
            var rank = tied.Average(j => j + 1.0);
            if (nonZero[i] > 0)
            {
                wPlus += rank;
            }
            else
            {
                wMinus += rank;
            }
        }
        return (nonZero.Length, wPlus, wMinus);
    }
}
