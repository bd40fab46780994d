using Microsoft.AspNetCore.Identity;

namespace PeerCircle.Data.Accounts;

/// <summary>A person with a sign-in. Roles (Coordinator, Facilitator, Clinician, Member) come from Identity.</summary>
public class PeerCircleUser : IdentityUser
{
    /// <summary>The person's full name; seen by staff only.</summary>
    [PersonalData]
    public string FullName { get; set; } = "";

    /// <summary>The name other members see in groups, e.g. "Maria G." or a chosen name.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    [PersonalData]
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>IANA time zone id used to show meeting times, e.g. "America/Chicago".</summary>
    public string TimeZoneId { get; set; } = "America/New_York";

    public DateTime CreatedAtUtc { get; set; }
}
