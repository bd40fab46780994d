namespace PeerCircle.Web.Features.Meetings;

/// <summary>
/// Words facilitators say aloud that must read the same wherever they appear (the live runner, the printed plan).
/// Pages pass them through the localizer.
/// </summary>
public static class MeetingScripts
{
    public const string ConfidentialityReminder =
        "Before we leave: what was shared here stays here. Please don't repeat anyone's story or name outside this group. You are always free to talk about what you learned about yourself.";

    public const string ConfidentialityException =
        "The one exception: if someone may be in danger, we have to get them help, even if it means telling someone.";
}
