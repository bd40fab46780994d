using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Safety.Cases;

/// <summary>One signal that a member may need a clinician, as the feature that noticed it describes it.</summary>
public sealed record SignalRequest(
    string MemberId, SignalKind Kind, CasePriority Priority, string Source, string? SourceId, string Explanation,
    string? Excerpt = null, string? Categories = null, int? Score = null, string? RaisedById = null);

/// <summary>
/// Turns a signal into a case a clinician must follow up. Everything is staged on the caller's <see cref="PeerCircleDb"/>
/// without saving, so the caller's SaveChanges writes its own change, the signal, the case and the alerts in one
/// transaction; e-mails go out afterwards from the <see cref="SafetyAlert"/> rows (<see cref="CaseSweep"/>).
/// </summary>
public sealed class SafetyNet(PeerCircleDb db, AuditTrail audit, TimeProvider time, IOptions<CaseOptions> options, CaseBoard board)
{
    private readonly CaseOptions _options = options.Value;
    private bool _announcing;

    public async Task StageAsync(SignalRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow().UtcDateTime;
        var signal = new SafetySignal
        {
            MemberId = request.MemberId,
            Kind = request.Kind,
            Priority = request.Priority,
            Source = Cut(request.Source, 40),
            SourceId = request.SourceId is null ? null : Cut(request.SourceId, 64),
            Categories = request.Categories is null ? null : Cut(request.Categories, 200),
            Excerpt = request.Excerpt is null ? null : Cut(request.Excerpt, 1000),
            Explanation = Cut(request.Explanation, 500),
            Score = request.Score,
            RaisedById = request.RaisedById,
            RaisedAtUtc = now,
        };

        // A case staged earlier in this unit of work counts too, so two signals from one save fold together.
        var open = db.EscalationCases.Local.FirstOrDefault(c => c.MemberId == request.MemberId && c.Status != CaseStatus.Resolved)
            ?? await db.EscalationCases
                .Where(c => c.MemberId == request.MemberId && c.Status != CaseStatus.Resolved)
                .OrderBy(c => c.OpenedAtUtc).FirstOrDefaultAsync(ct);

        if (open is null)
        {
            var onCall = await CaseRecipients.OnCallNowAsync(db, now, ct);
            var recipients = onCall.Count > 0 ? onCall : await CaseRecipients.InRoleAsync(db, Roles.Clinician, ct);
            var opened = new EscalationCase
            {
                MemberId = request.MemberId,
                Priority = request.Priority,
                Status = CaseStatus.Open,
                OpenedAtUtc = now,
                DueAtUtc = _options.DueAt(request.Priority, now),
                AssignedClinicianId = onCall.FirstOrDefault(),
                LastAlertAtUtc = now,
                Signals = [signal],
            };
            db.EscalationCases.Add(opened);
            foreach (var recipient in recipients)
            {
                db.SafetyAlerts.Add(new SafetyAlert { Case = opened, RecipientId = recipient, Kind = AlertKind.NewCase, CreatedAtUtc = now });
            }
            audit.StageChange(AuditActions.SafetyCaseOpened, "Member", request.MemberId,
                $"{request.Kind} signal from {signal.Source}; {request.Priority} case due {opened.DueAtUtc:u}; {(onCall.Count > 0 ? "routed to the on-call clinician" : "no one on call, routed to every clinician")} ({recipients.Count} alerted).");
        }
        else
        {
            if (await RepeatsAsync(open, signal, ct))
            {
                // The same words from the same place (a survey sent again after fixing an answer) are already on the
                // open case: the clinician sees them once.
                return;
            }
            signal.Case = open;
            open.Signals.Add(signal);
            db.SafetySignals.Add(signal);
            var raised = CaseOptions.MoreUrgent(request.Priority, open.Priority);
            var detail = $"{request.Kind} signal from {signal.Source} ({request.Priority}) added to the open {open.Priority} case";
            if (raised)
            {
                open.Priority = request.Priority;
                var due = _options.DueAt(request.Priority, now);
                if (due < open.DueAtUtc)
                {
                    open.DueAtUtc = due;
                }
                open.LastAlertAtUtc = now;
                open.Version++;
                var recipients = await CaseRecipients.ForCaseAsync(db, open, now, ct);
                foreach (var recipient in recipients)
                {
                    db.SafetyAlerts.Add(new SafetyAlert { Case = open, RecipientId = recipient, Kind = AlertKind.NewCase, CreatedAtUtc = now });
                }
                detail += $"; priority raised to {request.Priority}, due {open.DueAtUtc:u}; {recipients.Count} alerted again";
            }
            audit.StageChange(AuditActions.SafetySignalAdded, "Member", request.MemberId, detail + ".");
        }

        // Open queues refresh once the caller's save has written the case.
        if (!_announcing)
        {
            _announcing = true;
            db.SavedChanges += (_, _) => board.Publish();
        }
    }

