using PeerCircle.Web.Features.Groups;

namespace PeerCircle.Web.Features.Consent;

public static class ConsentDates
{
    /// <summary>A stored UTC time in the member's own time zone, for "you signed on…" lines.</summary>
    public static DateTime InZone(DateTime utc, string? timeZoneId) =>
        GroupTimeZones.IsKnown(timeZoneId)
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId!))
            : utc;
}
