namespace PeerCircle.Web.Features.Safety.Grief;

/// <summary>
/// The program's grief check-in for bereaved members, written for PeerCircle: seven statements about the last month,
/// each answered from 1 (not at all) to 5 (nearly all the time). It points to a professional follow-up; it does not
/// diagnose anything.
/// </summary>
public static class GriefItems
{
    public const int MaxScore = 35;

    /// <summary>The check-in is offered from this many months after the loss, when most grief has begun to ease.</summary>
    public const int OfferedAfterMonths = 6;

    /// <summary>A total from which a professional follow-up is suggested, when daily life is also hard (item 7 at 4 or more).</summary>
    public const int FollowUpScore = 25;

    public static readonly IReadOnlyList<string> Statements =
    [
        "I long for the person who died, so strongly that it hurts.",
        "Thoughts of the person or of how they died fill my days.",
        "I still find it hard to believe or accept that they are gone.",
        "I feel that part of me died with them, or I don't know who I am now.",
        "Life feels empty or without meaning since the loss.",
        "I feel alone, even when other people are around.",
        "My grief makes it hard to do everyday things, like work, chores or seeing people.",
    ];

    public static readonly IReadOnlyList<string> AnswerLabels = ["Not at all", "A little", "Sometimes", "Often", "Nearly all the time"];

    /// <summary>Whether the answers suggest a professional follow-up: a high total, with grief getting in the way of daily life.</summary>
    public static bool SuggestsFollowUp(IReadOnlyList<int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers.Sum() >= FollowUpScore && answers[^1] >= 4;
    }

    /// <summary>Whether a member with this loss date is offered the check-in on <paramref name="today"/>.</summary>
    public static bool IsOffered(DateOnly? dateOfLoss, DateOnly today) => dateOfLoss is { } loss && loss.AddMonths(OfferedAfterMonths) <= today;
}
