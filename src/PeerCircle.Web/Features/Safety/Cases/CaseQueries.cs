using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Safety;

namespace PeerCircle.Web.Features.Safety.Cases;

public sealed record QueueRow(long Id, CasePriority Priority, CaseStatus Status, DateTime OpenedAtUtc, DateTime DueAtUtc, string MemberName,
    IReadOnlyList<string> Explanations, bool Escalated, string? AssignedTo)
{
    public bool IsOverdue(DateTime nowUtc) => Status == CaseStatus.Open && DueAtUtc <= nowUtc;
}

public sealed record AlertRow(long Id, long CaseId, AlertKind Kind, DateTime CreatedAtUtc);

public sealed record CaseDetails(
    EscalationCase Case, string MemberName, string? MemberEmail, string TimeZoneId, Data.Members.MemberProfile? Profile,
    IReadOnlyList<MeetingCheckIn> CheckIns, IReadOnlyList<GroupRow> Groups, IReadOnlyList<NoteRow> Notes, IReadOnlyDictionary<string, string> Names);

public sealed record GroupRow(string Name, string Slug, string? Lead, string? LeadEmail, string? CoLead, string? CoLeadEmail);

public sealed record NoteRow(DateTime WrittenAtUtc, string Author, string? Text);

public sealed record ConcernRow(DateTime RaisedAtUtc, string MemberName, string Source, bool FollowedUp, DateTime? FollowedUpAtUtc);

/// <summary>Reading cases for the clinician queue, the case page, coordinators and facilitators.</summary>
public sealed class CaseQueries(PeerCircleDb db, ClinicalNoteProtector protector)
{
    public const int RecentCheckIns = 8;

    /// <summary>Open and acknowledged cases, most urgent first, then by due time.</summary>
    public async Task<List<QueueRow>> QueueAsync(CancellationToken ct, bool overdueOrEscalatedOnly = false, DateTime? nowUtc = null)
    {
        var query = db.EscalationCases.AsNoTracking().Where(c => c.Status != CaseStatus.Resolved);
        if (overdueOrEscalatedOnly && nowUtc is { } now)
        {
            query = query.Where(c => c.EscalatedAtUtc != null || (c.Status == CaseStatus.Open && c.DueAtUtc <= now));
        }
        var rows = await query
            .Select(c => new
            {
                c.Id, c.Priority, c.Status, c.OpenedAtUtc, c.DueAtUtc, Member = c.Member!.DisplayName, c.EscalatedAtUtc, c.AssignedClinicianId,
                Explanations = c.Signals.OrderBy(s => s.RaisedAtUtc).Select(s => s.Explanation).ToList(),
            })
            .ToListAsync(ct);
        var names = await NamesAsync(rows.Where(r => r.AssignedClinicianId != null).Select(r => r.AssignedClinicianId!), ct);
        return rows
            .Select(r => new QueueRow(r.Id, r.Priority, r.Status, r.OpenedAtUtc, r.DueAtUtc, r.Member, r.Explanations, r.EscalatedAtUtc != null,
                r.AssignedClinicianId is { } id ? names.GetValueOrDefault(id) : null))
            .OrderBy(r => (int)r.Priority).ThenBy(r => r.DueAtUtc).ThenBy(r => r.Id)
            .ToList();
    }

    /// <summary>
    /// How many cases still wait for a clinician after their due time (escalated to the coordinators, or overdue and not
    /// acknowledged): the coordinator's in-app alert on their home page. It clears when a clinician acknowledges.
    /// </summary>
    public Task<int> WaitingOverdueCountAsync(DateTime nowUtc, CancellationToken ct) =>
        db.EscalationCases.CountAsync(c => c.Status == CaseStatus.Open && (c.EscalatedAtUtc != null || c.DueAtUtc <= nowUtc), ct);

