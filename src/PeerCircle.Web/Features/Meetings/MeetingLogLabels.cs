using PeerCircle.Data.Groups;

namespace PeerCircle.Web.Features.Meetings;

/// <summary>Plain English names for the vocabulary of running and logging meetings; pages pass them through the localizer.</summary>
public static class MeetingLogLabels
{
    public static string Of(IncidentKind kind) => kind switch
    {
        IncidentKind.Dominating => "Dominating",
        IncidentKind.ComplaintSpiral => "Complaint spiral",
        IncidentKind.CrossTalk => "Cross-talk",
        IncidentKind.AdviceGiving => "Advice-giving",
        IncidentKind.UnsoundMedicalAdvice => "Unsound medical advice",
        IncidentKind.CompetitiveComparison => "Competitive comparison",
        IncidentKind.ConfidentialityBreach => "Confidentiality breach",
        IncidentKind.BoundaryIssue => "Boundary issue",
        IncidentKind.EmotionalEntanglement => "Emotional entanglement",
        IncidentKind.DisruptiveBehaviour => "Disruptive behaviour",
        _ => "Safety concern",
    };

    /// <summary>One line on what each kind of incident looks like in a meeting.</summary>
    public static string Describe(IncidentKind kind) => kind switch
    {
        IncidentKind.Dominating => "One person takes up most of the time, so others have little room to share.",
        IncidentKind.ComplaintSpiral => "The talk keeps circling around complaints and does not move toward support or coping.",
        IncidentKind.CrossTalk => "People talk over each other or hold side conversations.",
        IncidentKind.AdviceGiving => "Someone tells others what they should do instead of sharing their own experience.",
        IncidentKind.UnsoundMedicalAdvice => "Someone recommends a treatment, dose, diet or cure that goes against or around a care team.",
        IncidentKind.CompetitiveComparison => "Members compare whose situation is worse, or who coped better.",
        IncidentKind.ConfidentialityBreach => "Someone repeats what a member shared elsewhere, or names people outside the group.",
        IncidentKind.BoundaryIssue => "Someone asks for or offers more than the group is for, such as money, rides or private contact.",
        IncidentKind.EmotionalEntanglement => "Someone becomes too wrapped up in another person's situation, or a facilitator does.",
        IncidentKind.DisruptiveBehaviour => "Behaviour that stops the meeting from going on, such as shouting or arriving intoxicated.",
        _ => "Someone may be at risk of harm to themselves or to others.",
    };

    public static string Of(EscalationStep step) => step switch
    {
        EscalationStep.Redirect => "1. Redirect: gently steer the talk back",
        EscalationStep.RestateAgreement => "2. Restate the comfort agreement",
        EscalationStep.PrivateTalk => "3. Talk privately with the person",
        EscalationStep.MuteOrPause => "4. Mute them or pause the meeting",
        EscalationStep.InvolveCoordinator => "5. Involve the coordinator",
        _ => "6. Ask them to leave",
    };

    public static string Of(AfterMeetingFeeling feeling) => feeling switch
    {
        AfterMeetingFeeling.Good => "Good",
        AfterMeetingFeeling.Okay => "Okay",
        AfterMeetingFeeling.Tired => "Tired",
        _ => "Shaken",
    };

    public static string Of(ConcernKind kind) => kind switch
    {
        ConcernKind.Distress => "Very distressed",
        ConcernKind.SuicidalTalk => "Talk of suicide or self-harm",
        ConcernKind.Intoxication => "Seemed drunk or high",
        ConcernKind.Threats => "Threats to others",
        ConcernKind.SuspectedAbuse => "Possible abuse or neglect",
        _ => "Something else",
    };

    public static string Of(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "Present",
        AttendanceStatus.Late => "Late",
        AttendanceStatus.LeftEarly => "Left early",
        AttendanceStatus.Excused => "Excused",
        _ => "Absent",
    };

    public static string Of(AttendanceVia via) => via switch
    {
        AttendanceVia.InPerson => "In person",
        AttendanceVia.Video => "Video",
        _ => "Phone",
    };

    /// <summary>True when the facilitator may need support after the meeting.</summary>
    public static bool NeedsSupport(AfterMeetingFeeling feeling) => feeling is AfterMeetingFeeling.Tired or AfterMeetingFeeling.Shaken;
}
