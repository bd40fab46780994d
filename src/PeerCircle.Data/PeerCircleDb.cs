using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Audit;
using PeerCircle.Data.Content;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Data.Supervision;
using PeerCircle.Data.Training;

namespace PeerCircle.Data;

public class PeerCircleDb(DbContextOptions<PeerCircleDb> options)
    : IdentityDbContext<PeerCircleUser>(options), IDataProtectionKeyContext
{
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMembership> GroupMemberships => Set<GroupMembership>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ModuleAttempt> ModuleAttempts => Set<ModuleAttempt>();
    public DbSet<CompetencyRating> CompetencyRatings => Set<CompetencyRating>();
    public DbSet<RolePlaySignOff> RolePlaySignOffs => Set<RolePlaySignOff>();
    public DbSet<PolicySignature> PolicySignatures => Set<PolicySignature>();
    public DbSet<StoryPlan> StoryPlans => Set<StoryPlan>();
    public DbSet<ComfortAgreement> ComfortAgreements => Set<ComfortAgreement>();
    public DbSet<Debrief> Debriefs => Set<Debrief>();
    public DbSet<WellbeingCheckIn> WellbeingCheckIns => Set<WellbeingCheckIn>();
    public DbSet<FacilitationPause> FacilitationPauses => Set<FacilitationPause>();
    public DbSet<ContentRevision> ContentRevisions => Set<ContentRevision>();
    public DbSet<Workshop> Workshops => Set<Workshop>();
    public DbSet<WorkshopSeat> WorkshopSeats => Set<WorkshopSeat>();
    public DbSet<MemberProfile> MemberProfiles => Set<MemberProfile>();
    public DbSet<ConsentSignature> ConsentSignatures => Set<ConsentSignature>();
    public DbSet<ConsentWithdrawal> ConsentWithdrawals => Set<ConsentWithdrawal>();
    public DbSet<Acknowledgement> Acknowledgements => Set<Acknowledgement>();
    public DbSet<GroupPageView> GroupPageViews => Set<GroupPageView>();
    public DbSet<MeetingChange> MeetingChanges => Set<MeetingChange>();
    public DbSet<MeetingReminder> MeetingReminders => Set<MeetingReminder>();
    public DbSet<MeetingPlan> MeetingPlans => Set<MeetingPlan>();
    public DbSet<MeetingCheckIn> MeetingCheckIns => Set<MeetingCheckIn>();
    public DbSet<MeetingRun> MeetingRuns => Set<MeetingRun>();
    public DbSet<MeetingAttendance> MeetingAttendances => Set<MeetingAttendance>();
    public DbSet<PresentationOffer> PresentationOffers => Set<PresentationOffer>();
    public DbSet<MeetingFeedback> MeetingFeedback => Set<MeetingFeedback>();
    public DbSet<MeetingLog> MeetingLogs => Set<MeetingLog>();
    public DbSet<MeetingIncident> MeetingIncidents => Set<MeetingIncident>();
    public DbSet<Concern> Concerns => Set<Concern>();
    public DbSet<Safety.SafetySignal> SafetySignals => Set<Safety.SafetySignal>();
    public DbSet<Safety.EscalationCase> EscalationCases => Set<Safety.EscalationCase>();
    public DbSet<Safety.CaseContactAttempt> CaseContactAttempts => Set<Safety.CaseContactAttempt>();
    public DbSet<Safety.ClinicalNote> ClinicalNotes => Set<Safety.ClinicalNote>();
    public DbSet<Safety.OnCallShift> OnCallShifts => Set<Safety.OnCallShift>();
    public DbSet<Safety.SafetyAlert> SafetyAlerts => Set<Safety.SafetyAlert>();
    public DbSet<Safety.ConfidentialityBreak> ConfidentialityBreaks => Set<Safety.ConfidentialityBreak>();
    public DbSet<Safety.GriefCheckIn> GriefCheckIns => Set<Safety.GriefCheckIn>();
    public DbSet<Safety.Resource> Resources => Set<Safety.Resource>();
    public DbSet<Safety.OutsideReferral> OutsideReferrals => Set<Safety.OutsideReferral>();
    public DbSet<Safety.ResourceShare> ResourceShares => Set<Safety.ResourceShare>();
    public DbSet<Outcomes.Instrument> Instruments => Set<Outcomes.Instrument>();
    public DbSet<Outcomes.SurveySchedulePoint> SurveySchedulePoints => Set<Outcomes.SurveySchedulePoint>();
    public DbSet<Outcomes.SurveyResponse> SurveyResponses => Set<Outcomes.SurveyResponse>();
    public DbSet<Outcomes.SurveyScore> SurveyScores => Set<Outcomes.SurveyScore>();
    public DbSet<Outcomes.CountedMonth> CountedMonths => Set<Outcomes.CountedMonth>();
    public DbSet<Outcomes.BenefitChangeCount> BenefitChangeCounts => Set<Outcomes.BenefitChangeCount>();
    public DbSet<Outcomes.AttendanceCount> AttendanceCounts => Set<Outcomes.AttendanceCount>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PeerCircleDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every stored instant is UTC; SQLite forgets the kind, PostgreSQL insists on it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        var changed = ChangedCountedTimes();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        foreach (var (kind, earliest, latest) in changed)
        {
            CountedMonthsAround(kind, earliest, latest).ExecuteDelete();
        }
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        var changed = ChangedCountedTimes();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        foreach (var (kind, earliest, latest) in changed)
        {
            await ForgetCountedMonthsAsync(kind, earliest, latest, cancellationToken);
        }
        return saved;
    }

    /// <summary>
    /// Removes the counted months of this kind that overlap [<paramref name="earliest"/>, <paramref name="latest"/>] (their
    /// counts go by cascade), so reports read those months row by row until they are counted again. Removing more than
    /// needed only costs a recount, so a span is enough.
    /// </summary>
    public Task ForgetCountedMonthsAsync(Outcomes.CountedKind kind, DateTime earliest, DateTime latest, CancellationToken cancellationToken) =>
        CountedMonthsAround(kind, earliest, latest).ExecuteDeleteAsync(cancellationToken);

    private IQueryable<Outcomes.CountedMonth> CountedMonthsAround(Outcomes.CountedKind kind, DateTime earliest, DateTime latest) =>
        CountedMonths.Where(m => m.Kind == kind && m.StartUtc <= latest && m.EndUtc > earliest);

    /// <summary>
    /// The span of time of the rows being saved that a <see cref="Outcomes.CountedMonth"/> may have counted: follow-up
    /// scores (when completed) and attendance (when the meeting was), before and after the change. Their months are
    /// forgotten after the save, so a month counted while the save ran is forgotten too.
    /// </summary>
    private List<(Outcomes.CountedKind Kind, DateTime Earliest, DateTime Latest)> ChangedCountedTimes()
    {
        var changed = new List<(Outcomes.CountedKind, DateTime, DateTime)>();
        var scores = ChangeTracker.Entries<Outcomes.SurveyScore>()
            .Where(e => (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) && e.Entity.DaysAfterJoining > 0)
            .SelectMany(e => new[] { e.Entity.CompletedAtUtc, e.State == EntityState.Added ? e.Entity.CompletedAtUtc : e.Property(s => s.CompletedAtUtc).OriginalValue })
            .ToList();
        if (scores.Count > 0)
        {
            changed.Add((Outcomes.CountedKind.BenefitChanges, scores.Min(), scores.Max()));
        }
        // What is counted: who came (account or name), whether they came, and when. Speaking time and notes are not.
        string[] counted = [nameof(MeetingAttendance.UserId), nameof(MeetingAttendance.Name), nameof(MeetingAttendance.Status), nameof(MeetingAttendance.OccurrenceStartUtc)];
        var attendance = ChangeTracker.Entries<MeetingAttendance>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && counted.Any(p => e.Property(p).IsModified)))
            .SelectMany(e => new[] { e.Entity.OccurrenceStartUtc, e.State == EntityState.Added ? e.Entity.OccurrenceStartUtc : e.Property(a => a.OccurrenceStartUtc).OriginalValue })
            .ToList();
        if (attendance.Count > 0)
        {
            changed.Add((Outcomes.CountedKind.Attendance, attendance.Min(), attendance.Max()));
        }
        return changed;
    }

    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit events are append-only: they cannot be changed or deleted.");
        }
        if (ChangeTracker.Entries<PolicySignature>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Signatures cannot be changed or deleted; sign a new version instead.");
        }
        if (ChangeTracker.Entries<ConsentSignature>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Consent signatures cannot be changed or deleted; a withdrawal is recorded separately.");
        }
        if (ChangeTracker.Entries<ContentRevision>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Content versions cannot be changed or deleted; save a new version instead.");
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
