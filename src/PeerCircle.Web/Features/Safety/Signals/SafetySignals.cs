using Microsoft.Extensions.Options;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Safety.Cases;
using PeerCircle.Web.Features.Safety.Grief;
using PeerCircle.Web.Features.Safety.RiskLanguage;

namespace PeerCircle.Web.Features.Safety.Signals;

/// <summary>The check-in scores at which a clinician follows up (configurable as Safety:FollowUpDistress and Safety:PriorityDistress).</summary>
public sealed class SignalOptions
{
    /// <summary>From this score a clinician follows up within the routine time.</summary>
    public int FollowUpDistress { get; set; } = 4;

    /// <summary>From this score the follow-up is a priority.</summary>
    public int PriorityDistress { get; set; } = 7;
}

/// <summary>
/// Turns what members write and answer, and what facilitators notice, into safety signals. Each event stages at most one
/// signal (the most serious reason, with every reason in its explanation) on the caller's unit of work, so the
/// member's words and the signal are saved together, before anyone is told.
/// </summary>
public sealed class SafetySignals(SafetyNet net, RiskDetector detector, IOptions<SignalOptions> options)
{
    /// <summary>How quickly each risk-language category needs a clinician.</summary>
    public static CasePriority PriorityOf(string category) => category switch
    {
        "self_harm" or "harm_to_others" => CasePriority.Urgent,
        "abuse_neglect" or "severe_distress" => CasePriority.Priority,
        _ => CasePriority.Routine,
    };

    /// <summary>A check-in: the safety question, the score against the thresholds, and the words of the note.</summary>
    public async Task<CasePriority?> CheckInAsync(MeetingCheckIn checkIn, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        var thresholds = options.Value;
        var reasons = new List<(SignalKind Kind, CasePriority Priority, string Why)>();
        if (checkIn.ThoughtsOfSelfHarm == true)
        {
            reasons.Add((SignalKind.SafetyQuestion, CasePriority.Urgent, "answered yes to the safety question"));
        }
        if (checkIn.Distress >= thresholds.PriorityDistress)
        {
            reasons.Add((SignalKind.CheckInDistress, CasePriority.Priority, $"distress {checkIn.Distress} of 10"));
        }
        else if (checkIn.Distress >= thresholds.FollowUpDistress)
        {
            reasons.Add((SignalKind.CheckInDistress, CasePriority.Routine, $"distress {checkIn.Distress} of 10"));
        }
        var words = string.Join(" — ", new[] { checkIn.FeelingWord, checkIn.NoteForFacilitator }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return await StageAsync(checkIn.UserId, source, checkIn.Id == 0 ? null : checkIn.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            reasons, words, checkIn.Distress, checkIn.RecordedById == checkIn.UserId ? null : checkIn.RecordedById, cancellationToken);
    }

    /// <summary>Free text a member wrote (feedback, intake): only its words can raise a signal.</summary>
    public Task<CasePriority?> TextAsync(string memberId, string source, string? sourceId, string? text, CancellationToken cancellationToken) =>
        StageAsync(memberId, source, sourceId, [], text, null, null, cancellationToken);

    /// <summary>A facilitator's concern about a member: urgent when they said so, or for talk of suicide or threats.</summary>
    public async Task<CasePriority?> ConcernAsync(Concern concern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(concern);
        if (concern.AboutUserId is null)
        {
            return null; // Someone known only by name: the concern stays in the meeting's log for the coordinator.
        }
        var priority = concern.Urgent || concern.Kind is ConcernKind.SuicidalTalk or ConcernKind.Threats ? CasePriority.Urgent
            : concern.Kind is ConcernKind.SuspectedAbuse or ConcernKind.Distress ? CasePriority.Priority
            : CasePriority.Routine;
        var why = $"a facilitator noted a concern: {concern.Kind}{(concern.Urgent ? " (marked urgent)" : "")}";
        return await StageAsync(concern.AboutUserId, "concern", concern.Id == 0 ? null : concern.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [(SignalKind.FacilitatorConcern, priority, why)], concern.Note, null, concern.RaisedById, cancellationToken);
    }

    /// <summary>A grief check-in: a high score suggests a professional follow-up; a yes to the safety question is urgent.</summary>
    public Task<CasePriority?> GriefAsync(GriefCheckIn grief, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grief);
        var reasons = new List<(SignalKind, CasePriority, string)>();
        if (grief.ThoughtsOfSelfHarm == true)
        {
            reasons.Add((SignalKind.SafetyQuestion, CasePriority.Urgent, "answered yes to the safety question"));
        }
        if (grief.SuggestsFollowUp)
        {
            reasons.Add((SignalKind.GriefCheckIn, CasePriority.Routine, $"grief check-in {grief.Score} of {GriefItems.MaxScore}, which suggests a professional follow-up"));
        }
        return StageAsync(grief.MemberId, "grief-check-in", null, reasons, null, grief.Score, null, cancellationToken);
    }

    private async Task<CasePriority?> StageAsync(
        string memberId, string source, string? sourceId, List<(SignalKind Kind, CasePriority Priority, string Why)> reasons, string? text,
        int? score, string? raisedById, CancellationToken cancellationToken)
    {
        var risk = detector.Detect(text);
        string? excerpt = null;
        string? categories = null;
        if (risk.Any)
        {
            var worst = risk.Categories.Min(PriorityOf);
            reasons.Add((SignalKind.RiskLanguage, worst, risk.Explanation));
            excerpt = string.Join(" … ", risk.Matches.Select(m => m.Excerpt).Distinct());
            categories = string.Join(",", risk.Categories);
        }
        else if (reasons.Any(r => r.Kind == SignalKind.FacilitatorConcern) && !string.IsNullOrWhiteSpace(text))
        {
            excerpt = text; // The facilitator's own note explains their concern.
        }
        if (reasons.Count == 0)
        {
            return null;
        }
        // Urgent sorts first; the most serious reason names the signal.
        var lead = reasons.OrderBy(r => r.Priority).First();
        await net.StageAsync(new SignalRequest(memberId, lead.Kind, lead.Priority, source, sourceId,
            Truncate(string.Join("; ", reasons.Select(r => r.Why)), 500)!, Truncate(excerpt, 1000), categories, score, raisedById), cancellationToken);
        return lead.Priority;
    }

    private static string? Truncate(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}
