using System.Security.Claims;
using PeerCircle.Data;
using PeerCircle.Data.Audit;

namespace PeerCircle.Web.Infrastructure.Audit;

/// <summary>
/// The one place that writes audit events: every read of a member's personal data and every change to it.
/// </summary>
public sealed class AuditTrail(PeerCircleDb db, IHttpContextAccessor httpContextAccessor, TimeProvider time)
{
    private ClaimsPrincipal? _actor;

    /// <summary>
    /// Names who acts when there is no request to read it from: live (interactive) pages run outside an HTTP request,
    /// so they pass the person their connection was opened by.
    /// </summary>
    public void ActAs(ClaimsPrincipal actor) => _actor = actor;

    /// <summary>Adds an event to the pending unit of work, so it is saved in the same transaction as the change it describes.</summary>
    public void StageChange(string action, string recordType, string recordId, string? detail = null) =>
        db.AuditEvents.Add(Create(action, recordType, recordId, detail));

    /// <summary>Writes a read event at once.</summary>
    public async Task RecordReadAsync(string action, string recordType, string recordId, string? detail = null, CancellationToken cancellationToken = default)
    {
        db.AuditEvents.Add(Create(action, recordType, recordId, detail));
        await db.SaveChangesAsync(cancellationToken);
    }

    private AuditEvent Create(string action, string recordType, string recordId, string? detail)
    {
        var http = httpContextAccessor.HttpContext;
        var user = _actor ?? http?.User;
        var signedIn = user?.Identity?.IsAuthenticated == true;
        return new AuditEvent
        {
            OccurredAtUtc = time.GetUtcNow().UtcDateTime,
            ActorUserId = signedIn ? user!.FindFirstValue(ClaimTypes.NameIdentifier) : null,
            ActorName = signedIn ? user!.Identity!.Name ?? "" : "system",
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        };
    }
}

