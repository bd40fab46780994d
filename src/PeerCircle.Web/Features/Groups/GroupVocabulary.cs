using System.Text;
using PeerCircle.Data.Groups;

namespace PeerCircle.Web.Features.Groups;

/// <summary>Text forms of the group enums as they appear in URLs and the API: lower-case words joined by hyphens.</summary>
public static class EnumText
{
    public static string ToKebab<T>(T value) where T : struct, Enum =>
        KebabNames<T>.Names.TryGetValue(value, out var text) ? text : Compute(value);

    private static class KebabNames<T> where T : struct, Enum
    {
        public static readonly System.Collections.Frozen.FrozenDictionary<T, string> Names =
            System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(Enum.GetValues<T>(), v => v, v => Compute(v));
    }

    private static string Compute<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }

    /// <summary>Accepts "in-person", "InPerson" or "inperson"; refuses numbers and unknown words.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var compact = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), compact, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        return false;
    }

    public static string Choices<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(ToKebab));
}

/// <summary>Parts of the day a visitor can filter meeting times by, in the group's own time zone.</summary>
public enum TimeOfDay { Morning, Afternoon, Evening }

public static class TimeOfDayRanges
{
    public static (int From, int To) Minutes(TimeOfDay time) => time switch
    {
        TimeOfDay.Morning => (0, 12 * 60),
        TimeOfDay.Afternoon => (12 * 60, 17 * 60),
        _ => (17 * 60, 24 * 60),
    };
}

/// <summary>Languages groups may meet in, by ISO 639-1 code.</summary>
public static class GroupLanguages
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["en"] = "English",
        ["es"] = "Español (Spanish)",
        ["zh"] = "中文 (Chinese)",
        ["vi"] = "Tiếng Việt (Vietnamese)",
        ["ko"] = "한국어 (Korean)",
        ["tl"] = "Tagalog",
        ["ar"] = "العربية (Arabic)",
        ["fr"] = "Français (French)",
        ["ru"] = "Русский (Russian)",
        ["asl"] = "American Sign Language",
    };

    public static string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : code;
}

/// <summary>US time zones a group can meet in.</summary>
public static class GroupTimeZones
{
    public static readonly IReadOnlyList<(string Id, string Label)> UnitedStates =
    [
        ("America/New_York", "Eastern"),
        ("America/Chicago", "Central"),
        ("America/Denver", "Mountain"),
        ("America/Phoenix", "Arizona"),
        ("America/Los_Angeles", "Pacific"),
        ("America/Anchorage", "Alaska"),
        ("Pacific/Honolulu", "Hawaii"),
        ("America/Puerto_Rico", "Atlantic (Puerto Rico)"),
    ];

    public static bool IsKnown(string? id) => id is not null && UnitedStates.Any(z => z.Id == id);

    public static string LabelOf(string id) => UnitedStates.FirstOrDefault(z => z.Id == id).Label ?? id;
}
