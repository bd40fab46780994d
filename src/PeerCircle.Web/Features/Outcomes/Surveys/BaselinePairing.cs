using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;

namespace PeerCircle.Web.Features.Outcomes.Surveys;

/// <summary>
/// Pairs a member's baseline and follow-up scores when the second of the two is completed, so the benefit analysis
/// reads each follow-up row with its change already known. A follow-up completed after the baseline takes the
/// baseline's value on the same scale; a baseline completed after some follow-ups (the sweep was off, or a member
/// started late) fills in those follow-ups. Either order gives the same pairs.
/// </summary>
/// <remarks>
/// The caller saves: the pairing is part of the completing save, so a survey is never completed without it. The
/// baseline is found through the responses' unique index (member, instrument, day) and its scores by response id:
/// two index lookups, however many surveys there are.
/// </remarks>
public static class BaselinePairing
{
    /// <summary>Pairs the scores just added to <paramref name="response"/> (being completed) with the other half.</summary>
    public static async Task PairAsync(PeerCircleDb db, SurveyResponse response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(response);
        if (response.DaysAfterJoining == 0)
        {
            var followUpIds = await db.SurveyResponses.AsNoTracking()
                .Where(r => r.MemberId == response.MemberId && r.InstrumentId == response.InstrumentId && r.DaysAfterJoining > 0
                    && r.Status == SurveyStatus.Completed)
                .Select(r => r.Id)
                .ToListAsync(ct);
            if (followUpIds.Count == 0)
            {
                return;
            }
            var followUps = await db.SurveyScores.Where(s => followUpIds.Contains(s.ResponseId)).ToListAsync(ct);
            foreach (var followUp in followUps)
            {
                var baseline = response.Scores.FirstOrDefault(s => s.Scale == followUp.Scale);
                followUp.BaselineValue = baseline?.Value;
                followUp.BaselineResponseId = baseline is null ? null : response.Id;
            }
            return;
        }
        var baselineId = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.MemberId == response.MemberId && r.InstrumentId == response.InstrumentId && r.DaysAfterJoining == 0
                && r.Status == SurveyStatus.Completed)
            .Select(r => (long?)r.Id)
            .FirstOrDefaultAsync(ct);
        if (baselineId is not { } id)
        {
            return;
        }
        var baselines = await db.SurveyScores.AsNoTracking()
            .Where(s => s.ResponseId == id)
            .Select(s => new { s.Scale, s.Value })
            .ToListAsync(ct);
        foreach (var score in response.Scores)
        {
            var baseline = baselines.FirstOrDefault(b => b.Scale == score.Scale);
            score.BaselineValue = baseline?.Value;
            score.BaselineResponseId = baseline is null ? null : id;
        }
    }

    /// <summary>
    /// Pairs follow-up scores that should have a baseline and have none: a baseline and a follow-up completed at the
    /// same moment in two requests, where neither save saw the other. Runs with the hourly sweep and saves; it finds
    /// nothing on an ordinary day (an index lookup per unpaired follow-up score). Returns how many scores it paired.
    /// </summary>
    public static async Task<int> RepairAsync(PeerCircleDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var unpaired = await db.SurveyScores
            .Where(s => s.DaysAfterJoining > 0 && s.BaselineResponseId == null
                && db.SurveyScores.Any(b => b.MemberId == s.MemberId && b.InstrumentId == s.InstrumentId && b.DaysAfterJoining == 0 && b.Scale == s.Scale))
            .OrderBy(s => s.Id)
            .Take(1000)
            .ToListAsync(ct);
        foreach (var member in unpaired.GroupBy(s => (s.MemberId, s.InstrumentId)))
        {
            var baselines = await db.SurveyScores.AsNoTracking()
                .Where(b => b.MemberId == member.Key.MemberId && b.InstrumentId == member.Key.InstrumentId && b.DaysAfterJoining == 0)
                .Select(b => new { b.Scale, b.Value, b.ResponseId })
                .ToListAsync(ct);
            foreach (var score in member)
            {
                var baseline = baselines.First(b => b.Scale == score.Scale);
                score.BaselineValue = baseline.Value;
                score.BaselineResponseId = baseline.ResponseId;
            }
        }
        if (unpaired.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return unpaired.Count;
    }
}
