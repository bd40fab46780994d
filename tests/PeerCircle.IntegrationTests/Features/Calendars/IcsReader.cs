using System.Globalization;
using System.Text;

namespace PeerCircle.IntegrationTests.Features.Calendars;

/// <summary>One content line of an iCalendar file: NAME;PARAM=value:VALUE, with the parameters' quotes removed.</summary>
public sealed record IcsProperty(string Name, IReadOnlyDictionary<string, string> Parameters, string Value)
{
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>The value as TEXT (RFC 5545 3.3.11): backslash escapes undone.</summary>
    public string Text => IcsReader.UnescapeText(Value);
}

/// <summary>A BEGIN:X … END:X block with its properties and nested blocks.</summary>
public sealed class IcsComponent(string name)
{
    public string Name { get; } = name;
    public List<IcsProperty> Properties { get; } = [];
    public List<IcsComponent> Children { get; } = [];

    public IcsProperty? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);

    public IEnumerable<IcsProperty> All(string name) => Properties.Where(p => p.Name == name);

    public string? Value(string name) => Property(name)?.Value;

    public IEnumerable<IcsComponent> Components(string name) => Children.Where(c => c.Name == name);
}

/// <summary>
/// A small, independent RFC 5545 reader for tests, so calendar files are checked by something other than the
/// library that wrote them: it unfolds lines, splits properties and parameters, builds the component tree, reads
/// DATE-TIME values (UTC, floating or with TZID, resolved through the machine's <see cref="TimeZoneInfo"/>), works out
/// a VTIMEZONE's offset at a local time from its STANDARD/DAYLIGHT observances, and expands the simple weekly and
/// monthly rules PeerCircle writes.
/// </summary>
public static class IcsReader
{
    /// <summary>Parses a whole file and returns its VCALENDAR.</summary>
    public static IcsComponent Parse(string ics)
    {
        ArgumentNullException.ThrowIfNull(ics);
        var root = new IcsComponent("(file)");
        var open = new Stack<IcsComponent>();
        open.Push(root);
        foreach (var line in Unfold(ics))
        {
            var property = ParseLine(line);
            switch (property.Name)
            {
                case "BEGIN":
                    var component = new IcsComponent(property.Value.ToUpperInvariant());
                    open.Peek().Children.Add(component);
                    open.Push(component);
                    break;
                case "END":
                    var closing = open.Pop();
                    if (closing.Name != property.Value.ToUpperInvariant())
                    {
                        throw new FormatException($"END:{property.Value} closes BEGIN:{closing.Name}.");
                    }
                    break;
                default:
                    if (open.Count == 1)
                    {
                        throw new FormatException($"Property {property.Name} outside any component.");
                    }
                    open.Peek().Properties.Add(property);
                    break;
            }
        }
        if (open.Count != 1)
        {
            throw new FormatException($"BEGIN:{open.Peek().Name} is never closed.");
        }
        return root.Children.Single(c => c.Name == "VCALENDAR");
    }

