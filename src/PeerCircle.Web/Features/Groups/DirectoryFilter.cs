using PeerCircle.Data.Groups;

namespace PeerCircle.Web.Features.Groups;

/// <summary>
/// The fields the directory filters read, packed small, so a search scans one compact array instead of
/// thousands of listings spread across memory.
/// </summary>
public readonly record struct DirectoryKey(Audience Audience, Modality Modality, DayOfWeek Day, short StartMinute, byte Language, uint CancerMask)
{
    public static DirectoryKey Of(GroupListing group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var mask = 0u;
        foreach (var cancer in group.CancerFocus)
        {
            mask |= 1u << (int)cancer;
        }
        return new DirectoryKey(group.Audience, group.Modality, group.DayOfWeek, (short)group.StartMinuteOfDay,
            DirectoryFilter.LanguageIndex(group.Language), mask);
    }
}

/// <summary>A search's filters, checked against <see cref="DirectoryKey"/>s.</summary>
public readonly struct DirectoryFilter
{
    private static readonly string[] Languages = [.. GroupLanguages.Names.Keys];

    private readonly Audience? _audience;
    private readonly uint _cancerBit;
    private readonly Modality? _modality;
    private readonly int _language;
    private readonly DayOfWeek? _day;
    private readonly int _fromMinute;
    private readonly int _toMinute;

    public DirectoryFilter(GroupSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _audience = query.Audience;
        _cancerBit = query.CancerType is { } cancer ? 1u << (int)cancer : 0;
        _modality = query.Modality;
        _language = query.Language is { } language ? LanguageIndex(language) : -1;
        _day = query.Day;
        (_fromMinute, _toMinute) = query.TimeOfDay is { } time ? TimeOfDayRanges.Minutes(time) : (0, 24 * 60);
    }

    /// <summary>
    /// Mixed groups welcome every audience; a group with no cancer focus is open to any cancer;
    /// hybrid groups meet both in person and by video.
    /// </summary>
    public bool Matches(in DirectoryKey key)
    {
        if (_audience is { } audience && key.Audience != audience && key.Audience != Audience.Mixed)
        {
            return false;
        }
        if (_cancerBit != 0 && key.CancerMask != 0 && (key.CancerMask & _cancerBit) == 0)
        {
            return false;
        }
        if (_modality is { } modality && key.Modality != modality
            && !(key.Modality == Modality.Hybrid && modality is Modality.InPerson or Modality.Video))
        {
            return false;
        }
        if (_language >= 0 && key.Language != _language)
        {
            return false;
        }
        if (_day is { } day && key.Day != day)
        {
            return false;
        }
        return key.StartMinute >= _fromMinute && key.StartMinute < _toMinute;
    }

    internal static byte LanguageIndex(string language)
    {
        var index = Array.IndexOf(Languages, language);
        return index < 0 ? byte.MaxValue : (byte)index;
    }
}
