using PeerCircle.Web.Features.Groups;

namespace PeerCircle.Web.Features.Topics;

public static class TopicLabels
{
    /// <summary>A topic's audience key ("caregivers") in the same words the directory uses for groups.</summary>
    public static string Audience(string key) =>
        EnumText.TryParse<PeerCircle.Data.Groups.Audience>(key, out var audience) ? GroupLabels.Of(audience) : key;
}
