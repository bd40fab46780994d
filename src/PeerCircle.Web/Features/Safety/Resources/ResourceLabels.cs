using PeerCircle.Data.Safety;

namespace PeerCircle.Web.Features.Safety.Resources;

/// <summary>Names, codes and small rules about resources that the pages, import and export share.</summary>
public static class ResourceLabels
{
    /// <summary>Resources not reviewed for this many months are flagged for the resource review.</summary>
    public const int ReviewMonths = 12;

    public static readonly IReadOnlyList<ResourceCategory> Categories = Enum.GetValues<ResourceCategory>();

    /// <summary>The English label of a category (a localizer key).</summary>
    public static string Of(ResourceCategory category) => category switch
    {
        ResourceCategory.Counseling => "Counseling and psycho-oncology",
        ResourceCategory.GriefSupport => "Grief support",
        ResourceCategory.FinancialHelp => "Help with money",
        ResourceCategory.Transportation => "Rides and transportation",
        ResourceCategory.Lodging => "A place to stay during treatment",
        ResourceCategory.Legal => "Legal help",
        ResourceCategory.Nutrition => "Food and nutrition",
        ResourceCategory.CaregiverRespite => "Support and breaks for caregivers",
        ResourceCategory.HospicePalliative => "Hospice and palliative care",
        ResourceCategory.CrisisLine => "Crisis lines",
        ResourceCategory.SupportOrganization => "Support organizations",
        _ => category.ToString(),
    };

    /// <summary>The code used for a category in HSDS files (a taxonomy term) and links.</summary>
    public static string Code(ResourceCategory category) => category switch
    {
        ResourceCategory.Counseling => "counseling",
        ResourceCategory.GriefSupport => "grief-support",
        ResourceCategory.FinancialHelp => "financial-help",
        ResourceCategory.Transportation => "transportation",
        ResourceCategory.Lodging => "lodging",
        ResourceCategory.Legal => "legal",
        ResourceCategory.Nutrition => "nutrition",
        ResourceCategory.CaregiverRespite => "caregiver-respite",
        ResourceCategory.HospicePalliative => "hospice-palliative",
        ResourceCategory.CrisisLine => "crisis-line",
        ResourceCategory.SupportOrganization => "support-organization",
        _ => category.ToString().ToLowerInvariant(),
    };

    public static bool TryParseCode(string? code, out ResourceCategory category)
    {
        foreach (var candidate in Categories)
        {
            if (string.Equals(Code(candidate), code?.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                category = candidate;
                return true;
            }
        }
        category = default;
        return false;
    }

    /// <summary>Languages a resource can be tagged with: code and English name.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Languages =
    [
        ("en", "English"), ("es", "Spanish"), ("zh", "Chinese"), ("vi", "Vietnamese"), ("ko", "Korean"),
        ("tl", "Tagalog"), ("ar", "Arabic"), ("fr", "French"), ("ru", "Russian"), ("ht", "Haitian Creole"),
        ("pt", "Portuguese"), ("asl", "American Sign Language"),
    ];

    public static string LanguageName(string code) =>
        Languages.FirstOrDefault(l => l.Code == code) is { Name: { } name } ? name : code;

    public static IReadOnlyList<string> LanguagesOf(Resource resource) =>
        (resource.Languages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<string> StatesOf(Resource resource) =>
        (resource.States ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when a resource was last reviewed 12 months ago or more.</summary>
    public static bool NeedsReview(Resource resource, DateOnly today) =>
        resource.LastReviewedOn <= today.AddMonths(-ReviewMonths);

    /// <summary>The oldest last-reviewed date that is still current.</summary>
    public static DateOnly ReviewCutoff(DateOnly today) => today.AddMonths(-ReviewMonths);

    public static string DescribeArea(Resource resource) => resource.Area switch
    {
        AreaServed.National => "Anywhere in the United States",
        AreaServed.State => "In " + string.Join(", ", StatesOf(resource)),
        _ => $"Within {resource.RadiusMiles} miles of ZIP {resource.PostalCode}",
    };
}
