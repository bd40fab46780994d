using PeerCircle.Data.Members;
using PeerCircle.Data.Safety;

namespace PeerCircle.Web.Features.Safety.Cases;

/// <summary>English labels (localizer keys) for the safety net's values.</summary>
public static class CaseLabels
{
    public static string Of(CasePriority priority) => priority switch
    {
        CasePriority.Urgent => "Urgent",
        CasePriority.Priority => "Priority",
        _ => "Routine",
    };

    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.Open => "Waiting for a clinician",
        CaseStatus.Acknowledged => "Acknowledged",
        _ => "Resolved",
    };

    public static string Of(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.ConnectedToCounseling => "Connected to counseling or psycho-oncology",
        CaseOutcome.CrisisServicesEngaged => "Crisis services engaged",
        CaseOutcome.ReferredToOutsideResource => "Referred to an outside resource",
        CaseOutcome.NoFurtherAction => "No further action needed",
        _ => "Unable to reach",
    };

    public static string Of(ContactMethod method) => method switch
    {
        ContactMethod.Phone => "Phone call",
        ContactMethod.Text => "Text message",
        ContactMethod.Email => "E-mail",
        ContactMethod.InPerson => "In person",
        _ => "Video call",
    };

    public static string Of(AlertKind kind) => kind switch
    {
        AlertKind.NewCase => "New case",
        AlertKind.Overdue => "Overdue: not yet acknowledged",
        AlertKind.EscalatedToCoordinator => "Escalated to coordinators",
        _ => "A clinician has followed up",
    };

    public static string Of(SignalKind kind) => kind switch
    {
        SignalKind.CheckInDistress => "Check-in distress score",
        SignalKind.SafetyQuestion => "Safety question",
        SignalKind.RiskLanguage => "Worrying words",
        SignalKind.FacilitatorConcern => "Facilitator's concern",
        _ => "Grief check-in",
    };

    public static string Of(ContactChannel channel) => channel switch
    {
        ContactChannel.Email => "E-mail",
        ContactChannel.Text => "Text message",
        _ => "Phone call",
    };

    public static string PriorityClass(CasePriority priority) => priority switch
    {
        CasePriority.Urgent => "badge badge-warning",
        _ => "badge",
    };
}
