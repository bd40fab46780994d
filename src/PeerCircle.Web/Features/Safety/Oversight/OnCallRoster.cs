using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;

namespace PeerCircle.Web.Features.Safety.Oversight;

/// <summary>A shift as the roster page shows it.</summary>
public sealed record RosterShift(long Id, string ClinicianId, string ClinicianName, DateTime StartsAtUtc, DateTime EndsAtUtc);

/// <summary>A stretch of time with nobody on call.</summary>
public sealed record RosterGap(DateTime FromUtc, DateTime ToUtc);

/// <summary>
/// Who is on call, read from the shifts coordinators keep. A shift covers its start up to, but not including, its
/// end, so at the moment one shift hands over to the next only the new clinician is on call.
/// </summary>
public sealed class OnCallRoster(PeerCircleDb db)
{
    /// <summary>How far ahead the roster page looks for times with nobody on call.</summary>
    public static readonly TimeSpan GapHorizon = TimeSpan.FromDays(7);

    /// <summary>The ids of the clinicians on call at <paramref name="utc"/>; empty when nobody is.</summary>
    public async Task<IReadOnlyList<string>> WhoIsOnCallAsync(DateTime utc, CancellationToken cancellationToken = default) =>
        // One rule for who is on call, shared with the routing of new cases.
        await Cases.CaseRecipients.OnCallNowAsync(db, DateTime.SpecifyKind(utc, DateTimeKind.Utc), cancellationToken);

    /// <summary>Shifts that have not ended yet, soonest first.</summary>
    public async Task<List<RosterShift>> CurrentAndUpcomingAsync(DateTime nowUtc, CancellationToken cancellationToken = default) =>
        await db.OnCallShifts.AsNoTracking()
            .Where(s => s.EndsAtUtc > nowUtc)
            .OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id)
            .Select(s => new RosterShift(s.Id, s.ClinicianId, s.Clinician != null ? s.Clinician.FullName : "", s.StartsAtUtc, s.EndsAtUtc))
            .ToListAsync(cancellationToken);

    /// <summary>The times between <paramref name="fromUtc"/> and <paramref name="toUtc"/> that no shift covers.</summary>
    public static List<RosterGap> Gaps(IEnumerable<RosterShift> shifts, DateTime fromUtc, DateTime toUtc)
    {
        var gaps = new List<RosterGap>();
        var covered = fromUtc;
        foreach (var shift in shifts.Where(s => s.EndsAtUtc > fromUtc && s.StartsAtUtc < toUtc).OrderBy(s => s.StartsAtUtc))
        {
            if (shift.StartsAtUtc > covered)
            {
                gaps.Add(new RosterGap(covered, shift.StartsAtUtc));
            }
            if (shift.EndsAtUtc > covered)
            {
                covered = shift.EndsAtUtc;
            }
        }
        if (covered < toUtc)
        {
            gaps.Add(new RosterGap(covered, toUtc));
        }
        return gaps;
    }
}
