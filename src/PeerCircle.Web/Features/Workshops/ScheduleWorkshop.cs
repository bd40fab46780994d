using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Training;
using PeerCircle.Web.Features.Accounts;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Web.Features.Workshops;

/// <summary>The coordinator's workshop form, as posted: all text, so anything wrong comes back with a message.</summary>
public sealed class WorkshopForm
{
    public string? Title { get; set; }
    public string? Agenda { get; set; }
    public string? Date { get; set; }
    public string? StartTime { get; set; }
    public string? Minutes { get; set; }
    public string? TimeZoneId { get; set; }
    public string? Location { get; set; }
    public string[]? Invitees { get; set; }
}

public sealed record ScheduleWorkshopResult(long? WorkshopId, Dictionary<string, string[]> Errors);

/// <summary>
/// Schedules a cohort workshop and invites facilitators, each by their own e-mail with the workshop attached as an
/// iCalendar file. Nothing is saved unless every field is right.
/// </summary>
public sealed class ScheduleWorkshop(
    PeerCircleDb db, UserManager<PeerCircleUser> users, AuditTrail audit, EmailSender email, AccountLinks links,
    TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int TitleMax = 120;
    public const int AgendaMax = 2000;
    public const int LocationMax = 300;

    public async Task<ScheduleWorkshopResult> HandleAsync(WorkshopForm form, string coordinatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var title = (form.Title ?? "").Trim();
        if (title.Length is 0 or > TitleMax)
        {
            Fail("Title", text["Please give the workshop a name of up to 120 characters, like “Role plays: hard moments in group”."]);
        }
        var agenda = (form.Agenda ?? "").Trim();
        if (agenda.Length > AgendaMax)
        {
            Fail("Agenda", text["Please keep the plan under 2,000 characters."]);
        }
        var location = (form.Location ?? "").Trim();
        if (location.Length is 0 or > LocationMax)
        {
            Fail("Location", text["Please say where it happens: a street address or a video link (up to 300 characters)."]);
        }
        if (!int.TryParse(form.Minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 30 or > 480)
        {
            Fail("Minutes", text["Please enter how long it lasts in minutes, from 30 to 480."]);
        }
        var zoneId = form.TimeZoneId ?? "";
        if (!GroupTimeZones.IsKnown(zoneId))
        {
            Fail("TimeZoneId", text["Please choose a time zone."]);
        }
        var hasDate = DateOnly.TryParseExact(form.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        if (!hasDate)
        {
            Fail("Date", text["Please enter the date as year-month-day, like 2027-03-04."]);
        }
        var hasTime = TimeOnly.TryParseExact(form.StartTime?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start);
        if (!hasTime)
        {
            Fail("StartTime", text["Please enter a start time, like 18:30."]);
        }
        var startsAtUtc = DateTime.MinValue;
        if (hasDate && hasTime && GroupTimeZones.IsKnown(zoneId))
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            startsAtUtc = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(start, DateTimeKind.Unspecified), zone);
            if (startsAtUtc <= time.GetUtcNow().UtcDateTime)
            {
                Fail("Date", text["That time has already passed. Please choose a time in the future."]);
            }
        }

        var invited = (form.Invitees ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        var facilitators = (await users.GetUsersInRoleAsync(Roles.Facilitator)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        if (invited.Count == 0)
        {
            Fail("Invitees", text["Please invite at least one facilitator."]);
        }
        else if (invited.Any(id => !facilitators.ContainsKey(id)))
        {
            Fail("Invitees", text["Only facilitators can be invited. Please choose from the list."]);
        }
        if (errors.Count > 0)
        {
            return new ScheduleWorkshopResult(null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var workshop = new Workshop
        {
            Title = title, Agenda = agenda, Location = location, Minutes = minutes, TimeZoneId = zoneId,
            StartsAtUtc = startsAtUtc, CreatedById = coordinatorId, CreatedAtUtc = now,
            Seats = [.. invited.Select(id => new WorkshopSeat { FacilitatorId = id, Attendance = WorkshopAttendance.Invited })],
        };
        // The audit event names the workshop's id, so both are written in one transaction.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Workshops.Add(workshop);
            await db.SaveChangesAsync(cancellationToken);
            audit.StageChange(AuditActions.WorkshopScheduled, "Workshop", workshop.Id.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{title}; {invited.Count} invited"));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var ics = new CalendarAttachment("workshop.ics", WorkshopCalendar.ToIcs(workshop));
        foreach (var id in invited)
        {
            var person = facilitators[id];
            if (person.Email is { Length: > 0 } address)
            {
                await email.SendAsync(address, $"Training workshop: {title}", Invitation(person, workshop), ics, cancellationToken);
            }
        }
        return new ScheduleWorkshopResult(workshop.Id, errors);
    }

    /// <summary>Cancels a workshop that has not started and tells everyone invited, with a calendar update.</summary>
    public async Task<string?> CancelAsync(long workshopId, CancellationToken cancellationToken)
    {
        var workshop = await db.Workshops.Include(w => w.Seats).ThenInclude(s => s.Facilitator)
            .SingleOrDefaultAsync(w => w.Id == workshopId, cancellationToken);
        if (workshop is null || workshop.CancelledAtUtc is not null)
        {
            return text["This workshop is already cancelled."];
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (workshop.StartsAtUtc <= now)
        {
            return text["This workshop has already started, so it cannot be cancelled. Record who came instead."];
        }
        workshop.CancelledAtUtc = now;
        audit.StageChange(AuditActions.WorkshopChanged, "Workshop", workshop.Id.ToString(CultureInfo.InvariantCulture), "cancelled");
        await db.SaveChangesAsync(cancellationToken);
        var ics = new CalendarAttachment("workshop.ics", WorkshopCalendar.ToIcs(workshop));
        foreach (var seat in workshop.Seats)
        {
            if (seat.Facilitator?.Email is { Length: > 0 } address)
            {
                await email.SendAsync(address, $"Cancelled: {workshop.Title}",
                    $"Hello {seat.Facilitator.DisplayName},\n\nThe training workshop \"{workshop.Title}\" on {LocalTime(workshop)} is cancelled. "
                    + "We will invite you to another one soon. The attached file removes it from your calendar.\n\nPeerCircle",
                    ics, cancellationToken);
            }
        }
        return null;
    }

    public static string LocalTime(Workshop workshop)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        var local = TimeZoneInfo.ConvertTimeFromUtc(workshop.StartsAtUtc, TimeZoneInfo.FindSystemTimeZoneById(workshop.TimeZoneId));
        return string.Create(CultureInfo.InvariantCulture, $"{local:dddd, MMMM d, yyyy} at {local:h:mm tt} ({GroupTimeZones.LabelOf(workshop.TimeZoneId)} time)");
    }

    private string Invitation(PeerCircleUser person, Workshop workshop)
    {
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Hello {person.DisplayName},\n\n")
            .Append(CultureInfo.InvariantCulture, $"You are invited to a live training workshop: {workshop.Title}.\n\n")
            .Append(CultureInfo.InvariantCulture, $"When: {LocalTime(workshop)}, for {workshop.Minutes} minutes.\n")
            .Append(CultureInfo.InvariantCulture, $"Where: {workshop.Location}\n\n");
        if (workshop.Agenda.Length > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"What we will practise:\n{workshop.Agenda}\n\n");
        }
        return body
            .Append("We will practise real situations in pairs, with time to talk about how they felt. ")
            .Append("The attached file adds the workshop to your calendar. If you cannot come, please tell your coordinator.\n\n")
            .Append(CultureInfo.InvariantCulture, $"Your academy: {links.To("/academy")}\n\nPeerCircle")
            .ToString();
    }
}
