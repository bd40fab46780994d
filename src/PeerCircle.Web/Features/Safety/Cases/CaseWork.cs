using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Safety.Cases;

public sealed class ContactAttemptForm
{
    public string? Method { get; set; }
    public string? Reached { get; set; }
}

public sealed class ClinicalNoteForm
{
    public string? Text { get; set; }
}

public sealed class ResolveForm
{
    public string? Outcome { get; set; }
}

/// <summary>
/// Seals and opens clinical notes with ASP.NET Core Data Protection (the key ring is kept in the database), so the
/// stored column is never the note itself.
/// </summary>
public sealed class ClinicalNoteProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("PeerCircle.ClinicalNotes");

    public string Protect(string text) => _protector.Protect(text);

    public string? Unprotect(string sealedText)
    {
        try
        {
            return _protector.Unprotect(sealedText);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>What a clinician does on a case: acknowledge, try to reach the member, write notes, resolve.</summary>
public sealed class CaseWork(PeerCircleDb db, AuditTrail audit, TimeProvider time, ClinicalNoteProtector notes, CaseBoard board, IStringLocalizer<SharedResource> text)
{
    public const int MaxNoteLength = 4000;

    public async Task<string?> AcknowledgeAsync(long caseId, string clinicianId, CancellationToken ct)
    {
        var @case = await OpenCaseAsync(caseId, ct);
        if (@case is null)
        {
            return text["This case is already resolved."];
        }
        if (@case.Status == CaseStatus.Open)
        {
            @case.Status = CaseStatus.Acknowledged;
            @case.AcknowledgedAtUtc = time.GetUtcNow().UtcDateTime;
            @case.AcknowledgedById = clinicianId;
            @case.AssignedClinicianId ??= clinicianId;
            @case.Version++;
            audit.StageChange(AuditActions.SafetyCaseAcknowledged, "EscalationCase", caseId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await SaveAsync(ct);
        }
        return null;
    }

    public async Task<Dictionary<string, string[]>> RecordContactAttemptAsync(long caseId, string clinicianId, ContactAttemptForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<ContactMethod>(form.Method, ignoreCase: false, out var method) || !Enum.IsDefined(method))
        {
            errors["contact-method"] = [text["Please choose how you tried to reach the member."]];
        }
        bool? reached = form.Reached switch { "yes" => true, "no" => false, _ => null };
        if (reached is null)
        {
            errors["contact-reached-yes"] = [text["Please say whether you reached the member."]];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var @case = await OpenCaseAsync(caseId, ct);
        if (@case is null)
        {
            return new() { ["contact-method"] = [text["This case is already resolved."]] };
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.CaseContactAttempts.Add(new CaseContactAttempt { CaseId = caseId, ById = clinicianId, AttemptedAtUtc = now, Method = method, Reached = reached!.Value });
        // Trying to reach the member is acknowledging the case.
        if (@case.Status == CaseStatus.Open)
        {
            @case.Status = CaseStatus.Acknowledged;
            @case.AcknowledgedAtUtc = now;
            @case.AcknowledgedById = clinicianId;
        }
        @case.Version++;
        audit.StageChange(AuditActions.SafetyContactAttempted, "EscalationCase", caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{method}, {(reached.Value ? "reached" : "not reached")}");
        await SaveAsync(ct);
        return errors;
    }

    public async Task<Dictionary<string, string[]>> WriteNoteAsync(long caseId, string clinicianId, ClinicalNoteForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var note = form.Text?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return new() { ["note-text"] = [text["Please write the note before saving it."]] };
        }
        if (note.Length > MaxNoteLength)
        {
            return new() { ["note-text"] = [text["Please keep a note under {0} characters.", MaxNoteLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]] };
        }
        if (!await db.EscalationCases.AnyAsync(c => c.Id == caseId, ct))
        {
            return new() { ["note-text"] = [text["This case could not be found."]] };
        }
        db.ClinicalNotes.Add(new ClinicalNote { CaseId = caseId, AuthorId = clinicianId, WrittenAtUtc = time.GetUtcNow().UtcDateTime, ProtectedText = notes.Protect(note) });
        // The audit says a note was written, never what it says.
        audit.StageChange(AuditActions.SafetyNoteWritten, "EscalationCase", caseId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await SaveAsync(ct);
        return [];
    }

    public async Task<Dictionary<string, string[]>> ResolveAsync(long caseId, string clinicianId, ResolveForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Enum.TryParse<CaseOutcome>(form.Outcome, ignoreCase: false, out var outcome) || !Enum.IsDefined(outcome))
        {
            return new() { ["outcome-ConnectedToCounseling"] = [text["Please choose the outcome."]] };
        }
        var @case = await OpenCaseAsync(caseId, ct);
        if (@case is null)
        {
            return new() { ["outcome-ConnectedToCounseling"] = [text["This case is already resolved."]] };
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (@case.AcknowledgedAtUtc is null)
        {
            @case.AcknowledgedAtUtc = now;
            @case.AcknowledgedById = clinicianId;
        }
        @case.Status = CaseStatus.Resolved;
        @case.ResolvedAtUtc = now;
        @case.ResolvedById = clinicianId;
        @case.Outcome = outcome;
        @case.Version++;
        // The facilitators who raised a concern hear that a clinician followed up, and nothing more.
        var raisers = await db.SafetySignals.Where(s => s.CaseId == caseId && s.RaisedById != null)
            .Select(s => s.RaisedById!).Distinct().ToListAsync(ct);
        foreach (var raiser in raisers)
        {
            db.SafetyAlerts.Add(new SafetyAlert { CaseId = caseId, RecipientId = raiser, Kind = AlertKind.FollowedUp, CreatedAtUtc = now });
        }
        audit.StageChange(AuditActions.SafetyCaseResolved, "EscalationCase", caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Outcome: {outcome}; {raisers.Count} facilitators told a clinician followed up.");
        await SaveAsync(ct);
        return [];
    }

    /// <summary>Marks this person's alerts about the case as read.</summary>
    public async Task MarkReadAsync(long caseId, string recipientId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.SafetyAlerts.Where(a => a.CaseId == caseId && a.RecipientId == recipientId && a.ReadAtUtc == null)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.ReadAtUtc, now), ct);
    }

    private Task<EscalationCase?> OpenCaseAsync(long caseId, CancellationToken ct) =>
        db.EscalationCases.SingleOrDefaultAsync(c => c.Id == caseId && c.Status != CaseStatus.Resolved, ct);

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        board.Publish();
    }
}
