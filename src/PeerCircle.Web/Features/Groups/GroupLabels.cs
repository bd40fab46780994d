using PeerCircle.Data.Groups;

namespace PeerCircle.Web.Features.Groups;

/// <summary>Plain-language English wording of the group vocabulary; pages pass these through the localizer.</summary>
public static class GroupLabels
{
    public static string Of(Audience audience) => audience switch
    {
        Audience.Patients => "People with cancer",
        Audience.Survivors => "Survivors",
        Audience.Caregivers => "Caregivers and family",
        Audience.Bereaved => "People who lost someone to cancer",
        _ => "Everyone affected by cancer",
    };

    public static string Of(Modality modality) => modality switch
    {
        Modality.InPerson => "In person",
        Modality.Video => "Video call",
        Modality.Phone => "Phone call",
        Modality.OnlineText => "Online chat (typing)",
        _ => "In person or by video",
    };

    public static string Of(GroupType type) => type switch
    {
        GroupType.Curriculum => "A series with a topic each time",
        GroupType.TopicFocused => "Focused on one topic",
        _ => "Open sharing",
    };

    public static string Of(MembershipPolicy membership) => membership switch
    {
        MembershipPolicy.Open => "Open: join any time",
        _ => "Closed: the facilitator talks with you first",
    };

    public static string Of(GroupStatus status) => status switch
    {
        GroupStatus.Recruiting => "Welcoming new members",
        GroupStatus.Active => "Meeting now",
        GroupStatus.Paused => "Taking a break",
        _ => "Closed",
    };

    public static string Of(CancerType type) => type switch
    {
        CancerType.Breast => "Breast cancer",
        CancerType.Prostate => "Prostate cancer",
        CancerType.Lung => "Lung cancer",
        CancerType.Colorectal => "Colon or rectal cancer",
        CancerType.Blood => "Blood cancers (leukemia, lymphoma, myeloma)",
        CancerType.Skin => "Skin cancer and melanoma",
        CancerType.Gynecologic => "Gynecologic cancers",
        CancerType.Pancreatic => "Pancreatic cancer",
        CancerType.HeadAndNeck => "Head and neck cancers",
        CancerType.Brain => "Brain tumors",
        CancerType.Kidney => "Kidney cancer",
        CancerType.Bladder => "Bladder cancer",
        CancerType.Sarcoma => "Sarcoma",
        CancerType.Childhood => "Childhood cancers",
        _ => "Other cancers",
    };

    public static string Of(DayOfWeek day) => day.ToString();

    public static string Of(MembershipStatus status) => status switch
    {
        MembershipStatus.Accepted => "Member",
        MembershipStatus.Requested => "Waiting for the facilitator",
        MembershipStatus.Waitlisted => "On the waitlist",
        MembershipStatus.Offered => "A place is offered",
        MembershipStatus.Declined => "Not this time",
        MembershipStatus.Paused => "Taking a break",
        _ => "Left the group",
    };

    public static string Of(TimeOfDay time) => time switch
    {
        TimeOfDay.Morning => "Morning (before noon)",
        TimeOfDay.Afternoon => "Afternoon (noon to 5 PM)",
        _ => "Evening (after 5 PM)",
    };

    public static string Of(Frequency frequency) => frequency switch
    {
        Frequency.Weekly => "Every week",
        Frequency.Biweekly => "Every other week",
        _ => "Once a month",
    };
}
