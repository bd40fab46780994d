using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Features.Outcomes.Instruments;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>Participation dose: meetings attended up to the follow-up.</summary>
public enum DoseBand { NoneRecorded, OneToThree, FourToSeven, EightOrMore }

/// <summary>Change in one dose band; the mean is null when the band is suppressed.</summary>
public sealed record DoseResult(DoseBand Band, int? N, double? MeanChange);

/// <summary>The questionnaire a benefit row comes from.</summary>
public sealed record BenefitInstrument(string Key, string Title, string Version);

/// <summary>
/// Baseline against one follow-up point on one scale, after suppression: <see cref="Summary"/> is null when fewer
/// than 11 members have both scores, and so is <see cref="Pairs"/>.
/// </summary>
public sealed record BenefitRow(
    long InstrumentId, string Scale, string ScaleTitle, bool HigherIsBetter, int DaysAfterJoining, int? Pairs, PairedSummary? Summary,
    IReadOnlyList<DoseResult> Doses)
{
    public bool Suppressed => Summary is null;

    /// <summary>
    /// The questionnaire the row comes from (shown as "Peer Support Benefits, version 2"), set when the rows come from more
    /// than one, so two versions' or two instruments' scales of the same name are never mixed up.
    /// </summary>
    public BenefitInstrument? Instrument { get; init; }

    /// <summary>The share who improved, shown only when those who did and those who did not are each 11 or more.</summary>
    public double? ShareImproved => Summary is { } s ? SmallCells.Share(s.Improved, s.N) : null;
}

/// <summary>
/// Per scale and follow-up point: the members with a baseline (day 0) score and a score at that follow-up, the
/// paired statistics of their change (<see cref="BenefitStatistics"/>), and the mean change by dose band (meetings
/// attended, recorded on the follow-up response), with small-cell suppression applied.
/// </summary>
/// <remarks>
/// Baseline and follow-up are paired when a survey is completed (<see cref="Surveys.BaselinePairing"/>: the follow-up
/// score row carries the baseline value) and counted in the database by change and dose band; the pairs themselves are
/// never loaded. For all groups, months that have ended are read from their counts kept ahead (<see cref="MonthlyCounts"/>).
/// </remarks>
public sealed class BenefitAnalysis(PeerCircleDb db, MonthlyCounts months)
{
    public static DoseBand BandOf(int? meetings) => meetings switch
    {
        null or <= 0 => DoseBand.NoneRecorded,
        <= 3 => DoseBand.OneToThree,
        <= 7 => DoseBand.FourToSeven,
        _ => DoseBand.EightOrMore,
    };

    /// <summary>How many pairs had one change on one scale at one follow-up point and dose band.</summary>
    public sealed record ChangeCount(long InstrumentId, string Scale, int DaysAfterJoining, DoseBand Band, double Change, int Count);

    /// <summary>Follow-up scores that have their member's baseline on the same scale.</summary>
    public static IQueryable<SurveyScore> Paired(PeerCircleDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SurveyScores.AsNoTracking().Where(f => f.BaselineValue != null && f.Value != null && f.DaysAfterJoining > 0);
    }

