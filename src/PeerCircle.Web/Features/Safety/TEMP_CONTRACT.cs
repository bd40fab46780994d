// Temporary: the shapes other branches deliver; deleted when they are merged.
using PeerCircle.Data.Safety;
namespace PeerCircle.Web.Features.Safety.RiskLanguage
{
    public sealed record RiskMatch(string Category, string Excerpt, string Rule);
    public sealed record RiskResult(IReadOnlyList<string> Categories, string Explanation, IReadOnlyList<RiskMatch> Matches) { public bool Any => Categories.Count > 0; }
    public sealed class RiskDetector { public RiskResult Detect(string? text) => new([], "", []); }
}
namespace PeerCircle.Web.Features.Safety.Cases
{
    public sealed record SignalRequest(string MemberId, SignalKind Kind, CasePriority Priority, string Source, string? SourceId, string Explanation, string? Excerpt = null, string? Categories = null, int? Score = null, string? RaisedById = null);
    public sealed class SafetyNet { public Task StageAsync(SignalRequest request, CancellationToken ct) => Task.CompletedTask; }
}
