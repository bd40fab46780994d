namespace PeerCircle.Web.Features.Meetings;

/// <summary>The six phases of every meeting, in the program's order.</summary>
public enum MeetingPhase { CheckIn, Presentations, Exercise, Feedback, Confidentiality, Contact }

/// <summary>Minutes for each phase of one meeting; they add up to the meeting's length.</summary>
public sealed record PhaseBudget(int CheckIn, int Presentations, int Exercise, int Feedback, int Confidentiality, int Contact)
{
    /// <summary>The confidentiality reminder is never skipped; it needs at least this long.</summary>
    public const int MinConfidentiality = 2;

    public int Total => CheckIn + Presentations + Exercise + Feedback + Confidentiality + Contact;

    public int this[MeetingPhase phase] => phase switch
    {
        MeetingPhase.CheckIn => CheckIn,
        MeetingPhase.Presentations => Presentations,
        MeetingPhase.Exercise => Exercise,
        MeetingPhase.Feedback => Feedback,
        MeetingPhase.Confidentiality => Confidentiality,
        _ => Contact,
    };

    /// <summary>
    /// A starting budget that fits a meeting of <paramref name="minutes"/>: about a fifth for check-in, a third for
    /// presentations and the topic, a fifth for the exercise, a tenth for feedback, and a few minutes each for the
    /// confidentiality reminder and contact information. Rounding goes to the topic.
    /// </summary>
    public static PhaseBudget Defaults(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 30);
        var checkIn = (int)Math.Round(minutes * 0.2);
        var exercise = (int)Math.Round(minutes * 0.2);
        var feedback = Math.Max(5, (int)Math.Round(minutes * 0.1));
        var confidentiality = Math.Max(MinConfidentiality, (int)Math.Round(minutes * 0.04));
        var contact = Math.Max(3, (int)Math.Round(minutes * 0.05));
        var presentations = minutes - checkIn - exercise - feedback - confidentiality - contact;
        return new PhaseBudget(checkIn, presentations, exercise, feedback, confidentiality, contact);
    }

    public static string Label(MeetingPhase phase) => phase switch
    {
        MeetingPhase.CheckIn => "Check-in",
        MeetingPhase.Presentations => "Member presentations and the planned topic",
        MeetingPhase.Exercise => "Topical exercise",
        MeetingPhase.Feedback => "Gaining feedback",
        MeetingPhase.Confidentiality => "Confidentiality reminder",
        _ => "Contact information and the next meeting",
    };
}