    /// <summary>The pairs completed from <paramref name="fromUtc"/> to <paramref name="toUtc"/>, counted by change and dose band.</summary>
    public static async Task<List<ChangeCount>> CountChangesAsync(
        PeerCircleDb db, DateTime fromUtc, DateTime toUtc, Guid? groupId, CancellationToken cancellationToken)
    {
        // Each follow-up score already carries its member's baseline on the same scale and the meetings attended, written
        // when the second of the two was completed (BaselinePairing), so only the paired follow-ups completed in the
        // range are read, from an index that holds every column asked for: no join, no scan of the baselines.
        var pairs = Paired(db).Where(f => f.CompletedAtUtc >= fromUtc && f.CompletedAtUtc < toUtc);
        if (groupId is { } id)
        {
            pairs = pairs.Where(p => db.GroupMemberships.Any(m => m.GroupId == id && m.UserId == p.MemberId
                && (m.Status == MembershipStatus.Accepted || m.Status == MembershipStatus.Paused || m.Status == MembershipStatus.Left)));
        }
        // Scores are means or sums of a few whole-number answers, so there are few distinct changes: thousands of rows
        // are read instead of hundreds of thousands of pairs.
        var rows = await pairs
            .GroupBy(p => new { p.InstrumentId, p.Scale, p.DaysAfterJoining, p.MeetingsAttended, Change = p.Value!.Value - p.BaselineValue!.Value })
            .Select(g => new { g.Key.InstrumentId, g.Key.Scale, g.Key.DaysAfterJoining, g.Key.MeetingsAttended, g.Key.Change, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(r => (r.InstrumentId, r.Scale, r.DaysAfterJoining, Band: BandOf(r.MeetingsAttended), r.Change))
            .Select(g => new ChangeCount(g.Key.InstrumentId, g.Key.Scale, g.Key.DaysAfterJoining, g.Key.Band, g.Key.Change, g.Sum(r => r.Count)))];
    }

    /// <param name="instruments">The instruments, by id, for the scales' titles, order and better direction.</param>
    public async Task<IReadOnlyList<BenefitRow>> BuildAsync(
        ReportFilter filter, IReadOnlyDictionary<long, InstrumentDefinition> instruments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(instruments);
        var counts = new List<ChangeCount>();
        if (filter.GroupId is { } groupId)
        {
            counts.AddRange(await CountChangesAsync(db, filter.FromUtc, filter.ToUtc, groupId, cancellationToken));
        }
        else
        {
            // Whole months already counted come from their counts; the rest of the range from the scores.
            var counted = await months.WithinAsync(CountedKind.BenefitChanges, filter.FromUtc, filter.ToUtc, cancellationToken);
            if (counted.Count > 0)
            {
                var ids = counted.Select(m => m.Id).ToList();
                counts.AddRange((await db.BenefitChangeCounts.AsNoTracking()
                    .Where(c => ids.Contains(c.MonthId))
                    .GroupBy(c => new { c.InstrumentId, c.Scale, c.DaysAfterJoining, c.DoseBand, c.Change })
                    .Select(g => new { g.Key.InstrumentId, g.Key.Scale, g.Key.DaysAfterJoining, g.Key.DoseBand, g.Key.Change, Count = g.Sum(c => c.Count) })
                    .ToListAsync(cancellationToken))
                    .Select(c => new ChangeCount(c.InstrumentId, c.Scale, c.DaysAfterJoining, (DoseBand)c.DoseBand, c.Change, c.Count)));
            }
            foreach (var (fromUtc, toUtc) in MonthlyCounts.Gaps(filter.FromUtc, filter.ToUtc, counted))
            {
                counts.AddRange(await CountChangesAsync(db, fromUtc, toUtc, null, cancellationToken));
            }
        }

        // Each distinct change and dose band once per row, however many months and gaps it came from; in one order
        // whatever the source, so the sums (and so the figures) come out the same to the last digit.
        var cells = counts
            .GroupBy(c => (c.InstrumentId, c.Scale, c.DaysAfterJoining))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(double Change, DoseBand Band, int Count)>)[.. g
                .GroupBy(c => (c.Change, c.Band))
                .Select(same => (same.Key.Change, same.Key.Band, same.Sum(c => c.Count)))
                .OrderBy(c => c.Change).ThenBy(c => c.Band)]);

        var rows = new List<BenefitRow>(cells.Count);
        foreach (var ((instrumentId, scale, days), changes) in cells)
        {
            var rule = instruments.GetValueOrDefault(instrumentId)?.Scales.FirstOrDefault(s => s.Key == scale);
            rows.Add(Row(instrumentId, scale, rule?.Title ?? scale, rule?.HigherIsBetter ?? true, days, changes));
        }
        if (rows.Select(r => r.InstrumentId).Distinct().Count() > 1)
        {
            rows = [.. rows.Select(r => r with { Instrument = InstrumentOf(instruments.GetValueOrDefault(r.InstrumentId), r.InstrumentId) })];
        }
        return [.. rows
            .OrderBy(r => r.InstrumentId)
            .ThenBy(r => ScaleOrder(instruments.GetValueOrDefault(r.InstrumentId), r.Scale))
            .ThenBy(r => r.Scale, StringComparer.Ordinal)
            .ThenBy(r => r.DaysAfterJoining)];
    }

    /// <summary>
    /// One row from each distinct change and dose band and how many members had it, with suppression: pure, so the rules
    /// are tested without a database.
    /// </summary>
    public static BenefitRow Row(
        long instrumentId, string scale, string title, bool higherIsBetter, int days, IReadOnlyList<(double Change, DoseBand Band, int Count)> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var n = changes.Sum(c => c.Count);
        if (!SmallCells.MayShow(n))
        {
            return new BenefitRow(instrumentId, scale, title, higherIsBetter, days, null, null,
                [.. Enum.GetValues<DoseBand>().Select(b => new DoseResult(b, null, null))]);
        }
        var summary = BenefitStatistics.SummarizeCounted([.. changes.Select(c => (c.Change, c.Count))], higherIsBetter);
        var bands = Enum.GetValues<DoseBand>();
        // The bands add up to the row's N, which is shown: complementary suppression keeps a hidden band from being
        // worked out from the others (its count, and so its mean from the overall mean).
        var counts = SmallCells.SuppressList([.. bands.Select(b => changes.Where(c => c.Band == b).Sum(c => c.Count))]);
        var doses = bands.Select((band, i) =>
        {
            var shown = counts.Cell(0, i);
            return new DoseResult(band, shown, shown is not { } inBand ? null : changes.Where(c => c.Band == band).Sum(c => c.Change * c.Count) / inBand);
        }).ToList();
        return new BenefitRow(instrumentId, scale, title, higherIsBetter, days, n, summary, doses);
    }

    /// <summary>The instrument's name; one that no longer reads (see <see cref="OutcomeScales"/>) by its id.</summary>
    private static BenefitInstrument InstrumentOf(InstrumentDefinition? instrument, long id) => instrument is null
        ? new BenefitInstrument(string.Create(CultureInfo.InvariantCulture, $"instrument-{id}"), string.Create(CultureInfo.InvariantCulture, $"Instrument {id}"), "unknown")
        : new BenefitInstrument(instrument.Key, instrument.Title, instrument.Version);

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
