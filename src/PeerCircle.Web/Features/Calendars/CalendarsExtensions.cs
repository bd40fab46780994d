using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Groups;

namespace PeerCircle.Web.Features.Calendars;

public static class CalendarsExtensions
{
    public static WebApplicationBuilder AddCalendars(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalendarLinks>();
        builder.Services.AddScoped<GroupCalendar>();
        builder.Services.AddScoped<MeetingRecipients>();
        builder.Services.AddScoped<PersonalCalendarLink>();
        builder.Services.AddScoped<MeetingNotices>();
        builder.Services.AddScoped<ChangeMeeting>();
        builder.Services.AddScoped<AddMeeting>();
        builder.Services.AddScoped<MeetingReminders>();
        builder.Services.AddOptions<ReminderOptions>().BindConfiguration("Reminders");
        builder.Services.AddHostedService<MeetingReminderService>();
        return builder;
    }

    /// <summary>
    /// Calendar files: a group's meetings for anyone who may see the group (the street address, link and dial-in
    /// only for its members and staff), and a member's own secret feed of all their groups.
    /// </summary>
    public static WebApplication MapCalendars(this WebApplication app)
    {
        // Groups are addressed by slug across the app; the id works too, as on the group page.
        app.MapGet("/groups/{idOrSlug}/calendar.ics", GroupFileAsync).AllowAnonymous();
        app.MapGet("/calendar/{token}.ics", PersonalFeedAsync).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> GroupFileAsync(
        string idOrSlug, HttpContext http, PeerCircleDb db, GetGroup groups, GroupCalendar calendar, CalendarLinks links,
        TimeProvider time, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (idOrSlug.Length > 200)
        {
            return Results.NotFound();
        }
        var query = db.Groups.AsNoTracking();
        var group = Guid.TryParse(idOrSlug, out var id)
            ? await query.FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
            : await query.FirstOrDefaultAsync(g => g.Slug == idOrSlug.ToLowerInvariant(), cancellationToken);
        if (group is null)
        {
            return Results.NotFound();
        }
        var user = http.User;
        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var member = await groups.CanSeePrivateDetailsAsync(group, userId, user.IsInRole(Roles.Coordinator), cancellationToken);
        // A closed group has no public page; its members still get an empty calendar, so theirs clears.
        if (group.Status == GroupStatus.Closed && !member)
        {
            return Results.NotFound();
        }
        var changes = await calendar.AllChangesAsync([group.Id], cancellationToken);
        var ics = MeetingCalendarFile.ToIcs(
            [new CalendarEntry(group, changes, member, links.GroupPage(group.Slug))], group.Name, time.GetUtcNow().UtcDateTime, text);
        NoSharedCaching(http);
        return Results.File(Encoding.UTF8.GetBytes(ics), MeetingCalendarFile.ContentType, $"{group.Slug}.ics");
    }

    private static async Task<IResult> PersonalFeedAsync(string token, HttpContext http, PersonalCalendarLink feeds, CancellationToken cancellationToken)
    {
        var ics = await feeds.FeedAsync(token, cancellationToken);
        if (ics is null)
        {
            return Results.NotFound();
        }
        NoSharedCaching(http);
        return Results.File(Encoding.UTF8.GetBytes(ics), MeetingCalendarFile.ContentType, "peercircle.ics");
    }

    /// <summary>Member calendars carry private details: no proxy may keep a copy.</summary>
    private static void NoSharedCaching(HttpContext http) => http.Response.Headers.CacheControl = "private, no-store";
}
