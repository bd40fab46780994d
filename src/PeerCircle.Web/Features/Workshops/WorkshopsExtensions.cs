using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Web.Infrastructure.Auth;

namespace PeerCircle.Web.Features.Workshops;

public static class WorkshopsExtensions
{
    public static WebApplicationBuilder AddWorkshops(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ScheduleWorkshop>();
        builder.Services.AddScoped<RecordAttendance>();
        return builder;
    }

    /// <summary>A workshop's calendar file, for the people invited and for coordinators; anyone else gets a 404.</summary>
    public static WebApplication MapWorkshopCalendar(this WebApplication app)
    {
        app.MapGet("/workshops/{id:long}/calendar.ics", async (long id, ClaimsPrincipal user, PeerCircleDb db, CancellationToken cancellationToken) =>
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            var workshop = await db.Workshops.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
            var invited = workshop is not null && await db.WorkshopSeats.AnyAsync(s => s.WorkshopId == id && s.FacilitatorId == userId, cancellationToken);
            if (workshop is null || !(invited || user.IsInRole(Data.Accounts.Roles.Coordinator)))
            {
                return Results.NotFound();
            }
            return Results.File(System.Text.Encoding.UTF8.GetBytes(WorkshopCalendar.ToIcs(workshop)), "text/calendar; charset=utf-8", FileName(id));
        }).RequireAuthorization(Policies.Facilitator);
        return app;
    }

    public static string FileName(long id) => string.Create(CultureInfo.InvariantCulture, $"workshop-{id}.ics");
}
