using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Data.Outcomes;

public enum InstrumentOrigin { ProgramAuthored, Imported }

/// <summary>
/// An outcome questionnaire defined as data: the HL7 FHIR R4 <c>Questionnaire</c> as JSON (items, answer options,
/// texts) and, beside it, the scoring rules (scales, sum or mean, reverse-scored items, the fewest answered items a
/// score needs, interpretation bands) as JSON. A new version is a new row; responses keep the row they were given with.
/// </summary>
public class Instrument
{
    public long Id { get; set; }

    /// <summary>A short stable name, e.g. <c>peer-support-benefits</c>; with <see cref="Version"/> it is unique.</summary>
    public string Key { get; set; } = "";
    public string Version { get; set; } = "1";
    public string Title { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>The FHIR R4 Questionnaire resource, JSON.</summary>
    public string QuestionnaireJson { get; set; } = "";

    /// <summary>The scoring rules, JSON (see the Outcomes feature's scoring model).</summary>
    public string ScoringJson { get; set; } = "";
    public InstrumentOrigin Origin { get; set; }

    /// <summary>For imported instruments: the licence the program holds to use it, in the coordinator's words.</summary>
    public string? LicenseNote { get; set; }
    public bool Active { get; set; } = true;
    public string? ImportedById { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// When an instrument is asked: a number of days after the member first joined a group. 0 is the baseline; the
/// defaults add 8 weeks, 3 months and 6 months.
/// </summary>
public class SurveySchedulePoint
{
    public long Id { get; set; }
    public long InstrumentId { get; set; }
    public Instrument? Instrument { get; set; }
    public int DaysAfterJoining { get; set; }

    /// <summary>"Baseline", "8 weeks", … as coordinators named it (English; shown through the localizer).</summary>
    public string Label { get; set; } = "";
    public bool Active { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
}

public enum SurveyStatus { Due, InProgress, Completed, Missed }

/// <summary>
/// One survey one member is asked to fill in at one point of the schedule, with the answers so far: it can be saved
/// partway and finished later. The participation "dose" (meetings attended, weeks engaged) is recorded when it is
/// completed, so the analysis can compare change by dose.
/// </summary>
public class SurveyResponse
{
    public long Id { get; set; }
    public string MemberId { get; set; } = "";
    public PeerCircleUser? Member { get; set; }
    public long InstrumentId { get; set; }
    public Instrument? Instrument { get; set; }
    public long? SchedulePointId { get; set; }
    public SurveySchedulePoint? SchedulePoint { get; set; }

    /// <summary>The time point (copied from the schedule point, so the analysis needs no join): 0 = baseline.</summary>
    public int DaysAfterJoining { get; set; }

    /// <summary>When the member first joined a group: what the schedule counts from.</summary>
    public DateTime JoinedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }

    /// <summary>After this the survey is no longer offered and counts as missed.</summary>
    public DateTime ClosesAtUtc { get; set; }
    public SurveyStatus Status { get; set; }

    /// <summary>The answers so far: a JSON object from item linkId to the answer (number, true/false or text).</summary>
    public string AnswersJson { get; set; } = "{}";
    public int ItemsAnswered { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
    public DateTime? LastReminderAtUtc { get; set; }
    public int Reminders { get; set; }

    /// <summary>Meetings attended (present, late or left early) up to completion.</summary>
    public int? MeetingsAttended { get; set; }

    /// <summary>Distinct weeks with at least one meeting attended, up to completion.</summary>
    public int? WeeksEngaged { get; set; }

    public List<SurveyScore> Scores { get; set; } = [];
}

/// <summary>
/// One scale's score on a completed response, kept as its own row for the analysis: baseline and follow-up of the same
/// member pair up on (instrument, scale, member). Null when too few of the scale's items were answered.
/// </summary>
/// <remarks>
/// A follow-up score also carries its pair, written when the second of the two is completed (whichever that is): the
/// baseline's value and response, and the meetings attended from its own response. The analysis then reads only
/// follow-up rows in its date range, with the change already paired, instead of joining every score of the year.
/// </remarks>
public class SurveyScore
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public SurveyResponse? Response { get; set; }
    public long InstrumentId { get; set; }
    public string MemberId { get; set; } = "";
    public int DaysAfterJoining { get; set; }
    public string Scale { get; set; } = "";
    public double? Value { get; set; }
    public DateTime CompletedAtUtc { get; set; }

    /// <summary>On a follow-up: the member's baseline score on the same scale, once both are completed (null when none).</summary>
    public double? BaselineValue { get; set; }

    /// <summary>On a follow-up: the baseline response <see cref="BaselineValue"/> came from.</summary>
    public long? BaselineResponseId { get; set; }

    /// <summary>Meetings attended up to completion, copied from the response, so the analysis needs no join.</summary>
    public int? MeetingsAttended { get; set; }
}

internal sealed class OutcomesConfiguration :
    IEntityTypeConfiguration<Instrument>, IEntityTypeConfiguration<SurveySchedulePoint>,
    IEntityTypeConfiguration<SurveyResponse>, IEntityTypeConfiguration<SurveyScore>
{
    public void Configure(EntityTypeBuilder<Instrument> instrument)
    {
        instrument.Property(i => i.Key).HasMaxLength(100);
        instrument.Property(i => i.Version).HasMaxLength(40);
        instrument.Property(i => i.Title).HasMaxLength(200);
        instrument.Property(i => i.Description).HasMaxLength(2000);
        instrument.Property(i => i.LicenseNote).HasMaxLength(1000);
        instrument.Property(i => i.Origin).HasConversion<string>().HasMaxLength(24);
        instrument.Property(i => i.ImportedById).HasMaxLength(64);
        instrument.HasIndex(i => new { i.Key, i.Version }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SurveySchedulePoint> point)
    {
        point.Property(p => p.Label).HasMaxLength(80);
        point.HasIndex(p => new { p.InstrumentId, p.DaysAfterJoining }).IsUnique();
        point.HasOne(p => p.Instrument).WithMany().HasForeignKey(p => p.InstrumentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SurveyResponse> response)
    {
        response.Property(r => r.MemberId).HasMaxLength(64);
        response.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        response.HasIndex(r => new { r.MemberId, r.InstrumentId, r.DaysAfterJoining }).IsUnique();
        response.HasIndex(r => new { r.Status, r.DueAtUtc });
        // The survey sweep: members whose schedule anchor falls in a point's open window, and which points they have.
        response.HasIndex(r => new { r.JoinedAtUtc, r.MemberId, r.DaysAfterJoining, r.InstrumentId });
        response.HasOne(r => r.Member).WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        response.HasOne(r => r.Instrument).WithMany().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        response.HasOne(r => r.SchedulePoint).WithMany().HasForeignKey(r => r.SchedulePointId).OnDelete(DeleteBehavior.SetNull);
        response.HasMany(r => r.Scores).WithOne(s => s.Response).HasForeignKey(s => s.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SurveyScore> score)
    {
        score.Property(s => s.Scale).HasMaxLength(64);
        score.Property(s => s.MemberId).HasMaxLength(64);
        // Pairs baseline with follow-up per member without touching the responses.
        score.HasIndex(s => new { s.InstrumentId, s.Scale, s.DaysAfterJoining, s.MemberId });
        score.HasIndex(s => s.ResponseId);
        // The benefit analysis: paired follow-ups completed in a date range, everything it reads in the index itself.
        score.HasIndex(s => new { s.CompletedAtUtc, s.InstrumentId, s.Scale, s.DaysAfterJoining, s.MeetingsAttended, s.Value, s.BaselineValue })
            .HasDatabaseName("IX_SurveyScores_Paired")
            .HasFilter("\"BaselineValue\" IS NOT NULL");
    }
}
