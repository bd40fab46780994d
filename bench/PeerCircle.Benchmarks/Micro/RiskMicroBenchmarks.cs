using BenchmarkDotNet.Attributes;
using PeerCircle.Web.Features.Safety.RiskLanguage;

namespace PeerCircle.Benchmarks.Micro;

/// <summary>The risk-language detector on a short harmless note, a long one, and a worrying one.</summary>
public class RiskMicroBenchmarks
{
    private readonly RiskDetector _detector = new();

    private const string Short = "Tired after infusion three but managing.";

    private const string Risky = "Honestly I can't go on like this. I've been thinking about killing myself most nights this week.";

    private static readonly string Long = string.Join(' ', Enumerable.Repeat(
        "Caring for mom is exhausting but we had a nice afternoon in the garden, and my oncologist said to stop the pills before surgery.", 12));

    [Benchmark]
    public RiskResult ShortNote() => _detector.Detect(Short);

    [Benchmark]
    public RiskResult RiskyNote() => _detector.Detect(Risky);

    [Benchmark]
    public RiskResult LongNote1500Chars() => _detector.Detect(Long);
}
