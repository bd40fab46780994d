using System.Globalization;
using Microsoft.Extensions.Options;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Features.Safety.Cases;

namespace PeerCircle.Web.Features.Safety.Oversight;

/// <summary>How a local date and time the user typed maps to UTC, with daylight-saving gaps and repeats made explicit.</summary>
public enum LocalTimeCheck { Ok, Skipped, Repeated }

/// <summary>
/// Converts between UTC and the program's own time zone (<c>Safety:TimeZone</c>, an IANA id, Eastern unless set; the
/// same setting business days for case due times are counted in) and writes times the way staff read them: on-call
/// shifts, confidentiality-break times and the monthly reports.
/// </summary>
public sealed class ProgramTime(IOptions<CaseOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public string ZoneId => options.Value.TimeZone;

    /// <summary>"Eastern", "Central", … for known US zones, otherwise the zone's id.</summary>
    public string ZoneLabel => GroupTimeZones.LabelOf(ZoneId);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>Whether the clock shows this time exactly once on that day.</summary>
    public LocalTimeCheck Check(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            return LocalTimeCheck.Skipped;
        }
        return Zone.IsAmbiguousTime(unspecified) ? LocalTimeCheck.Repeated : LocalTimeCheck.Ok;
    }

    /// <summary>The UTC instant of a local time that <see cref="Check"/> found <see cref="LocalTimeCheck.Ok"/>.</summary>
    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>
    /// The earlier UTC instant of a local time the clocks show twice (the first pass, before they go back); for any
    /// other time, the same as <see cref="ToUtc"/>.
    /// </summary>
    public DateTime FirstUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return Zone.IsAmbiguousTime(unspecified)
            ? DateTime.SpecifyKind(unspecified - Zone.GetAmbiguousTimeOffsets(unspecified).Max(), DateTimeKind.Utc)
            : ToUtc(local);
    }

    /// <summary>The UTC start of the local calendar month that holds <paramref name="utc"/>.</summary>
    public DateTime MonthStartUtc(DateTime utc)
    {
        var local = ToLocal(utc);
        return MonthStartUtc(local.Year, local.Month);
    }

    /// <summary>The UTC start of a local calendar month.</summary>
    public DateTime MonthStartUtc(int year, int month)
    {
        var midnight = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        // A few zones skip midnight when their clocks go forward; the month then starts an hour later.
        return ToUtc(Zone.IsInvalidTime(midnight) ? midnight.AddHours(1) : midnight);
    }

    /// <summary>"Thu, Dec 3, 2026, 9:00 AM".</summary>
    public static string Format(DateTime local) => local.ToString("ddd, MMM d, yyyy, h:mm tt", CultureInfo.CurrentCulture);

    public string FormatUtc(DateTime utc) => Format(ToLocal(utc));
}