/// <summary>Names of audited actions, so the log can be filtered by them.</summary>
public static class AuditActions
{
    public const string MemberViewed = "member.viewed";
    public const string MemberListViewed = "member.list-viewed";
    public const string ProfileViewed = "profile.viewed";
    public const string ProfileChanged = "profile.changed";
    public const string AccountRegistered = "account.registered";
    public const string AccountConfirmed = "account.email-confirmed";
    public const string StaffInvited = "staff.invited";
    public const string CoordinatorCreated = "coordinator.created";
    public const string PasswordSet = "account.password-set";
    public const string TwoFactorEnabled = "account.two-factor-enabled";
    public const string GroupCreated = "group.created";
    public const string GroupChanged = "group.changed";
    public const string GroupRosterViewed = "group.roster-viewed";
    public const string ComfortAgreementSaved = "group.comfort-agreement-saved";
    public const string PolicySigned = "training.policy-signed";
    public const string CompetencySignedOff = "training.competency-signed-off";
    public const string RolePlaySignedOff = "training.role-play-signed-off";
    public const string TrainingRecordViewed = "training.record-viewed";
    public const string CheckInRecorded = "supervision.check-in-recorded";
    public const string DebriefRequested = "supervision.debrief-requested";
    public const string DebriefTaken = "supervision.debrief-taken";
    public const string DebriefRecorded = "supervision.debrief-recorded";
    public const string DebriefViewed = "supervision.debrief-viewed";
    public const string FacilitationPaused = "supervision.facilitation-paused";
    public const string FacilitationResumed = "supervision.facilitation-resumed";
    public const string ModuleEdited = "training.module-edited";
    public const string TopicEdited = "meetings.topic-edited";
    public const string MeetingPlanned = "meetings.plan-saved";
    public const string MeetingCheckInRecorded = "meetings.check-in-recorded";
    public const string MeetingCheckInsViewed = "meetings.check-ins-viewed";
    public const string MeetingFeedbackGiven = "meetings.feedback-given";
    public const string MeetingFeedbackViewed = "meetings.feedback-viewed";
    public const string MeetingLogSaved = "meetings.log-saved";
    public const string MeetingConcernsViewed = "meetings.concerns-viewed";
    public const string PresentationOffered = "meetings.presentation-offered";
    public const string PresentationWithdrawn = "meetings.presentation-withdrawn";
    public const string PresentationDecided = "meetings.presentation-decided";
    public const string PresentationOffersViewed = "meetings.presentation-offers-viewed";
    public const string WorkshopScheduled = "training.workshop-scheduled";
    public const string WorkshopChanged = "training.workshop-changed";
    public const string WorkshopAttendanceRecorded = "training.workshop-attendance-recorded";
    public const string JoinedGroup = "membership.joined";
    public const string JoinRequested = "membership.requested";
    public const string Waitlisted = "membership.waitlisted";
    public const string PlaceOffered = "membership.place-offered";
    public const string PlaceOfferLapsed = "membership.offer-lapsed";
    public const string OfferAnswered = "membership.offer-answered";
    public const string RequestDecided = "membership.request-decided";
    public const string PrescreenScheduled = "membership.prescreen-scheduled";
    public const string LeftGroup = "membership.left";
    public const string MembershipPaused = "membership.paused";
    public const string MembershipResumed = "membership.resumed";
    public const string DataExported = "member.data-exported";
    public const string AccountDeleted = "member.account-deleted";
    public const string AccountErasedInactive = "member.erased-after-inactivity";
    public const string RetentionPurged = "retention.records-purged";
    public const string SignedIn = "account.signed-in";
    public const string MeetingChanged = "group.meeting-changed";
    public const string CalendarLinkChanged = "member.calendar-link-changed";
    public const string CalendarFeedRead = "member.calendar-feed-read";
    public const string ContactChoicesChanged = "contact.choices-changed";
    public const string ContactSheetViewed = "contact.sheet-viewed";
    public const string MemberMessaged = "contact.member-messaged";
    public const string ConsentSigned = "consent.signed";
    public const string ConsentWithdrawn = "consent.withdrawn";
    public const string ConsentCopyDownloaded = "consent.copy-downloaded";
    public const string OutsideInteractionsAcknowledged = "consent.outside-interactions-acknowledged";
    public const string ComfortAgreementAcknowledged = "consent.comfort-agreement-acknowledged";
    public const string MemberDocumentPublished = "consent.document-published";
    public const string MeetingRunnerOpened = "meetings.runner-opened";
    public const string MeetingRunChanged = "meetings.run-changed";
    public const string AttendanceRecorded = "meetings.attendance-recorded";
    public const string ShareOfAirRecorded = "meetings.share-of-air-recorded";
    public const string ConcernRaised = "meetings.concern-raised";
    public const string SafetyOnCallShiftAdded = "safety.on-call-shift-added";
    public const string SafetyOnCallShiftRemoved = "safety.on-call-shift-removed";
    public const string SafetyConfidentialityBreakRecorded = "safety.confidentiality-break-recorded";
    public const string SafetyConfidentialityBreaksViewed = "safety.confidentiality-breaks-viewed";
    public const string SafetyConfidentialityBreakViewed = "safety.confidentiality-break-viewed";
    public const string SafetyCaseOpened = "safety.case-opened";
    public const string SafetySignalAdded = "safety.signal-added";
    public const string SafetyCaseOverdue = "safety.case-overdue";
    public const string SafetyCaseEscalated = "safety.case-escalated";
    public const string SafetyQueueViewed = "safety.queue-viewed";
    public const string SafetyCaseViewed = "safety.case-viewed";
    public const string SafetyCaseAcknowledged = "safety.case-acknowledged";
    public const string SafetyContactAttempted = "safety.contact-attempt-recorded";
    public const string SafetyNoteWritten = "safety.clinical-note-written";
    public const string SafetyCaseResolved = "safety.case-resolved";
    public const string SafetyOverdueViewed = "safety.overdue-cases-viewed";
    public const string GriefCheckInRecorded = "safety.grief-check-in-recorded";
    public const string ResourceAdded = "safety.resource-added";
    public const string ResourceChanged = "safety.resource-changed";
    public const string ResourcesImported = "safety.resources-imported";
    public const string ResourcesExported = "safety.resources-exported";
    public const string ReferralCoachOpened = "safety.referral-coach-opened";
    public const string ReferralRecorded = "safety.referral-recorded";
    public const string ReferralOutcomeRecorded = "safety.referral-outcome-recorded";
    public const string ReferralsViewed = "safety.referrals-viewed";
    public const string ResourceSent = "safety.resource-sent";
    public const string SentResourceSeen = "safety.sent-resource-seen";
    public const string OutcomesSurveyScheduled = "outcomes.survey-scheduled";
    public const string OutcomesSurveyMissed = "outcomes.survey-missed";
    public const string OutcomesSurveyReminded = "outcomes.survey-reminded";
    public const string OutcomesSurveysViewed = "outcomes.surveys-viewed";
    public const string OutcomesSurveyOpened = "outcomes.survey-opened";
    public const string OutcomesSurveySaved = "outcomes.survey-saved";
    public const string OutcomesSurveyCompleted = "outcomes.survey-completed";
    public const string OutcomesInstrumentAdded = "outcomes.instrument-added";
    public const string OutcomesInstrumentImported = "outcomes.instrument-imported";
    public const string OutcomesSchedulePointAdded = "outcomes.schedule-point-added";
    public const string OutcomesSchedulePointRemoved = "outcomes.schedule-point-removed";
    public const string OutcomesDashboardViewed = "outcomes.dashboard-viewed";
    public const string OutcomesCsvExported = "outcomes.csv-exported";
    public const string OutcomesMemberFhirExported = "outcomes.member-fhir-exported";
    public const string OutcomesResearchExported = "outcomes.research-exported";
    public const string OutcomesResearchConsentGiven = "outcomes.research-consent-given";
    public const string OutcomesResearchConsentWithdrawn = "outcomes.research-consent-withdrawn";

