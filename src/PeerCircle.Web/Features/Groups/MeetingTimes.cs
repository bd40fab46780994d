using System.Collections.Concurrent;
using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using PeerCircle.Data.Groups;

namespace PeerCircle.Web.Features.Groups;

/// <summary>A group's schedule as an iCalendar recurrence: its RRULE text and its next meetings.</summary>
public static class MeetingTimes
{
    public static string ToRRule(MeetingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var day = DayCode(schedule.DayOfWeek);
        return schedule.Frequency switch
        {
            Frequency.Weekly => $"FREQ=WEEKLY;BYDAY={day}",
            Frequency.Biweekly => $"FREQ=WEEKLY;INTERVAL=2;BYDAY={day}",
            _ => string.Create(CultureInfo.InvariantCulture, $"FREQ=MONTHLY;BYDAY={schedule.WeekOfMonth}{day}"),
        };
    }

    /// <summary>The group's recurring meeting as an iCalendar event in its own time zone.</summary>
    public static CalendarEvent ToCalendarEvent(MeetingSchedule schedule, string summary)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var first = FirstMeetingDate(schedule);
        var start = new CalDateTime(first.Year, first.Month, first.Day,
            schedule.StartMinuteOfDay / 60, schedule.StartMinuteOfDay % 60, 0, schedule.TimeZoneId);
        var meeting = new CalendarEvent
        {
            Summary = summary,
            DtStart = start,
            Duration = Ical.Net.DataTypes.Duration.FromMinutes(schedule.DurationMinutes),
        };
        meeting.RecurrenceRule = new RecurrencePattern(ToRRule(schedule));
        return meeting;
    }

    /// <summary>The next meetings that start after <paramref name="afterUtc"/>, as UTC instants.</summary>
    public static IReadOnlyList<DateTime> Next(MeetingSchedule schedule, DateTime afterUtc, int count)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var meeting = ToCalendarEvent(schedule, "meeting");
        var calendar = new Ical.Net.Calendar();
        calendar.Events.Add(meeting);
        return meeting.GetOccurrences(new CalDateTime(afterUtc, "UTC"))
            .Select(o => o.Period.StartTime.AsUtc)
            .Where(start => start > afterUtc)
            .Take(count)
            .ToList();
    }

    private static readonly ConcurrentDictionary<(Frequency, DayOfWeek, int, int, int), string> Descriptions = new();

    /// <summary>"Every Tuesday, 6:30 PM to 8:00 PM" style text, in English, for lists and the API.</summary>
    /// <remarks>Remembered per schedule shape: the directory describes the same few dozen shapes on every request.</remarks>
    public static string DescribeRule(Frequency frequency, DayOfWeek day, int weekOfMonth, int startMinute, int duration) =>
        Descriptions.GetOrAdd((frequency, day, weekOfMonth, startMinute, duration),
            key => Describe(key.Item1, key.Item2, key.Item3, key.Item4, key.Item5));

    private static string Describe(Frequency frequency, DayOfWeek day, int weekOfMonth, int startMinute, int duration)
    {
        var from = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(startMinute));
        var to = from.AddMinutes(duration);
        var times = string.Create(CultureInfo.InvariantCulture, $"{from:h:mm tt} to {to:h:mm tt}");
        return frequency switch
        {
            Frequency.Weekly => $"Every {day}, {times}",
            Frequency.Biweekly => $"Every other {day}, {times}",
            _ => $"{Ordinal(weekOfMonth)} {day} of each month, {times}",
        };
    }

    public static string Ordinal(int weekOfMonth) => weekOfMonth switch
    {
        1 => "First",
        2 => "Second",
        3 => "Third",
        4 => "Fourth",
        _ => "Last",
    };

    private static DateOnly FirstMeetingDate(MeetingSchedule schedule)
    {
        // DTSTART must itself match the rule, so start at the first matching day on or after StartsOn.
        var date = schedule.StartsOn;
        if (schedule.Frequency != Frequency.Monthly)
        {
            while (date.DayOfWeek != schedule.DayOfWeek)
            {
                date = date.AddDays(1);
            }
            return date;
        }
        for (var i = 0; i < 62; i++, date = date.AddDays(1))
        {
            if (date.DayOfWeek == schedule.DayOfWeek && WeekOfMonthMatches(date, schedule.WeekOfMonth))
            {
                return date;
            }
        }
        return schedule.StartsOn;
    }

    private static bool WeekOfMonthMatches(DateOnly date, int weekOfMonth) => weekOfMonth == -1
        ? date.AddDays(7).Month != date.Month
        : ((date.Day - 1) / 7) + 1 == weekOfMonth;

    private static string DayCode(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "MO",
        DayOfWeek.Tuesday => "TU",
        DayOfWeek.Wednesday => "WE",
        DayOfWeek.Thursday => "TH",
        DayOfWeek.Friday => "FR",
        DayOfWeek.Saturday => "SA",
        _ => "SU",
    };
}
