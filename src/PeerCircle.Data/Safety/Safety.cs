using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Data.Safety;

public enum SignalKind { CheckInDistress, SafetyQuestion, RiskLanguage, FacilitatorConcern, GriefCheckIn }

public enum CasePriority { Urgent, Priority, Routine }

public enum CaseStatus { Open, Acknowledged, Resolved }

public enum CaseOutcome { ConnectedToCounseling, CrisisServicesEngaged, ReferredToOutsideResource, NoFurtherAction, UnableToReach }

/// <summary>
/// One thing that suggested a member may need more than peer support: a high check-in score, a "yes" to the safety
/// question, worrying words, a facilitator's concern or a high grief check-in. Written in the same transaction as the
/// case it opens or joins, before anyone is notified, so a failed e-mail can never lose it.
/// </summary>
public class SafetySignal
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public EscalationCase? Case { get; set; }
    public string MemberId { get; set; } = "";
    public SignalKind Kind { get; set; }
    public CasePriority Priority { get; set; }

    /// <summary>Where it came from, e.g. "check-in", "feedback", "intake", "concern", "grief-check-in".</summary>
    public string Source { get; set; } = "";
    public string? SourceId { get; set; }

    /// <summary>Risk-language categories (self_harm, harm_to_others, …), separated by commas.</summary>
    public string? Categories { get; set; }

    /// <summary>The words that triggered it, for language signals and concerns.</summary>
    public string? Excerpt { get; set; }

    /// <summary>Why it fired, in plain words: "distress 8 of 10", "matched: want to end it all".</summary>
    public string Explanation { get; set; } = "";
    public int? Score { get; set; }

    /// <summary>The facilitator who raised it, who is told when a clinician has followed up.</summary>
    public string? RaisedById { get; set; }
    public DateTime RaisedAtUtc { get; set; }
}

/// <summary>
/// A member a clinician must follow up, with a priority and a due time. Signals about the same member fold into the
/// open case (raising its priority if needed) instead of opening another.
/// </summary>
public class EscalationCase
{
    public long Id { get; set; }
    public string MemberId { get; set; } = "";
    public PeerCircleUser? Member { get; set; }
    public CasePriority Priority { get; set; }
    public CaseStatus Status { get; set; }
    public DateTime OpenedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }

    /// <summary>The on-call clinician it was routed to.</summary>
    public string? AssignedClinicianId { get; set; }
    public DateTime? AcknowledgedAtUtc { get; set; }
    public string? AcknowledgedById { get; set; }
    public DateTime? ResolvedAtUtc { get; set; }
    public string? ResolvedById { get; set; }
    public CaseOutcome? Outcome { get; set; }

    /// <summary>When an overdue case was escalated to the coordinators.</summary>
    public DateTime? EscalatedAtUtc { get; set; }
    public DateTime? LastAlertAtUtc { get; set; }
    public List<SafetySignal> Signals { get; set; } = [];
    public List<CaseContactAttempt> ContactAttempts { get; set; } = [];
    public List<ClinicalNote> Notes { get; set; } = [];

    [ConcurrencyCheck]
    public int Version { get; set; }
}

public enum ContactMethod { Phone, Text, Email, InPerson, Video }

/// <summary>A clinician's try at reaching the member.</summary>
public class CaseContactAttempt
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public EscalationCase? Case { get; set; }
    public string ById { get; set; } = "";
    public DateTime AttemptedAtUtc { get; set; }
    public ContactMethod Method { get; set; }
    public bool Reached { get; set; }
}

/// <summary>A clinician's note on a case. The text is encrypted at rest; only clinicians can read it.</summary>
public class ClinicalNote
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public EscalationCase? Case { get; set; }
    public string AuthorId { get; set; } = "";
    public DateTime WrittenAtUtc { get; set; }

    /// <summary>The note as ASP.NET Core Data Protection sealed it; never plain text.</summary>
    public string ProtectedText { get; set; } = "";
}

