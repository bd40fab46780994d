using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Training;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Workshops;

/// <summary>Who came to a workshop, as posted: seat id to "present", "absent" or "excused".</summary>
public sealed class AttendanceForm
{
    public Dictionary<string, string?>? Seats { get; set; }
}

/// <summary>Records attendance once a workshop has started. A cancelled or future workshop has none.</summary>
public sealed class RecordAttendance(PeerCircleDb db, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public async Task<(int Recorded, string? Problem)> HandleAsync(long workshopId, AttendanceForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var workshop = await db.Workshops.Include(w => w.Seats).SingleOrDefaultAsync(w => w.Id == workshopId, cancellationToken);
        if (workshop is null)
        {
            return (0, text["That workshop does not exist."]);
        }
        if (workshop.CancelledAtUtc is not null)
        {
            return (0, text["This workshop was cancelled, so there is no attendance to record."]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (workshop.StartsAtUtc > now)
        {
            return (0, text["You can record who came once the workshop has started."]);
        }
        var choices = new Dictionary<WorkshopSeat, WorkshopAttendance>();
        foreach (var (key, value) in form.Seats ?? [])
        {
            var seat = long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var seatId)
                ? workshop.Seats.FirstOrDefault(s => s.Id == seatId)
                : null;
            if (seat is null || !Enum.TryParse<WorkshopAttendance>(value, ignoreCase: true, out var attendance)
                || attendance == WorkshopAttendance.Invited || !Enum.IsDefined(attendance))
            {
                return (0, text["Please choose present, absent or excused for each person."]);
            }
            choices[seat] = attendance;
        }
        if (choices.Count == 0)
        {
            return (0, text["Please choose present, absent or excused for at least one person."]);
        }
        foreach (var (seat, attendance) in choices.Where(c => c.Key.Attendance != c.Value))
        {
            seat.Attendance = attendance;
            seat.AttendanceRecordedAtUtc = now;
            audit.StageChange(AuditActions.WorkshopAttendanceRecorded, "Facilitator", seat.FacilitatorId,
                string.Create(CultureInfo.InvariantCulture, $"workshop {workshop.Id}: {attendance}"));
        }
        await db.SaveChangesAsync(cancellationToken);
        return (choices.Count, null);
    }
}
