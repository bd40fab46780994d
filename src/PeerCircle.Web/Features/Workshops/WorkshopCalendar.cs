using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using PeerCircle.Data.Training;

namespace PeerCircle.Web.Features.Workshops;

/// <summary>A workshop as an iCalendar file, in the time zone it was planned in; a cancelled one says so.</summary>
public static class WorkshopCalendar
{
    public static string ToIcs(Workshop workshop)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(workshop.TimeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(workshop.StartsAtUtc, zone);
        var calendar = new Calendar { ProductId = "-//PeerCircle//Facilitator workshops//EN" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(workshop.TimeZoneId));
        var cancelled = workshop.CancelledAtUtc is not null;
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"workshop-{workshop.Id}@peercircle",
            Summary = cancelled ? $"Cancelled: {workshop.Title}" : workshop.Title,
            Description = workshop.Agenda,
            Location = workshop.Location,
            DtStart = new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, workshop.TimeZoneId),
            Duration = Duration.FromMinutes(workshop.Minutes),
            DtStamp = new CalDateTime(workshop.CancelledAtUtc ?? workshop.CreatedAtUtc, "UTC"),
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Sequence = cancelled ? 1 : 0,
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