    public static readonly IReadOnlyList<string> All =
    [
        MemberViewed, MemberListViewed, ProfileViewed, ProfileChanged, AccountRegistered, AccountConfirmed,
        StaffInvited, CoordinatorCreated, PasswordSet, TwoFactorEnabled, GroupCreated, GroupChanged, GroupRosterViewed,
        ComfortAgreementSaved, PolicySigned, CompetencySignedOff, RolePlaySignedOff, TrainingRecordViewed,
        CheckInRecorded, DebriefRequested, DebriefTaken, DebriefRecorded, DebriefViewed, FacilitationPaused, FacilitationResumed,
        ModuleEdited, TopicEdited, MeetingPlanned, MeetingCheckInRecorded, MeetingCheckInsViewed,
        MeetingFeedbackGiven, MeetingFeedbackViewed, MeetingLogSaved, MeetingConcernsViewed, WorkshopScheduled, WorkshopChanged, WorkshopAttendanceRecorded,
        PresentationOffered, PresentationWithdrawn, PresentationDecided, PresentationOffersViewed,
        JoinedGroup, JoinRequested, Waitlisted, PlaceOffered, PlaceOfferLapsed, OfferAnswered, RequestDecided, PrescreenScheduled,
        LeftGroup, MembershipPaused, MembershipResumed, DataExported, AccountDeleted, AccountErasedInactive, RetentionPurged, SignedIn,
        MeetingChanged, CalendarLinkChanged, CalendarFeedRead,
        ContactChoicesChanged, ContactSheetViewed, MemberMessaged,
        ConsentSigned, ConsentWithdrawn, ConsentCopyDownloaded, OutsideInteractionsAcknowledged, ComfortAgreementAcknowledged,
        MemberDocumentPublished,
        MeetingRunnerOpened, MeetingRunChanged, AttendanceRecorded, ShareOfAirRecorded, ConcernRaised,
        SafetyOnCallShiftAdded, SafetyOnCallShiftRemoved,
        SafetyConfidentialityBreakRecorded, SafetyConfidentialityBreaksViewed, SafetyConfidentialityBreakViewed,
        SafetyCaseOpened, SafetySignalAdded, SafetyCaseOverdue, SafetyCaseEscalated, SafetyQueueViewed, SafetyCaseViewed,
        SafetyCaseAcknowledged, SafetyContactAttempted, SafetyNoteWritten, SafetyCaseResolved, SafetyOverdueViewed,
        GriefCheckInRecorded,
        ResourceAdded, ResourceChanged, ResourcesImported, ResourcesExported, ReferralCoachOpened, ReferralRecorded,
        ReferralOutcomeRecorded, ReferralsViewed, ResourceSent, SentResourceSeen,
        OutcomesSurveyScheduled, OutcomesSurveyMissed, OutcomesSurveyReminded, OutcomesSurveysViewed, OutcomesSurveyOpened,
        OutcomesSurveySaved, OutcomesSurveyCompleted,
        OutcomesInstrumentAdded, OutcomesInstrumentImported, OutcomesSchedulePointAdded, OutcomesSchedulePointRemoved,
        OutcomesDashboardViewed, OutcomesCsvExported, OutcomesMemberFhirExported, OutcomesResearchExported,
        OutcomesResearchConsentGiven, OutcomesResearchConsentWithdrawn,
    ];
}

public static class AuditExtensions
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditTrail>();
        return builder;
    }
}
