using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Data.Groups;

/// <summary>
/// One meeting being run live: which of the six phases it is in and since when, who is speaking, and when the
/// confidentiality reminder was given. Both facilitators share this row, so they see the same phase and timer.
/// </summary>
public class MeetingRun
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public DateTime OccurrenceStartUtc { get; set; }
    public string StartedById { get; set; } = "";
    public DateTime StartedAtUtc { get; set; }

    /// <summary>The phase in the program's order, 0 (check-in) to 5 (contact information).</summary>
    public int Phase { get; set; }
    public DateTime PhaseStartedAtUtc { get; set; }
    public DateTime? ConfidentialityGivenAtUtc { get; set; }

    /// <summary>The attendance row of the person speaking now, for the share-the-air tracker.</summary>
    public long? SpeakerAttendanceId { get; set; }
    public DateTime? SpeakerSinceUtc { get; set; }
    public DateTime? EndedAtUtc { get; set; }

    /// <summary>Raised on every change, so two facilitators pressing at once cannot undo each other.</summary>
    [ConcurrencyCheck]
    public int Version { get; set; }
}

public enum AttendanceStatus { Present, Late, LeftEarly, Excused, Absent }

public enum AttendanceVia { InPerson, Video, Phone }

/// <summary>
/// Who came to one meeting and how, as the facilitator took it in the runner: a member with an account, or someone
/// known only by name (for example a person who dialled in). Also how often and how long they spoke.
/// </summary>
public class MeetingAttendance
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public DateTime OccurrenceStartUtc { get; set; }

    /// <summary>The member's account; empty for someone known only by name.</summary>
    public string? UserId { get; set; }
    public PeerCircleUser? User { get; set; }

    /// <summary>The name the person uses in the group.</summary>
    public string Name { get; set; } = "";
    public AttendanceStatus Status { get; set; }
    public AttendanceVia Via { get; set; }

    /// <summary>Times this person spoke.</summary>
    public int Turns { get; set; }
    public int SpokenSeconds { get; set; }

    /// <summary>Times this person chose to pass, which is always fine.</summary>
    public int Passes { get; set; }
    public string RecordedById { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>A member's offer to present on a planned topic at one meeting; the facilitator accepts or declines it.</summary>
public class PresentationOffer
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public DateTime OccurrenceStartUtc { get; set; }
    public string UserId { get; set; } = "";
    public PeerCircleUser? User { get; set; }

    /// <summary>What the member would like to share, in their words.</summary>
    public string About { get; set; } = "";
    public PresentationOfferStatus Status { get; set; }
    public DateTime OfferedAtUtc { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedById { get; set; }
}

public enum PresentationOfferStatus { Offered, Accepted, Declined, Withdrawn }

public enum FeedbackAnswer { No, Somewhat, Yes }

/// <summary>
/// A member's feedback after one meeting. Every answer is optional. Facilitators only ever see answers added
/// together, and only once five or more people have answered; the person is kept so the safety net can reach them
/// and so the feedback leaves with their account.
/// </summary>
public class MeetingFeedback
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public DateTime OccurrenceStartUtc { get; set; }
    public string UserId { get; set; } = "";
    public PeerCircleUser? User { get; set; }
    public FeedbackAnswer? Helpful { get; set; }
    public FeedbackAnswer? FeltHeard { get; set; }
    public FeedbackAnswer? FeltSafe { get; set; }
    public string? WhatToChange { get; set; }
    public DateTime SubmittedAtUtc { get; set; }
}

/// <summary>How the facilitator is after a meeting, asked at the end of the post-meeting log.</summary>
public enum AfterMeetingFeeling { Good, Okay, Tired, Shaken }

/// <summary>The facilitator's short, factual, non-clinical log of one meeting, with any incidents.</summary>
public class MeetingLog
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public DateTime OccurrenceStartUtc { get; set; }
    public string Summary { get; set; } = "";
    public string WrittenById { get; set; } = "";
    public AfterMeetingFeeling Feeling { get; set; }
    public DateTime WrittenAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public List<MeetingIncident> Incidents { get; set; } = [];
}

public enum IncidentKind
{
    Dominating, ComplaintSpiral, CrossTalk, AdviceGiving, UnsoundMedicalAdvice, CompetitiveComparison,
    ConfidentialityBreach, BoundaryIssue, EmotionalEntanglement, DisruptiveBehaviour, SafetyConcern,
}

/// <summary>The escalation ladder, from the lightest step to the last resort.</summary>
public enum EscalationStep { Redirect, RestateAgreement, PrivateTalk, MuteOrPause, InvolveCoordinator, AskToLeave }

/// <summary>Something that happened in a meeting and the furthest step on the ladder the facilitator took.</summary>
public class MeetingIncident
{
    public long Id { get; set; }
    public long MeetingLogId { get; set; }
    public MeetingLog? MeetingLog { get; set; }
    public IncidentKind Kind { get; set; }
    public EscalationStep Step { get; set; }

    /// <summary>When the person was asked to leave: whether another group was offered to them.</summary>
    public bool AlternativeGroupOffered { get; set; }
    public string? Note { get; set; }
}

