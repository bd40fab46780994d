using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Outcomes.Instruments;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>Participation dose: meetings attended up to the follow-up.</summary>
public enum DoseBand { NoneRecorded, OneToThree, FourToSeven, EightOrMore }

/// <summary>Change in one dose band; the mean is null when the band is suppressed.</summary>
public sealed record DoseResult(DoseBand Band, int? N, double? MeanChange);

/// <summary>
/// Baseline against one follow-up point on one scale, after suppression: <see cref="Summary"/> is null when fewer
/// than 11 members have both scores, and so is <see cref="Pairs"/>.
/// </summary>
public sealed record BenefitRow(
    long InstrumentId, string Scale, string ScaleTitle, bool HigherIsBetter, int DaysAfterJoining, int? Pairs, PairedSummary? Summary,
    IReadOnlyList<DoseResult> Doses)
{
    public bool Suppressed => Summary is null;
}

/// <summary>
/// Per scale and follow-up point: the members with a baseline (day 0) score and a score at that follow-up, the
/// paired statistics of their change (<see cref="BenefitStatistics"/>), and the mean change by dose band (meetings
/// attended, recorded on the follow-up response), with small-cell suppression applied.
/// </summary>
/// <remarks>
/// Baseline and follow-up are paired in the database, one follow-up day at a time (a join on instrument, scale, day and
/// member, which the score index covers), and counted there by change and meetings attended; the pairs themselves are
/// never loaded.
/// </remarks>
public sealed class BenefitAnalysis(PeerCircleDb db)
{
    public static DoseBand BandOf(int? meetings) => meetings switch
    {
        null or <= 0 => DoseBand.NoneRecorded,
        <= 3 => DoseBand.OneToThree,
        <= 7 => DoseBand.FourToSeven,
        _ => DoseBand.EightOrMore,
    };

    /// <param name="instruments">The instruments, by id, for the scales' titles, order and better direction.</param>
    public async Task<IReadOnlyList<BenefitRow>> BuildAsync(
        ReportFilter filter, IReadOnlyDictionary<long, InstrumentDefinition> instruments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(instruments);
        var start = filter.FromUtc;
        var end = filter.ToUtc;
        // The follow-up points: every schedule point's day (a removed point is only marked inactive), and the day of any
        // response that has no point.
        var followUpDays = await db.SurveySchedulePoints.AsNoTracking()
            .Where(p => p.DaysAfterJoining > 0).Select(p => p.DaysAfterJoining)
            .Union(db.SurveyResponses.AsNoTracking().Where(r => r.SchedulePointId == null && r.DaysAfterJoining > 0).Select(r => r.DaysAfterJoining))
            .ToListAsync(cancellationToken);

        var cells = new Dictionary<(long Instrument, string Scale, int Days), List<(double Change, DoseBand Band)>>();
        foreach (var days in followUpDays.Distinct().Order())
        {
            // One follow-up day per query: both sides of the pairing are then exact lookups on the score index
            // (instrument, scale, day, member), whichever side the database starts from. With "day > 0" SQLite started
            // from the baselines and scanned every follow-up of the scale for each one (minutes at 50,000 members).
            var pairs =
                from f in db.SurveyScores.AsNoTracking()
                where f.DaysAfterJoining == days && f.Value != null && f.CompletedAtUtc >= start && f.CompletedAtUtc < end
                join b in db.SurveyScores.AsNoTracking().Where(s => s.DaysAfterJoining == 0 && s.Value != null)
                    on new { f.InstrumentId, f.Scale, f.MemberId } equals new { b.InstrumentId, b.Scale, b.MemberId }
                join r in db.SurveyResponses.AsNoTracking() on f.ResponseId equals r.Id
                select new { f.InstrumentId, f.Scale, f.MemberId, Change = f.Value!.Value - b.Value!.Value, r.MeetingsAttended };
            if (filter.GroupId is { } groupId)
            {
                pairs = pairs.Where(p => db.GroupMemberships.Any(m => m.GroupId == groupId && m.UserId == p.MemberId
                    && (m.Status == MembershipStatus.Accepted || m.Status == MembershipStatus.Paused || m.Status == MembershipStatus.Left)));
            }
            // Counted in the database: how many pairs had each change at each number of meetings. Scores are means or
            // sums of a few whole-number answers, so there are few distinct changes, and the rows read are a small
            // fraction of the pairs; the statistics get the same list of changes (in another order).
            var counted = pairs
                .GroupBy(p => new { p.InstrumentId, p.Scale, p.MeetingsAttended, p.Change })
                .Select(g => new { g.Key.InstrumentId, g.Key.Scale, g.Key.MeetingsAttended, g.Key.Change, Count = g.Count() });
            await foreach (var row in counted.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var key = (row.InstrumentId, row.Scale, days);
                if (!cells.TryGetValue(key, out var list))
                {
                    cells[key] = list = [];
                }
                var band = BandOf(row.MeetingsAttended);
                for (var i = 0; i < row.Count; i++)
                {
                    list.Add((row.Change, band));
                }
            }
        }

        var rows = new List<BenefitRow>(cells.Count);
        foreach (var ((instrumentId, scale, days), changes) in cells)
        {
            var rule = instruments.GetValueOrDefault(instrumentId)?.Scales.FirstOrDefault(s => s.Key == scale);
            rows.Add(Row(instrumentId, scale, rule?.Title ?? scale, rule?.HigherIsBetter ?? true, days, changes));
        }
        return [.. rows
            .OrderBy(r => r.InstrumentId)
            .ThenBy(r => ScaleOrder(instruments.GetValueOrDefault(r.InstrumentId), r.Scale))
            .ThenBy(r => r.Scale, StringComparer.Ordinal)
            .ThenBy(r => r.DaysAfterJoining)];
    }

    /// <summary>One row from its changes, with suppression: pure, so the rules are tested without a database.</summary>
    public static BenefitRow Row(long instrumentId, string scale, string title, bool higherIsBetter, int days, IReadOnlyList<(double Change, DoseBand Band)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var n = changes.Count;
        if (!SmallCells.MayShow(n))
        {
            return new BenefitRow(instrumentId, scale, title, higherIsBetter, days, null, null,
                [.. Enum.GetValues<DoseBand>().Select(b => new DoseResult(b, null, null))]);
        }
        var summary = BenefitStatistics.SummarizeChanges([.. changes.Select(c => c.Change)], higherIsBetter);
        var bands = Enum.GetValues<DoseBand>();
        // The bands add up to the row's N, which is shown: complementary suppression keeps a hidden band from being
        // worked out from the others (its count, and so its mean from the overall mean).
        var counts = SmallCells.SuppressList([.. bands.Select(b => changes.Count(c => c.Band == b))]);
        var doses = bands.Select((band, i) =>
        {
            var shown = counts.Cell(0, i);
            return new DoseResult(band, shown, shown is null ? null : changes.Where(c => c.Band == band).Average(c => c.Change));
        }).ToList();
        return new BenefitRow(instrumentId, scale, title, higherIsBetter, days, n, summary, doses);
    }

    private static int ScaleOrder(InstrumentDefinition? instrument, string scale)
    {
        if (instrument is null)
        {
            return int.MaxValue;
        }
        for (var i = 0; i < instrument.Scales.Count; i++)
        {
            if (instrument.Scales[i].Key == scale)
            {
                return i;
            }
        }
        return int.MaxValue;
    }
}
