using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Safety.Signals;

public sealed class ConcernForm
{
    public string? Kind { get; set; }
    public string? Urgent { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// A facilitator's concern about one of their members, raised outside a meeting (after a phone call, a message, a
/// chance meeting): saved with its safety signal in one transaction, so a clinician follows up.
/// </summary>
public sealed class RaiseConcern(PeerCircleDb db, SafetySignals signals, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int NoteMax = 1000;

    public async Task<(CasePriority? Signal, Dictionary<string, string[]> Errors)> HandleAsync(
        string memberId, string memberName, string raisedById, ConcernForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<ConcernKind>(form.Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            errors["Kind"] = [text["Please choose what the concern is about."]];
        }
        var note = form.Note?.Trim();
        if (note is { Length: > NoteMax })
        {
            errors["Note"] = [text["Please keep the note under {0} characters.", NoteMax]];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var concern = new Concern
        {
            AboutUserId = memberId, AboutName = memberName, Kind = kind, Urgent = form.Urgent == "true",
            Note = string.IsNullOrEmpty(note) ? null : note, RaisedById = raisedById, RaisedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Concerns.Add(concern);
        var signal = await signals.ConcernAsync(concern, cancellationToken);
        audit.StageChange(AuditActions.ConcernRaised, "Member", memberId, $"{kind}{(concern.Urgent ? ", urgent" : "")}, outside a meeting");
        await db.SaveChangesAsync(cancellationToken);
        return (signal, errors);
    }
}