public enum ConcernKind { Distress, SuicidalTalk, Intoxication, Threats, SuspectedAbuse, Other }

/// <summary>
/// A facilitator's private concern about a member, noted with one tap during a meeting (or from anywhere). It is kept
/// for the post-meeting log; urgent concerns are for the safety route.
/// </summary>
public class Concern
{
    public long Id { get; set; }

    /// <summary>The meeting it was noted in, when it was.</summary>
    public Guid? GroupId { get; set; }
    public Group? Group { get; set; }
    public DateTime? OccurrenceStartUtc { get; set; }
    public string? AboutUserId { get; set; }
    public PeerCircleUser? AboutUser { get; set; }

    /// <summary>The name the person uses in the group, for someone without an account.</summary>
    public string AboutName { get; set; } = "";
    public ConcernKind Kind { get; set; }
    public bool Urgent { get; set; }
    public string? Note { get; set; }
    public string RaisedById { get; set; } = "";
    public DateTime RaisedAtUtc { get; set; }
}

internal sealed class MeetingRecordsConfiguration :
    IEntityTypeConfiguration<MeetingRun>, IEntityTypeConfiguration<MeetingAttendance>, IEntityTypeConfiguration<PresentationOffer>,
    IEntityTypeConfiguration<MeetingFeedback>, IEntityTypeConfiguration<MeetingLog>, IEntityTypeConfiguration<MeetingIncident>,
    IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<MeetingRun> run)
    {
        run.Property(r => r.StartedById).HasMaxLength(64);
        run.HasIndex(r => new { r.GroupId, r.OccurrenceStartUtc }).IsUnique();
        run.HasOne(r => r.Group).WithMany().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingAttendance> attendance)
    {
        attendance.Property(a => a.Name).HasMaxLength(100);
        attendance.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        attendance.Property(a => a.Via).HasConversion<string>().HasMaxLength(12);
        attendance.Property(a => a.RecordedById).HasMaxLength(64);
        attendance.HasIndex(a => new { a.GroupId, a.OccurrenceStartUtc });
        // Attendance in a span of time across all groups: the dashboard's days outside whole counted months.
        attendance.HasIndex(a => a.OccurrenceStartUtc);
        // A member's attendance in time order (first meeting, last meeting, meetings so far); the status is carried in
        // the index on PostgreSQL so those reads never visit the table.
        attendance.HasIndex(a => new { a.UserId, a.OccurrenceStartUtc }).IncludeProperties(a => a.Status);
        attendance.HasOne(a => a.Group).WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        attendance.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<PresentationOffer> offer)
    {
        offer.Property(o => o.About).HasMaxLength(300);
        offer.Property(o => o.Status).HasConversion<string>().HasMaxLength(12);
        offer.Property(o => o.DecidedById).HasMaxLength(64);
        offer.HasIndex(o => new { o.GroupId, o.OccurrenceStartUtc, o.UserId }).IsUnique();
        offer.HasOne(o => o.Group).WithMany().HasForeignKey(o => o.GroupId).OnDelete(DeleteBehavior.Cascade);
        offer.HasOne(o => o.User).WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingFeedback> feedback)
    {
        feedback.Property(f => f.Helpful).HasConversion<string>().HasMaxLength(10);
        feedback.Property(f => f.FeltHeard).HasConversion<string>().HasMaxLength(10);
        feedback.Property(f => f.FeltSafe).HasConversion<string>().HasMaxLength(10);
        feedback.Property(f => f.WhatToChange).HasMaxLength(1000);
        feedback.HasIndex(f => new { f.GroupId, f.OccurrenceStartUtc, f.UserId }).IsUnique();
        feedback.HasOne(f => f.Group).WithMany().HasForeignKey(f => f.GroupId).OnDelete(DeleteBehavior.Cascade);
        feedback.HasOne(f => f.User).WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingLog> log)
    {
        log.Property(l => l.Summary).HasMaxLength(2000);
        log.Property(l => l.WrittenById).HasMaxLength(64);
        log.Property(l => l.Feeling).HasConversion<string>().HasMaxLength(10);
        log.HasIndex(l => new { l.GroupId, l.OccurrenceStartUtc }).IsUnique();
        log.HasIndex(l => l.WrittenById);
        log.HasOne(l => l.Group).WithMany().HasForeignKey(l => l.GroupId).OnDelete(DeleteBehavior.Cascade);
        log.HasMany(l => l.Incidents).WithOne(i => i.MeetingLog).HasForeignKey(i => i.MeetingLogId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingIncident> incident)
    {
        incident.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        incident.Property(i => i.Step).HasConversion<string>().HasMaxLength(30);
        incident.Property(i => i.Note).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<Concern> concern)
    {
        concern.Property(c => c.AboutName).HasMaxLength(100);
        concern.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        concern.Property(c => c.Note).HasMaxLength(1000);
        concern.Property(c => c.RaisedById).HasMaxLength(64);
        concern.HasIndex(c => new { c.GroupId, c.OccurrenceStartUtc });
        concern.HasIndex(c => c.AboutUserId);
        concern.HasOne(c => c.Group).WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.Cascade);
        concern.HasOne(c => c.AboutUser).WithMany().HasForeignKey(c => c.AboutUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