    public Task<List<AlertRow>> UnreadAlertsAsync(string recipientId, CancellationToken ct) =>
        db.SafetyAlerts.AsNoTracking()
            .Where(a => a.RecipientId == recipientId && a.ReadAtUtc == null && a.Kind != AlertKind.FollowedUp)
            .OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id)
            .Select(a => new AlertRow(a.Id, a.CaseId, a.Kind, a.CreatedAtUtc))
            .Take(50)
            .ToListAsync(ct);

    /// <summary>Everything a clinician needs on one case, with the notes opened; null when there is no such case.</summary>
    public async Task<CaseDetails?> CaseAsync(long caseId, CancellationToken ct)
    {
        var @case = await db.EscalationCases.AsNoTracking()
            .Include(c => c.Member)
            .Include(c => c.Signals.OrderBy(s => s.RaisedAtUtc))
            .Include(c => c.ContactAttempts.OrderBy(a => a.AttemptedAtUtc))
            .Include(c => c.Notes.OrderBy(n => n.WrittenAtUtc))
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case?.Member is not { } member)
        {
            return null;
        }
        var profile = await db.MemberProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == member.Id, ct);
        var checkIns = await db.MeetingCheckIns.AsNoTracking().Include(c => c.Group)
            .Where(c => c.UserId == member.Id)
            .OrderByDescending(c => c.RecordedAtUtc).Take(RecentCheckIns)
            .ToListAsync(ct);
        var groups = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.UserId == member.Id && m.Status == MembershipStatus.Accepted)
            .Select(m => new GroupRow(m.Group!.Name, m.Group.Slug,
                m.Group.LeadFacilitator != null ? m.Group.LeadFacilitator.FullName : null,
                m.Group.LeadFacilitator != null ? m.Group.LeadFacilitator.Email : null,
                m.Group.CoFacilitator != null ? m.Group.CoFacilitator.FullName : null,
                m.Group.CoFacilitator != null ? m.Group.CoFacilitator.Email : null))
            .ToListAsync(ct);
        var people = @case.Signals.Select(s => s.RaisedById).Concat(@case.ContactAttempts.Select(a => a.ById)).Concat(@case.Notes.Select(n => n.AuthorId))
            .Append(@case.AssignedClinicianId).Append(@case.AcknowledgedById).Append(@case.ResolvedById)
            .OfType<string>();
        var names = await NamesAsync(people, ct);
        var notes = @case.Notes.Select(n => new NoteRow(n.WrittenAtUtc, names.GetValueOrDefault(n.AuthorId, ""), protector.Unprotect(n.ProtectedText))).ToList();
        return new CaseDetails(@case, member.DisplayName, member.Email, member.TimeZoneId, profile, checkIns, groups, notes, names);
    }

    /// <summary>A facilitator's recent concerns and whether a clinician has followed up; no clinical details.</summary>
    public async Task<List<ConcernRow>> ConcernsRaisedByAsync(string facilitatorId, CancellationToken ct)
    {
        var rows = await db.SafetySignals.AsNoTracking()
            .Where(s => s.RaisedById == facilitatorId)
            .OrderByDescending(s => s.RaisedAtUtc).Take(10)
            .Select(s => new { s.RaisedAtUtc, Member = s.Case!.Member!.DisplayName, s.Source, s.Case.Status, s.Case.ResolvedAtUtc })
            .ToListAsync(ct);
        return rows.Select(r => new ConcernRow(r.RaisedAtUtc, r.Member, r.Source, r.Status == CaseStatus.Resolved, r.ResolvedAtUtc)).ToList();
    }

    /// <summary>Safety e-mails that have not gone out yet, with the last error, so nobody has to guess.</summary>
    public Task<List<SafetyAlert>> UnsentAlertsAsync(CancellationToken ct) =>
        db.SafetyAlerts.AsNoTracking().Where(a => a.EmailSentAtUtc == null && a.EmailAttempts > 0)
            .OrderBy(a => a.CreatedAtUtc).Take(50).ToListAsync(ct);

    public async Task<string> TimeZoneOfAsync(string userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZoneId).SingleOrDefaultAsync(ct) ?? "America/New_York";

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
    }
}
