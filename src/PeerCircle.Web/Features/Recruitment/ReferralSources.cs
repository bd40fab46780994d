using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.Web.Features.Recruitment;

/// <summary>
/// Where someone heard about a group, as it travels in links (<c>?ref=social-worker</c>) and as people read it.
/// Shared by the share links, page-view counting, the join flow and the recruitment report.
/// </summary>
public static class ReferralSources
{
    public static IReadOnlyList<ReferralSource> All { get; } = Enum.GetValues<ReferralSource>();

    /// <summary>The value used in links: oncologist, social-worker, flyer, friend, online, other.</summary>
    public static string Value(ReferralSource source) => EnumText.ToKebab(source);

    /// <summary>Reads a <c>ref</c> value from a link; anything unknown, empty or hand-edited beyond recognition is null.</summary>
    public static ReferralSource? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 32)
        {
            return null;
        }
        var text = value.Trim();
        foreach (var source in All)
        {
            if (string.Equals(Value(source), text, StringComparison.OrdinalIgnoreCase))
            {
                return source;
            }
        }
        return null;
    }

    /// <summary>Plain English for a source, to pass through the localizer; reads well after "Heard about us from:".</summary>
    public static string Label(ReferralSource source) => source switch
    {
        ReferralSource.Oncologist => "An oncologist or cancer care team",
        ReferralSource.SocialWorker => "A social worker",
        ReferralSource.Flyer => "A flyer",
        ReferralSource.Friend => "A friend or family member",
        ReferralSource.Online => "Online",
        _ => "Somewhere else",
    };
}
