namespace PeerCircle.Web.Features.Topics;

public static class TopicLabels
{
    public static string Audience(string key) => key switch
    {
        "patients" => "People with cancer",
        "survivors" => "Survivors",
        "caregivers" => "Caregivers and family",
        "bereaved" => "People who lost someone to cancer",
        _ => "Everyone affected by cancer",
    };
}
