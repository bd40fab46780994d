namespace PeerCircle.Web.Features.Outcomes.Surveys;

/// <summary>How outcome surveys are offered and reminded (section <c>Outcomes</c>).</summary>
public sealed class SurveyOptions
{
    /// <summary>Days a baseline stays open after the member first joins a group; after that it counts as missed.</summary>
    public int BaselineOpenDays { get; set; } = 28;

    /// <summary>Days a follow-up stays open after it is due.</summary>
    public int FollowUpOpenDays { get; set; } = 28;

    /// <summary>
    /// Members who have left every group are still asked the follow-ups up to this many days after they first joined
    /// (about 6 months), because how people do after they stop coming matters too. Never after consent is withdrawn.
    /// </summary>
    public int FollowUpsAfterLeavingUpToDays { get; set; } = 183;

    /// <summary>At most this many e-mail reminders per survey: one when it is due, one <see cref="RemindAgainAfterDays"/> later.</summary>
    public int MaxReminders { get; set; } = 2;

    public int RemindAgainAfterDays { get; set; } = 7;

    /// <summary>Whether the schedule is brought up to date at start-up and the hourly sweep runs in the background.</summary>
    public bool BackgroundSweep { get; set; } = true;

    /// <summary>How long a survey at <paramref name="daysAfterJoining"/> stays open.</summary>
    public TimeSpan OpenFor(int daysAfterJoining) => TimeSpan.FromDays(daysAfterJoining == 0 ? BaselineOpenDays : FollowUpOpenDays);
}
