using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;

namespace PeerCircle.Web.Features.Outcomes.Surveys;

/// <summary>One of the member's surveys as their list shows it.</summary>
public sealed record MySurvey(
    long Id, string Title, string Label, int DaysAfterJoining, SurveyStatus Status, DateTime DueAtUtc, DateTime ClosesAtUtc,
    DateTime? CompletedAtUtc, int ItemsAnswered);

/// <summary>The signed-in member's own surveys: what is waiting, what is done.</summary>
public sealed class MySurveys(PeerCircleDb db, TimeProvider time)
{
    /// <summary>Whether a survey can be answered now: due, not closed, not finished.</summary>
    public static bool IsOpen(SurveyResponse response, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Status is SurveyStatus.Due or SurveyStatus.InProgress && response.DueAtUtc <= nowUtc && response.ClosesAtUtc > nowUtc;
    }

    public async Task<IReadOnlyList<MySurvey>> ListAsync(string memberId, CancellationToken ct) =>
        await db.SurveyResponses.AsNoTracking()
            .Where(r => r.MemberId == memberId)
            .OrderBy(r => r.DueAtUtc).ThenBy(r => r.Id)
            .Select(r => new MySurvey(r.Id, r.Instrument!.Title, r.SchedulePoint != null ? r.SchedulePoint.Label : "", r.DaysAfterJoining, r.Status,
                r.DueAtUtc, r.ClosesAtUtc, r.CompletedAtUtc, r.ItemsAnswered))
            .ToListAsync(ct);

    /// <summary>The surveys the member can answer now, soonest closing first.</summary>
    public async Task<IReadOnlyList<MySurvey>> WaitingAsync(string memberId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return (await ListAsync(memberId, ct))
            .Where(s => s.Status is SurveyStatus.Due or SurveyStatus.InProgress && s.DueAtUtc <= now && s.ClosesAtUtc > now)
            .OrderBy(s => s.ClosesAtUtc)
            .ToList();
    }
}
