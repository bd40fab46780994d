using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Safety.Oversight;

/// <summary>The add-a-shift form, as posted: all text, so anything wrong comes back with a message.</summary>
public sealed class ShiftForm
{
    public string? ClinicianId { get; set; }
    public string? StartDate { get; set; }
    public string? StartTime { get; set; }
    public string? EndDate { get; set; }
    public string? EndTime { get; set; }
}

public sealed record ShiftResult(long? ShiftId, Dictionary<string, string[]> Errors);

/// <summary>
/// Adds and removes on-call shifts. A shift is entered in the program's time zone, lies in the future, lasts at most
/// 14 days and may not overlap another shift of the same clinician. Only shifts that have not started can be removed.
/// </summary>
public sealed class ManageOnCall(
    PeerCircleDb db, UserManager<PeerCircleUser> users, AuditTrail audit, ProgramTime programTime, TimeProvider time,
    IStringLocalizer<SharedResource> text)
{
    public static readonly TimeSpan LongestShift = TimeSpan.FromDays(14);

    public async Task<ShiftResult> AddAsync(ShiftForm form, string coordinatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message)
        {
            if (!errors.ContainsKey(field))
            {
                errors[field] = [message];
            }
        }

        var clinicianId = (form.ClinicianId ?? "").Trim();
        var clinician = clinicianId.Length == 0 ? null : await users.FindByIdAsync(clinicianId);
        if (clinician is null || !await users.IsInRoleAsync(clinician, Roles.Clinician))
        {
            Fail("ClinicianId", text["Please choose a clinician from the list."]);
        }

        var starts = ReadLocal(form.StartDate, form.StartTime, "StartDate", "StartTime", Fail);
        var ends = ReadLocal(form.EndDate, form.EndTime, "EndDate", "EndTime", Fail);
        var now = time.GetUtcNow().UtcDateTime;
        if (starts is { } start && ends is { } end)
        {
            if (end <= start)
            {
                Fail("EndDate", text["The shift must end after it starts."]);
            }
            else if (end - start > LongestShift)
            {
                Fail("EndDate", text["A shift can last at most 14 days. Please split longer cover into several shifts."]);
            }
            // Cover that starts this very minute is fine: the form only takes whole minutes.
            if (start < now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)))
            {
                Fail("StartDate", text["That start time has already passed. Please choose a time in the future."]);
            }
            if (errors.Count == 0 && await db.OnCallShifts.AnyAsync(
                    s => s.ClinicianId == clinicianId && s.StartsAtUtc < end && s.EndsAtUtc > start, cancellationToken))
            {
                Fail("StartDate", text["{0} is already on call during part of this time. Please choose times that do not overlap their other shifts.", clinician!.FullName]);
            }
        }
        if (errors.Count > 0)
        {
            return new ShiftResult(null, errors);
        }

        var shift = new OnCallShift
        {
            ClinicianId = clinicianId, StartsAtUtc = starts!.Value, EndsAtUtc = ends!.Value,
            CreatedById = coordinatorId, CreatedAtUtc = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.OnCallShifts.Add(shift);
        await db.SaveChangesAsync(cancellationToken);
        audit.StageChange(AuditActions.SafetyOnCallShiftAdded, "OnCallShift", shift.Id.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{clinician!.FullName}; {shift.StartsAtUtc:u} to {shift.EndsAtUtc:u}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ShiftResult(shift.Id, errors);
    }

    /// <summary>Removes a shift that has not started; returns what went wrong, or null.</summary>
    public async Task<string?> RemoveAsync(long shiftId, CancellationToken cancellationToken)
    {
        var shift = await db.OnCallShifts.Include(s => s.Clinician).SingleOrDefaultAsync(s => s.Id == shiftId, cancellationToken);
        if (shift is null)
        {
            return text["This shift is already removed."];
        }
        if (shift.StartsAtUtc <= time.GetUtcNow().UtcDateTime)
        {
            return text["This shift has already started, so it cannot be removed."];
        }
        db.OnCallShifts.Remove(shift);
        audit.StageChange(AuditActions.SafetyOnCallShiftRemoved, "OnCallShift", shift.Id.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{shift.Clinician?.FullName}; {shift.StartsAtUtc:u} to {shift.EndsAtUtc:u}"));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Reads a date and time in the program's time zone as UTC, or reports what is wrong with it.</summary>
    private DateTime? ReadLocal(string? dateText, string? timeText, string dateField, string timeField, Action<string, string> fail)
    {
        var hasDate = DateOnly.TryParseExact(dateText?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        if (!hasDate)
        {
            fail(dateField, text["Please enter the date as year-month-day, like 2027-03-04."]);
        }
        var hasTime = TimeOnly.TryParseExact(timeText?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock);
        if (!hasTime)
        {
            fail(timeField, text["Please enter a time, like 08:00."]);
        }
        if (!hasDate || !hasTime)
        {
            return null;
        }
        var local = date.ToDateTime(clock, DateTimeKind.Unspecified);
        var shown = string.Create(CultureInfo.CurrentCulture, $"{local:h:mm tt} on {local:MMMM d, yyyy}");
        switch (programTime.Check(local))
        {
            case LocalTimeCheck.Skipped:
                fail(timeField, text["The clocks go forward an hour that night, so {0} does not exist. Please choose another time.", shown]);
                return null;
            case LocalTimeCheck.Repeated:
                fail(timeField, text["The clocks go back an hour that night, so {0} happens twice. Please choose a time outside that hour.", shown]);
                return null;
            default:
                return programTime.ToUtc(local);
        }
    }
}
