using PeerCircle.Data.Accounts;
using PeerCircle.Data.Members;

namespace PeerCircle.Data.Groups;

/// <summary>A peer support group as the program runs it.</summary>
public class Group
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Description { get; set; } = "";
    public Audience Audience { get; set; }
    public List<GroupCancerFocus> CancerFocus { get; set; } = [];
    public GroupType GroupType { get; set; }
    public MembershipPolicy Membership { get; set; }
    public Modality Modality { get; set; }

    /// <summary>ISO 639-1 code of the language the group meets in.</summary>
    public string Language { get; set; } = "en";
    public int Capacity { get; set; } = 10;
    public GroupStatus Status { get; set; }
    public MeetingSchedule Schedule { get; set; } = new();
    public MeetingPlace Place { get; set; } = new();

    public string? LeadFacilitatorId { get; set; }
    public PeerCircleUser? LeadFacilitator { get; set; }
    public string? CoFacilitatorId { get; set; }
    public PeerCircleUser? CoFacilitator { get; set; }

    public List<GroupMembership> Memberships { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public bool MeetsInPerson => Modality is Modality.InPerson or Modality.Hybrid;
    public bool MeetsRemotely => Modality is not Modality.InPerson;
}

/// <summary>One cancer type a group focuses on. A group with none is open to any cancer.</summary>
public class GroupCancerFocus
{
    public Guid GroupId { get; set; }
    public CancerType CancerType { get; set; }
}

/// <summary>When a group meets, as a simple recurrence in the group's own time zone.</summary>
public class MeetingSchedule
{
    public Frequency Frequency { get; set; }
    public DayOfWeek DayOfWeek { get; set; }

    /// <summary>For monthly groups: which week of the month (1–4, or -1 for the last).</summary>
    public int WeekOfMonth { get; set; } = 1;

    /// <summary>Local start time, in minutes after midnight.</summary>
    public int StartMinuteOfDay { get; set; }
    public int DurationMinutes { get; set; } = 90;
    public string TimeZoneId { get; set; } = "America/New_York";

    /// <summary>The first day the schedule applies from.</summary>
    public DateOnly StartsOn { get; set; }
}

/// <summary>Where a group meets. The remote details are private to accepted members and staff.</summary>
public class MeetingPlace
{
    public string? VenueName { get; set; }
    public string? AddressLine { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? PostalCode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? MeetingLink { get; set; }
    public string? DialIn { get; set; }
}

public class GroupMembership
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Group? Group { get; set; }
    public string UserId { get; set; } = "";
    public PeerCircleUser? User { get; set; }
    public MembershipStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the status last changed (accepted, declined, left…).</summary>
    public DateTime? StatusChangedAtUtc { get; set; }

    /// <summary>The facilitator or coordinator who accepted or declined a request.</summary>
    public string? DecidedById { get; set; }

    /// <summary>The member's place in the queue: the earliest waiting time goes first.</summary>
    public DateTime? WaitlistedAtUtc { get; set; }

    /// <summary>When an offered place lapses and goes to the next person waiting.</summary>
    public DateTime? OfferExpiresAtUtc { get; set; }

    /// <summary>A short pre-screen call the facilitator arranged before deciding on a request.</summary>
    public DateTime? PrescreenAtUtc { get; set; }
    public string? PrescreenNote { get; set; }

    /// <summary>Why a facilitator declined, in words the member sees.</summary>
    public string? DeclineReason { get; set; }

    /// <summary>Where the member heard about this group, from the link they followed.</summary>
    public ReferralSource? ReferralSource { get; set; }

    /// <summary>What the member chose to show on the group's contact sheet; nothing unless they opt in.</summary>
    public bool ShareNameOnContactSheet { get; set; }
    public bool ShareEmailOnContactSheet { get; set; }
    public bool SharePhoneOnContactSheet { get; set; }
}

public enum Audience { Patients, Survivors, Caregivers, Bereaved, Mixed }

public enum CancerType
{
    Breast, Prostate, Lung, Colorectal, Blood, Skin, Gynecologic, Pancreatic,
    HeadAndNeck, Brain, Kidney, Bladder, Sarcoma, Childhood, Other,
}

public enum GroupType { Curriculum, TopicFocused, OpenForum }

public enum MembershipPolicy { Open, Closed }

public enum Modality { InPerson, Video, Phone, OnlineText, Hybrid }

public enum GroupStatus { Recruiting, Active, Paused, Closed }

public enum Frequency { Weekly, Biweekly, Monthly }

public enum MembershipStatus
{
    Requested,
    Accepted,
    Waitlisted,
    Left,

    /// <summary>A place freed up and was offered to this waitlisted member until <see cref="GroupMembership.OfferExpiresAtUtc"/>.</summary>
    Offered,

    /// <summary>The facilitator decided this group is not the right fit for now.</summary>
    Declined,

    /// <summary>The member stepped back for a while; their place is kept.</summary>
    Paused,
}