    /// <summary>
    /// Whether the open case already holds these words from the same place (a risk-language signal with the same source
    /// id, excerpt and reasons): a member who sends a survey part again after fixing an answer is not flagged twice.
    /// </summary>
    private async Task<bool> RepeatsAsync(EscalationCase open, SafetySignal signal, CancellationToken ct)
    {
        if (signal.SourceId is null || signal.Kind != SignalKind.RiskLanguage)
        {
            return false;
        }
        System.Linq.Expressions.Expression<Func<SafetySignal, bool>> same = s => s.Source == signal.Source && s.SourceId == signal.SourceId
            && s.Kind == signal.Kind && s.Excerpt == signal.Excerpt && s.Explanation == signal.Explanation;
        var sameHere = same.Compile();
        if (open.Signals.Any(sameHere) || db.SafetySignals.Local.Any(s => s.Case == open && sameHere(s)))
        {
            return true;
        }
        return open.Id != 0 && await db.SafetySignals.Where(s => s.CaseId == open.Id).AnyAsync(same, ct);
    }

    private static string Cut(string value, int max) => value.Length > max ? value[..max] : value;
}

/// <summary>Who hears about a case.</summary>
public static class CaseRecipients
{
    /// <summary>Clinicians whose on-call shift covers <paramref name="nowUtc"/>, earliest shift first.</summary>
    public static async Task<List<string>> OnCallNowAsync(PeerCircleDb db, DateTime nowUtc, CancellationToken ct)
    {
        var clinicians = InRole(db, Roles.Clinician);
        var ids = await db.OnCallShifts.AsNoTracking()
            .Where(s => s.StartsAtUtc <= nowUtc && s.EndsAtUtc > nowUtc && clinicians.Contains(s.ClinicianId))
            .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id)
            .Select(s => s.ClinicianId)
            .ToListAsync(ct);
        return ids.Distinct().ToList();
    }

    public static Task<List<string>> InRoleAsync(PeerCircleDb db, string role, CancellationToken ct) =>
        InRole(db, role).OrderBy(id => id).ToListAsync(ct);

    /// <summary>The clinician the case was routed to; with nobody assigned, whoever is on call now, else every clinician.</summary>
    public static async Task<List<string>> ForCaseAsync(PeerCircleDb db, EscalationCase @case, DateTime nowUtc, CancellationToken ct)
    {
        if (@case.AssignedClinicianId is { } assigned)
        {
            return [assigned];
        }
        var onCall = await OnCallNowAsync(db, nowUtc, ct);
        return onCall.Count > 0 ? onCall : await InRoleAsync(db, Roles.Clinician, ct);
    }

    private static IQueryable<string> InRole(PeerCircleDb db, string role) =>
        from userRole in db.UserRoles
        join r in db.Roles on userRole.RoleId equals r.Id
        where r.Name == role
        select userRole.UserId;
}