    /// <summary>RFC 5545 3.1: a line break followed by one space or tab continues the previous line.</summary>
    public static IEnumerable<string> Unfold(string ics)
    {
        ArgumentNullException.ThrowIfNull(ics);
        var lines = ics.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var current = new StringBuilder();
        foreach (var raw in lines)
        {
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t'))
            {
                current.Append(raw, 1, raw.Length - 1);
                continue;
            }
            if (current.Length > 0)
            {
                yield return current.ToString();
            }
            current.Clear().Append(raw);
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>Splits NAME;P1=a;P2="b:c":VALUE. Colons and semicolons inside quoted parameter values do not count.</summary>
    public static IcsProperty ParseLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var quoted = false;
        var valueStart = -1;
        var parts = new List<string>();
        var part = new StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                quoted = !quoted;
                continue;
            }
            if (!quoted && c == ':')
            {
                valueStart = i + 1;
                break;
            }
            if (!quoted && c == ';')
            {
                parts.Add(part.ToString());
                part.Clear();
                continue;
            }
            part.Append(c);
        }
        if (valueStart < 0)
        {
            throw new FormatException($"No value in line: {line}");
        }
        parts.Add(part.ToString());
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in parts.Skip(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Bad parameter '{parameter}' in line: {line}");
            }
            parameters[parameter[..equals]] = parameter[(equals + 1)..];
        }
        return new IcsProperty(parts[0].ToUpperInvariant(), parameters, line[valueStart..]);
    }

    public static string UnescapeText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                text.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                text.Append(value[i]);
            }
        }
        return text.ToString();
    }

    /// <summary>The wall-clock time a DATE-TIME value names (a trailing Z is ignored here; see <see cref="ToUtc"/>).</summary>
    public static DateTime LocalOf(IcsProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return ParseDateTime(property.Value.TrimEnd('Z'));
    }

    /// <summary>The instant a DATE-TIME value names: UTC when it ends in Z, else in its TZID, resolved with TimeZoneInfo.</summary>
    public static DateTime ToUtc(IcsProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (property.Value.EndsWith('Z'))
        {
            return DateTime.SpecifyKind(LocalOf(property), DateTimeKind.Utc);
        }
        var zone = property.Parameter("TZID") ?? throw new FormatException($"{property.Name} is floating: it has neither Z nor TZID.");
        return TimeZoneInfo.ConvertTimeToUtc(LocalOf(property), TimeZoneInfo.FindSystemTimeZoneById(zone));
    }

    /// <summary>
    /// The UTC offset a VTIMEZONE gives at a local time: the observance (STANDARD or DAYLIGHT) whose latest onset is
    /// at or before that time wins, and its TZOFFSETTO applies. Onsets come from DTSTART, yearly RRULEs with
    /// BYMONTH and BYDAY (like 2SU or -1SU), and RDATEs.
    /// </summary>
    public static TimeSpan OffsetAt(IcsComponent timeZone, DateTime local)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var best = (Onset: DateTime.MinValue, Offset: (TimeSpan?)null);
        foreach (var observance in timeZone.Children.Where(c => c.Name is "STANDARD" or "DAYLIGHT"))
        {
            foreach (var onset in Onsets(observance, local.Year).Where(o => o <= local))
            {
                if (onset >= best.Onset)
                {
                    best = (onset, ParseOffset(observance.Value("TZOFFSETTO")!));
                }
            }
        }
        return best.Offset ?? throw new FormatException($"VTIMEZONE {timeZone.Value("TZID")} says nothing about {local:s}.");
    }

    /// <summary>
    /// The starts (UTC) of a recurring VEVENT after <paramref name="afterUtc"/>, for the rules PeerCircle writes:
    /// FREQ=WEEKLY with BYDAY and an optional INTERVAL, and FREQ=MONTHLY with BYDAY=nDD (n from 1 to 4, or -1).
    /// </summary>
    public static IEnumerable<DateTime> Occurrences(IcsComponent vevent, DateTime afterUtc)
    {
        ArgumentNullException.ThrowIfNull(vevent);
        var start = vevent.Property("DTSTART")!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(start.Parameter("TZID")!);
        var first = LocalOf(start);
        var rule = RuleParts(vevent.Value("RRULE")!);
        var interval = rule.TryGetValue("INTERVAL", out var i) ? int.Parse(i, CultureInfo.InvariantCulture) : 1;
        IEnumerable<DateTime> locals = rule["FREQ"] switch
        {
            "WEEKLY" => Weekly(first, interval),
            "MONTHLY" => Monthly(first, rule["BYDAY"]),
            var other => throw new NotSupportedException($"FREQ={other}"),
        };
        return locals.Select(l => TimeZoneInfo.ConvertTimeToUtc(l, zone)).SkipWhile(utc => utc <= afterUtc);
    }

    private static IEnumerable<DateTime> Weekly(DateTime first, int interval)
    {
        for (var day = first; ; day = day.AddDays(7 * interval))
        {
            yield return day;
        }
    }

    private static IEnumerable<DateTime> Monthly(DateTime first, string byDay)
    {
        var (week, weekday) = ParseByDay(byDay);
        for (var month = new DateTime(first.Year, first.Month, 1); ; month = month.AddMonths(1))
        {
            var day = NthWeekday(month.Year, month.Month, week, weekday).ToDateTime(TimeOnly.FromDateTime(first));
            if (day >= first)
            {
                yield return day;
            }
        }
    }

    private static IEnumerable<DateTime> Onsets(IcsComponent observance, int year)
    {
        var start = ParseDateTime(observance.Value("DTSTART")!);
        yield return start;
        foreach (var rdate in observance.All("RDATE").SelectMany(r => r.Value.Split(',')))
        {
            yield return ParseDateTime(rdate.TrimEnd('Z'));
        }
        if (observance.Value("RRULE") is not { } rrule)
        {
            yield break;
        }
        var rule = RuleParts(rrule);
        if (rule["FREQ"] != "YEARLY")
        {
            throw new NotSupportedException($"VTIMEZONE rule {rrule}");
        }
        var until = rule.TryGetValue("UNTIL", out var u) ? ParseDateTime(u.TrimEnd('Z')) : DateTime.MaxValue;
        var month = int.Parse(rule["BYMONTH"], CultureInfo.InvariantCulture);
        var (week, weekday) = ParseByDay(rule["BYDAY"]);
        for (var y = Math.Max(start.Year, year - 1); y <= year; y++)
        {
            var onset = NthWeekday(y, month, week, weekday).ToDateTime(TimeOnly.FromDateTime(start));
            if (onset >= start && onset <= until)
            {
                yield return onset;
            }
        }
    }

    private static DateOnly NthWeekday(int year, int month, int week, DayOfWeek weekday)
    {
        if (week > 0)
        {
            var first = new DateOnly(year, month, 1);
            return first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (week - 1)));
        }
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7) - (7 * (-week - 1)));
    }

    private static (int Week, DayOfWeek Day) ParseByDay(string byDay)
    {
        var code = byDay[^2..];
        var number = byDay[..^2];
        var day = code switch
        {
            "MO" => DayOfWeek.Monday,
            "TU" => DayOfWeek.Tuesday,
            "WE" => DayOfWeek.Wednesday,
            "TH" => DayOfWeek.Thursday,
            "FR" => DayOfWeek.Friday,
            "SA" => DayOfWeek.Saturday,
            "SU" => DayOfWeek.Sunday,
            _ => throw new FormatException($"BYDAY={byDay}"),
        };
        return (number.Length == 0 ? 1 : int.Parse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), day);
    }

    private static Dictionary<string, string> RuleParts(string rule) =>
        rule.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0].ToUpperInvariant(), p => p[1]);

    private static DateTime ParseDateTime(string value) =>
        DateTime.ParseExact(value, ["yyyyMMdd'T'HHmmss", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static TimeSpan ParseOffset(string offset)
    {
        var sign = offset[0] == '-' ? -1 : 1;
        var hours = int.Parse(offset[1..3], CultureInfo.InvariantCulture);
        var minutes = int.Parse(offset[3..5], CultureInfo.InvariantCulture);
        return sign * new TimeSpan(hours, minutes, 0);
    }
}