/// <summary>A clinician on call for new cases between two times, kept by coordinators.</summary>
public class OnCallShift
{
    public long Id { get; set; }
    public string ClinicianId { get; set; } = "";
    public PeerCircleUser? Clinician { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public DateTime EndsAtUtc { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

public enum AlertKind { NewCase, Overdue, EscalatedToCoordinator, FollowedUp }

/// <summary>
/// An announcement about a case to one person, in the app and by e-mail. Kept until sent, so failed e-mails are
/// retried and anyone can see what has not gone out.
/// </summary>
public class SafetyAlert
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public EscalationCase? Case { get; set; }
    public string RecipientId { get; set; } = "";
    public AlertKind Kind { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? EmailSentAtUtc { get; set; }
    public int EmailAttempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}

public enum ConfidentialityException { RiskToSelf, RiskToOthers, AbuseReporting, LegalRequirement }

/// <summary>A record that a clinician or coordinator shared something under an exception to confidentiality.</summary>
public class ConfidentialityBreak
{
    public long Id { get; set; }
    public string? MemberId { get; set; }
    public long? CaseId { get; set; }
    public ConfidentialityException Exception { get; set; }
    public string WhatWasDisclosed { get; set; } = "";
    public string DisclosedTo { get; set; } = "";
    public DateTime DisclosedAtUtc { get; set; }
    public string RecordedById { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>A bereaved member's grief check-in: program-authored items, each 1–5, with the safety question.</summary>
public class GriefCheckIn
{
    public long Id { get; set; }
    public string MemberId { get; set; } = "";
    public PeerCircleUser? Member { get; set; }

    /// <summary>The answers in item order, 1–5 each, separated by commas.</summary>
    public string Answers { get; set; } = "";
    public int Score { get; set; }
    public bool SuggestsFollowUp { get; set; }
    public bool? ThoughtsOfSelfHarm { get; set; }
    public DateTime CompletedAtUtc { get; set; }
}

internal sealed class SafetyConfiguration :
    IEntityTypeConfiguration<SafetySignal>, IEntityTypeConfiguration<EscalationCase>, IEntityTypeConfiguration<CaseContactAttempt>,
    IEntityTypeConfiguration<ClinicalNote>, IEntityTypeConfiguration<OnCallShift>, IEntityTypeConfiguration<SafetyAlert>,
    IEntityTypeConfiguration<ConfidentialityBreak>, IEntityTypeConfiguration<GriefCheckIn>
{
    public void Configure(EntityTypeBuilder<SafetySignal> signal)
    {
        signal.Property(s => s.MemberId).HasMaxLength(64);
        signal.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        signal.Property(s => s.Priority).HasConversion<string>().HasMaxLength(10);
        signal.Property(s => s.Source).HasMaxLength(40);
        signal.Property(s => s.SourceId).HasMaxLength(64);
        signal.Property(s => s.Categories).HasMaxLength(200);
        signal.Property(s => s.Excerpt).HasMaxLength(1000);
        signal.Property(s => s.Explanation).HasMaxLength(500);
        signal.Property(s => s.RaisedById).HasMaxLength(64);
        signal.HasIndex(s => s.MemberId);
        signal.HasIndex(s => s.RaisedById);
    }

    public void Configure(EntityTypeBuilder<EscalationCase> @case)
    {
        @case.Property(c => c.MemberId).HasMaxLength(64);
        @case.Property(c => c.Priority).HasConversion<string>().HasMaxLength(10);
        @case.Property(c => c.Status).HasConversion<string>().HasMaxLength(14);
        @case.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(30);
        @case.Property(c => c.AssignedClinicianId).HasMaxLength(64);
        @case.Property(c => c.AcknowledgedById).HasMaxLength(64);
        @case.Property(c => c.ResolvedById).HasMaxLength(64);
        @case.HasIndex(c => new { c.MemberId, c.Status });
        @case.HasIndex(c => new { c.Status, c.DueAtUtc });
        @case.HasIndex(c => c.OpenedAtUtc);
        @case.HasOne(c => c.Member).WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        @case.HasMany(c => c.Signals).WithOne(s => s.Case).HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        @case.HasMany(c => c.ContactAttempts).WithOne(a => a.Case).HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        @case.HasMany(c => c.Notes).WithOne(n => n.Case).HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CaseContactAttempt> attempt)
    {
        attempt.Property(a => a.ById).HasMaxLength(64);
        attempt.Property(a => a.Method).HasConversion<string>().HasMaxLength(10);
    }

    public void Configure(EntityTypeBuilder<ClinicalNote> note)
    {
        note.Property(n => n.AuthorId).HasMaxLength(64);
        note.Property(n => n.ProtectedText).HasMaxLength(20000);
    }

    public void Configure(EntityTypeBuilder<OnCallShift> shift)
    {
        shift.Property(s => s.ClinicianId).HasMaxLength(64);
        shift.Property(s => s.CreatedById).HasMaxLength(64);
        shift.HasIndex(s => new { s.StartsAtUtc, s.EndsAtUtc });
        shift.HasOne(s => s.Clinician).WithMany().HasForeignKey(s => s.ClinicianId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SafetyAlert> alert)
    {
        alert.Property(a => a.RecipientId).HasMaxLength(64);
        alert.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        alert.Property(a => a.LastError).HasMaxLength(500);
        alert.HasIndex(a => new { a.RecipientId, a.ReadAtUtc });
        alert.HasIndex(a => a.EmailSentAtUtc);
        alert.HasOne(a => a.Case).WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ConfidentialityBreak> record)
    {
        record.Property(b => b.MemberId).HasMaxLength(64);
        record.Property(b => b.Exception).HasConversion<string>().HasMaxLength(20);
        record.Property(b => b.WhatWasDisclosed).HasMaxLength(2000);
        record.Property(b => b.DisclosedTo).HasMaxLength(300);
        record.Property(b => b.RecordedById).HasMaxLength(64);
        record.HasIndex(b => b.DisclosedAtUtc);
    }

    public void Configure(EntityTypeBuilder<GriefCheckIn> grief)
    {
        grief.Property(g => g.MemberId).HasMaxLength(64);
        grief.Property(g => g.Answers).HasMaxLength(100);
        grief.HasIndex(g => g.MemberId);
        grief.HasOne(g => g.Member).WithMany().HasForeignKey(g => g.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
