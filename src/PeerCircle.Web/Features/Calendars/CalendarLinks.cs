namespace PeerCircle.Web.Features.Calendars;

/// <summary>Absolute links for calendar files and e-mails, built from <c>App:PublicBaseUrl</c> like the account links.</summary>
public sealed class CalendarLinks(IConfiguration configuration)
{
    private readonly string _baseUrl = (configuration["App:PublicBaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5080").TrimEnd('/');

    public string GroupPage(string slug) => $"{_baseUrl}/groups/{Uri.EscapeDataString(slug)}";

    public string GroupCalendar(string slug) => $"{GroupPage(slug)}/calendar.ics";

    public string PersonalFeed(string token) => $"{_baseUrl}/calendar/{token}.ics";

    public string MyCalendar => $"{_baseUrl}/me/calendar";

    /// <summary>Where a member changes how the program may contact them.</summary>
    public string ContactChoices => $"{_baseUrl}/me/about";

    public string MyGroups => $"{_baseUrl}/me";
}
