using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.Web.Features.Calendars;

/// <summary>The shared wording of meeting e-mails: times in the member's and the group's zone, and how to attend.</summary>
public static class MeetingMessages
{
    /// <summary>
    /// Writes a message in the language the group meets in, whatever language the sender's page is in: a Spanish
    /// group's members read Spanish, the coordinator's browser settings aside.
    /// </summary>
    public static T InGroupLanguage<T>(Group group, Func<T> compose)
    {
        ArgumentNullException.ThrowIfNull(group);
        return InLanguage(group.Language, compose);
    }

    /// <summary>Writes a message in Spanish for "es", else in English, whatever language the current request is in.</summary>
    public static T InLanguage<T>(string? languageCode, Func<T> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var language = languageCode == "es" ? new CultureInfo("es") : new CultureInfo("en-US");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
        try
        {
            return compose();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>"Tuesday, December 1 at 6:30 PM" in the given zone.</summary>
    public static string When(DateTime utc, string zoneId)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        return local.ToString("dddd, MMMM d, h:mm tt", CultureInfo.CurrentCulture);
    }

    /// <summary>The meeting time for this member: in their own zone and, when it differs, in the group's too.</summary>
    public static string WhenFor(DateTime utc, Group group, string memberZoneId, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(text);
        var groupZone = group.Schedule.TimeZoneId;
        var inGroupZone = text["{0} ({1} time)", When(utc, groupZone), text[GroupTimeZones.LabelOf(groupZone)]].Value;
        var memberZone = GroupTimeZones.IsKnown(memberZoneId) ? memberZoneId : groupZone;
        return memberZone == groupZone
            ? inGroupZone
            : text["{0} your time ({1}), which is {2} where the group meets", When(utc, memberZone), text[GroupTimeZones.LabelOf(memberZone)], inGroupZone].Value;
    }

    /// <summary>How to get to the meeting, with the private details: this goes only to accepted members.</summary>
    public static string HowToAttend(Group group, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(text);
        var place = group.Place;
        var lines = new StringBuilder();
        if (group.MeetsInPerson)
        {
            var town = string.Join(", ", new[] { place.City, place.State }.Where(p => !string.IsNullOrWhiteSpace(p)));
            var address = string.Join(", ", new[] { place.VenueName, place.AddressLine, town, place.PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p)));
            lines.Append(text["Where: {0}", address].Value).Append('\n');
        }
        if (group.MeetsRemotely && place.MeetingLink is { Length: > 0 } link)
        {
            lines.Append(text["Meeting link: {0}", link].Value).Append('\n');
        }
        if (group.MeetsRemotely && place.DialIn is { Length: > 0 } dialIn)
        {
            lines.Append(text["Dial-in: {0}", dialIn].Value).Append('\n');
        }
        lines.Append(text["Please keep these details private to protect everyone in the group."].Value);
        return lines.ToString();
    }

    /// <summary>The closing lines of every meeting e-mail: how to reach the facilitator and how to stop these e-mails.</summary>
    public static string Footer(Group group, CalendarLinks links, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(text);
        return text["Please do not reply to this e-mail. To tell your facilitator something, like that you cannot come, sign in to PeerCircle and send them a message from your group's page: {0}", links.GroupPage(group.Slug)].Value
            + "\n\n"
            + text["You get these e-mails because you are a member of {0}. To change how we contact you, or to stop e-mails, go to {1}", group.Name, links.ContactChoices].Value
            + "\n\nPeerCircle";
    }
}
