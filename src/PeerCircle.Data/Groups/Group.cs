using PeerCircle.Data.Accounts;

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

public enum MembershipStatus { Requested, Accepted, Waitlisted, Left }
