using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.Web.Features.Calendars;

/// <summary>One group as it goes into a calendar file, with the changes to its meetings and who is reading it.</summary>
/// <param name="ShowPrivateDetails">True for the group's members and staff: the street address, link and dial-in go in.</param>
public sealed record CalendarEntry(Group Group, IReadOnlyList<MeetingChange> Changes, bool ShowPrivateDetails, string GroupPageUrl)
{
    /// <summary>
    /// True for a file sent by e-mail, which calendars import once: a cancelled extra meeting must then be in it,
    /// marked cancelled, to take it out of the calendar. A subscribed feed leaves it out instead, and the calendar
    /// drops it on its next look.
    /// </summary>
    public bool Imported { get; init; }
}

/// <summary>
/// Groups' meetings as an iCalendar file: per group one recurring event in the group's own time zone (with that
/// zone's VTIMEZONE), plus one override per cancelled or moved meeting, named by its planned start (RECURRENCE-ID),
/// plus one event of its own per extra meeting. Paused and closed groups have no events, so calendars that subscribe
/// drop their meetings.
/// </summary>
public static class MeetingCalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The event id a group's meetings keep for ever, so calendars update them rather than add copies.</summary>
    public static string Uid(Guid groupId) => $"group-{groupId:D}@peercircle";

    /// <summary>The event id of one extra meeting, named by the start it was added with; it keeps it when moved.</summary>
    public static string ExtraUid(Guid groupId, DateTime addedStartUtc) =>
        $"group-{groupId:D}-extra-{ChangeMeeting.OccurrenceKey(addedStartUtc)}@peercircle";

    public static string ToIcs(IReadOnlyList<CalendarEntry> entries, string calendarName, DateTime nowUtc, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(text);
        var calendar = new Calendar { ProductId = "-//PeerCircle//Group meetings//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        // Subscribed calendars look again about every hour, so cancellations show up the same day.
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        var stamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), "UTC");

        foreach (var zone in entries.Select(e => e.Group.Schedule.TimeZoneId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var earliest = entries.Where(e => e.Group.Schedule.TimeZoneId == zone).Min(e => e.Group.Schedule.StartsOn);
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, earliest.ToDateTime(TimeOnly.MinValue), includeHistoricalData: false));
        }

        foreach (var entry in entries.Where(e => GroupCalendar.Meets(e.Group.Status)))
        {
            var group = entry.Group;
            var schedule = group.Schedule;
            var location = Location(group, entry.ShowPrivateDetails, text);
            var description = Description(group, entry.ShowPrivateDetails, entry.GroupPageUrl, text);
            var series = MeetingTimes.ToCalendarEvent(schedule, group.Name);
            series.Uid = Uid(group.Id);
            series.DtStamp = stamp;
            series.Location = location;
            series.Description = description;
            series.Url = new Uri(entry.GroupPageUrl);
            series.Status = EventStatus.Confirmed;
            calendar.Events.Add(series);

            foreach (var change in entry.Changes.Where(c => c.GroupId == group.Id && GroupCalendar.IsScheduled(schedule, c.OccurrenceStartUtc)))
            {
                var planned = Local(change.OccurrenceStartUtc, schedule.TimeZoneId);
                var moved = !change.Cancelled && change.MovedToStartUtc is not null;
                var reason = change.Reason.Length > 0 ? text["Why: {0}", change.Reason].Value : "";
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = series.Uid,
                    RecurrenceIdentifier = new RecurrenceIdentifier(planned, null),
                    DtStamp = stamp,
                    LastModified = new CalDateTime(DateTime.SpecifyKind(change.ChangedAtUtc, DateTimeKind.Utc), "UTC"),
                    Sequence = 1,
                    DtStart = moved ? Local(change.MovedToStartUtc!.Value, schedule.TimeZoneId) : planned,
                    Duration = Duration.FromMinutes(schedule.DurationMinutes),
                    Summary = moved ? group.Name : text["Cancelled: {0}", group.Name].Value,
                    Status = moved ? EventStatus.Confirmed : EventStatus.Cancelled,
                    Location = location,
                    Description = string.Join("\n", new[]
                    {
                        moved ? text["This meeting was moved from its usual time."].Value : text["This meeting is cancelled."].Value,
                        reason, description,
                    }.Where(line => line.Length > 0)),
                    Url = series.Url,
                });
            }

            // An extra meeting is an event of its own with its own UID, not an RDATE on the series: Outlook does not
            // import RDATE at all, and other calendars that do are uneven about overrides of an RDATE instance and
            // about taking one away when a later copy of the series no longer has it. A plain single event is the
            // one thing every calendar handles, and it is moved, cancelled or dropped on its own without touching
            // the series.
            foreach (var change in GroupCalendar.Extras(schedule, entry.Changes.Where(c => c.GroupId == group.Id)))
            {
                if (change.Cancelled && !entry.Imported)
                {
                    continue;
                }
                var moved = !change.Cancelled && change.MovedToStartUtc is not null;
                var reason = change.Reason.Length > 0 ? text["Why: {0}", change.Reason].Value : "";
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = ExtraUid(group.Id, change.OccurrenceStartUtc),
                    DtStamp = stamp,
                    LastModified = new CalDateTime(DateTime.SpecifyKind(change.ChangedAtUtc, DateTimeKind.Utc), "UTC"),
                    Sequence = Sequence(change.ChangedAtUtc),
                    DtStart = Local(moved ? change.MovedToStartUtc!.Value : change.OccurrenceStartUtc, schedule.TimeZoneId),
                    Duration = Duration.FromMinutes(schedule.DurationMinutes),
                    Summary = change.Cancelled ? text["Cancelled: {0}", group.Name].Value : text["{0} (extra meeting)", group.Name].Value,
                    Status = change.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                    Location = location,
                    Description = string.Join("\n", new[]
                    {
                        change.Cancelled ? text["This extra meeting is cancelled."].Value : text["An extra meeting, added to the group's usual schedule."].Value,
                        reason, description,
                    }.Where(line => line.Length > 0)),
                    Url = series.Url,
                });
            }
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>Where the group meets: for members the street address, link or dial-in; for others only the town or the kind of meeting.</summary>
    public static string Location(Group group, bool showPrivateDetails, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(text);
        var place = group.Place;
        var town = string.Join(", ", new[] { place.City, place.State }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var remote = group.Modality switch
        {
            Modality.Phone => showPrivateDetails && place.DialIn is { Length: > 0 } dialIn ? dialIn : text["Phone meeting"].Value,
            Modality.OnlineText => showPrivateDetails && place.MeetingLink is { Length: > 0 } chat ? chat : text["Online chat"].Value,
            _ => showPrivateDetails && place.MeetingLink is { Length: > 0 } link ? link : text["Video meeting"].Value,
        };
        if (!group.MeetsInPerson)
        {
            return remote;
        }
        var where = showPrivateDetails
            ? string.Join(", ", new[] { place.VenueName, place.AddressLine, town, place.PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p)))
            : town;
        if (group.Modality != Modality.Hybrid)
        {
            return where;
        }
        return showPrivateDetails && place.MeetingLink is { Length: > 0 }
            ? text["{0}, or by video: {1}", where, remote].Value
            : text["{0}, or by video", where].Value;
    }

    private static string Description(Group group, bool showPrivateDetails, string groupPageUrl, IStringLocalizer text)
    {
        var lines = new StringBuilder();
        if (showPrivateDetails)
        {
            if (group.Place.MeetingLink is { Length: > 0 } link && group.MeetsRemotely)
            {
                lines.AppendLine(text["Meeting link: {0}", link]);
            }
            if (group.Place.DialIn is { Length: > 0 } dialIn && group.MeetsRemotely)
            {
                lines.AppendLine(text["Dial-in: {0}", dialIn]);
            }
            lines.AppendLine(text["Please keep these details private to protect everyone in the group."]);
        }
        else
        {
            lines.AppendLine(text["The full address, meeting link or phone number is shared only with members of the group."]);
        }
        lines.Append(text["Group page: {0}", groupPageUrl]);
        return lines.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// An extra meeting's SEQUENCE, which must rise with every change so calendars take the newest copy: seconds from
    /// 2020 to its last change, as no counter is stored.
    /// </summary>
    private static int Sequence(DateTime changedAtUtc) =>
        (int)Math.Clamp((changedAtUtc - new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds, 0, int.MaxValue);

    private static CalDateTime Local(DateTime utc, string zoneId)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, zoneId);
    }
}
