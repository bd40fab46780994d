// Temporary: the shape the risk-language branch delivers; deleted when it is merged.
namespace PeerCircle.Web.Features.Safety.RiskLanguage;

public sealed record RiskMatch(string Category, string Excerpt, string Rule);

public sealed record RiskResult(IReadOnlyList<string> Categories, string Explanation, IReadOnlyList<RiskMatch> Matches)
{
    public bool Any => Categories.Count > 0;
}

public sealed class RiskDetector
{
    public RiskResult Detect(string? text) => new([], text ?? "", []);
}
