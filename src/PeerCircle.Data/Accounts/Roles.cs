namespace PeerCircle.Data.Accounts;

/// <summary>The program's roles. A person may hold several.</summary>
public static class Roles
{
    public const string Coordinator = "Coordinator";
    public const string Facilitator = "Facilitator";
    public const string Clinician = "Clinician";
    public const string Member = "Member";

    public static readonly IReadOnlyList<string> All = [Coordinator, Facilitator, Clinician, Member];

    /// <summary>Roles that must sign in with a second factor before reaching staff pages.</summary>
    public static readonly IReadOnlyList<string> RequiringTwoFactor = [Coordinator, Clinician];

    public static readonly IReadOnlyList<string> Staff = [Coordinator, Facilitator, Clinician];
}
