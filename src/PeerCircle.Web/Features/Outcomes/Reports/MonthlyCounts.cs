using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Features.Safety.Oversight;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>
/// Counts each month that has ended ahead of time for the dashboard (<see cref="CountedMonth"/>): the benefit
/// analysis's changes by scale, follow-up point and dose band, and the people and attendances at meetings. A report
/// then reads those counts for the whole months in its range and the rows themselves only for the rest (the days at
/// its ends, the current month, and any month changed since it was counted).
/// </summary>
/// <remarks>
/// A month's counts do not go stale silently: saving a change to a row a month counted removes the month
/// (<see cref="PeerCircleDb.ForgetCountedMonthsAsync"/>), and so does erasing a member. Each month is also counted again
/// once a day, which catches a change saved in the moment its month was being counted; a month not counted again for
/// two days (the sweep is off or failing), counted under other rules, or cut for another time zone is not used.
/// </remarks>
public sealed partial class MonthlyCounts(PeerCircleDb db, ProgramTime programTime, TimeProvider time, ILogger<MonthlyCounts> log)
{
    /// <summary>How long a month's counts are kept before they are counted again anyway.</summary>
    public static readonly TimeSpan RecountAfter = TimeSpan.FromDays(1);

    /// <summary>Counts older than this are not used (the daily recount has not run).</summary>
    public static readonly TimeSpan UsableFor = 2 * RecountAfter;

    /// <summary>
    /// The version of what is counted. Raise it when a counting rule changes (the dose bands, the statuses that mean
    /// someone came), so months counted under the old rules are not used and are counted again.
    /// </summary>
    public const int RulesVersion = 1;

    /// <summary>
    /// At most this many months per kind are counted again per sweep, oldest first: months all counted at once (the
    /// first start) come due again at different sweeps instead of all together.
    /// </summary>
    public const int RecountsPerSweep = 4;

    /// <summary>The attendance statuses that mean the person came.</summary>
    public static readonly AttendanceStatus[] Attended = [AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.LeftEarly];

    /// <summary>
    /// Counts every month that has ended and is not counted yet (or was counted under other rules), and a few of those
    /// counted more than <see cref="RecountAfter"/> ago. Returns how many months it counted.
    /// </summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var firstPair = await BenefitAnalysis.Paired(db).MinAsync(s => (DateTime?)s.CompletedAtUtc, cancellationToken);
        var counted = await CountMonthsAsync(CountedKind.BenefitChanges, firstPair is { } pair ? MonthsEnded(CountedKind.BenefitChanges, pair, now) : [], now, async (month, ct) =>
        {
            var rows = await BenefitAnalysis.CountChangesAsync(db, month.StartUtc, month.EndUtc, null, ct);
            month.BenefitChanges.AddRange(rows.Select(row => new BenefitChangeCount
            {
                InstrumentId = row.InstrumentId, Scale = row.Scale, DaysAfterJoining = row.DaysAfterJoining,
                DoseBand = (int)row.Band, Change = row.Change, Count = row.Count,
            }));
        }, cancellationToken);
        var firstMeeting = await db.MeetingAttendances.MinAsync(a => (DateTime?)a.OccurrenceStartUtc, cancellationToken);
        counted += await CountMonthsAsync(CountedKind.Attendance, firstMeeting is { } meeting ? MonthsEnded(CountedKind.Attendance, meeting, now) : [], now, async (month, ct) =>
        {
            var local = programTime.ToLocal(month.StartUtc);
            var counts = await AttendanceAsync(month.StartUtc, month.EndUtc, null, [(local.Year, local.Month)], ct);
            var (people, attendances) = counts.GetValueOrDefault(0);
            month.Attendance = new AttendanceCount { People = people, Attendances = attendances };
        }, cancellationToken);
        if (counted > 0)
        {
            LogCounted(log, counted);
        }
        return counted;
    }

    private async Task<int> CountMonthsAsync(
        CountedKind kind, List<(DateTime StartUtc, DateTime EndUtc)> months, DateTime now,
        Func<CountedMonth, CancellationToken, Task> count, CancellationToken cancellationToken)
    {
        var existing = await db.CountedMonths.AsNoTracking().Where(m => m.Kind == kind)
            .Select(m => new { m.Id, m.StartUtc, m.EndUtc, m.CountedAtUtc, m.RulesVersion }).ToListAsync(cancellationToken);
        // Months cut another way (the program's time zone was changed) or with nothing left in them are not kept.
        var wanted = months.ToHashSet();
        var stray = existing.Where(m => !wanted.Contains((m.StartUtc, m.EndUtc))).Select(m => m.Id).ToList();
        if (stray.Count > 0)
        {
            await db.CountedMonths.Where(m => stray.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        var kept = existing.Where(m => m.RulesVersion == RulesVersion).ToDictionary(m => m.StartUtc, m => m.CountedAtUtc);
        var due = months.Where(m => !kept.ContainsKey(m.StartUtc))
            .Concat(months.Where(m => kept.TryGetValue(m.StartUtc, out var at) && at <= now - RecountAfter)
                .OrderBy(m => kept[m.StartUtc]).Take(RecountsPerSweep))
            .ToList();
        var counted = 0;
        foreach (var (start, end) in due)
        {
            // Counted before the transaction, which only swaps the month's old counts for the new ones (a report sees one
            // or the other), so SQLite's write lock is held for the writes alone.
            var month = new CountedMonth { Kind = kind, StartUtc = start, EndUtc = end, CountedAtUtc = now, RulesVersion = RulesVersion };
            await count(month, cancellationToken);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.CountedMonths.Where(m => m.Kind == kind && m.StartUtc == start).ExecuteDeleteAsync(cancellationToken);
                db.CountedMonths.Add(month);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                counted++;
            }
            catch (DbUpdateException ex)
            {
                if (!await CountedByOthersAsync(kind, start, cancellationToken))
                {
                    throw;
                }
                // Another copy of the app counted the same month at the same moment; its counts stand.
                LogClash(log, kind, start, ex);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return counted;
    }

    private async Task<bool> CountedByOthersAsync(CountedKind kind, DateTime start, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.CountedMonths.AnyAsync(m => m.Kind == kind && m.StartUtc == start, cancellationToken);
    }

    /// <summary>
    /// Removes the counted months that hold this member's follow-up scores or attendance, before they are erased or made
    /// anonymous (which changes those months' counts). Runs inside the erasure's transaction.
    /// </summary>
    public async Task ForgetMemberAsync(string userId, CancellationToken cancellationToken)
    {
        // Through the member's responses (indexed by member), then their scores (indexed by response).
        var scores = await db.SurveyScores.AsNoTracking()
            .Where(s => s.DaysAfterJoining > 0 && db.SurveyResponses.Any(r => r.Id == s.ResponseId && r.MemberId == userId))
            .GroupBy(_ => 1).Select(g => new { Earliest = g.Min(s => s.CompletedAtUtc), Latest = g.Max(s => s.CompletedAtUtc) })
            .FirstOrDefaultAsync(cancellationToken);
        if (scores is not null)
        {
            await db.ForgetCountedMonthsAsync(CountedKind.BenefitChanges, scores.Earliest, scores.Latest, cancellationToken);
        }
        var meetings = await db.MeetingAttendances.AsNoTracking().Where(a => a.UserId == userId)
            .GroupBy(_ => 1).Select(g => new { Earliest = g.Min(a => a.OccurrenceStartUtc), Latest = g.Max(a => a.OccurrenceStartUtc) })
            .FirstOrDefaultAsync(cancellationToken);
        if (meetings is not null)
        {
            await db.ForgetCountedMonthsAsync(CountedKind.Attendance, meetings.Earliest, meetings.Latest, cancellationToken);
        }
    }

    /// <summary>
    /// The counted months of this kind that lie wholly in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) and may
    /// be used: counted under these rules, in the last <see cref="UsableFor"/>, and cut as months are cut now.
    /// </summary>
    public async Task<List<CountedMonth>> WithinAsync(CountedKind kind, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var countedSince = time.GetUtcNow().UtcDateTime - UsableFor;
        var months = await db.CountedMonths.AsNoTracking()
            .Where(m => m.Kind == kind && m.StartUtc >= fromUtc && m.EndUtc <= toUtc && m.RulesVersion == RulesVersion && m.CountedAtUtc > countedSince)
            .OrderBy(m => m.StartUtc)
            .ToListAsync(cancellationToken);
        return [.. months.Where(m => (m.StartUtc, m.EndUtc) == MonthAt(kind, m.StartUtc))];
    }

    /// <summary>The month of this kind that starts at or holds <paramref name="utc"/>: a UTC month, or a program-time month.</summary>
    private (DateTime StartUtc, DateTime EndUtc) MonthAt(CountedKind kind, DateTime utc)
    {
        if (kind == CountedKind.BenefitChanges)
        {
            var start = new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            return (start, start.AddMonths(1));
        }
        var local = programTime.ToLocal(utc);
        var next = new DateOnly(local.Year, local.Month, 1).AddMonths(1);
        return (programTime.MonthStartUtc(local.Year, local.Month), programTime.MonthStartUtc(next.Year, next.Month));
    }

    /// <summary>The parts of [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) that no counted month covers, oldest first.</summary>
    public static List<(DateTime FromUtc, DateTime ToUtc)> Gaps(DateTime fromUtc, DateTime toUtc, IEnumerable<CountedMonth> counted)
    {
        ArgumentNullException.ThrowIfNull(counted);
        var gaps = new List<(DateTime, DateTime)>();
        var at = fromUtc;
        foreach (var month in counted.OrderBy(m => m.StartUtc))
        {
            if (month.StartUtc > at)
            {
                gaps.Add((at, month.StartUtc));
            }
            if (month.EndUtc > at)
            {
                at = month.EndUtc;
            }
        }
        if (at < toUtc)
        {
            gaps.Add((at, toUtc));
        }
        return gaps;
    }

    /// <summary>The months of this kind from the one holding <paramref name="first"/> to the last that ended by <paramref name="now"/>.</summary>
    private List<(DateTime, DateTime)> MonthsEnded(CountedKind kind, DateTime first, DateTime now)
    {
        var months = new List<(DateTime, DateTime)>();
        for (var month = MonthAt(kind, first); month.EndUtc <= now; month = MonthAt(kind, month.EndUtc))
        {
            months.Add(month);
        }
        return months;
    }

    /// <summary>
    /// The people and attendances by index in <paramref name="months"/> for a report: for all groups, whole months
    /// already counted come from their counts and the rest of the range from attendance itself (a month not counted
    /// lies wholly in one gap, so no one is counted twice in it); for one group, all from attendance.
    /// </summary>
    public async Task<Dictionary<int, (int People, int Attendances)>> AttendanceByMonthAsync(
        DateTime fromUtc, DateTime toUtc, Guid? groupId, IReadOnlyList<(int Year, int Month)> months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(months);
        var counted = new Dictionary<int, (int People, int Attendances)>();
        List<(DateTime FromUtc, DateTime ToUtc)> gaps = [(fromUtc, toUtc)];
        if (groupId is null)
        {
            var kept = await WithinAsync(CountedKind.Attendance, fromUtc, toUtc, cancellationToken);
            var keptIds = kept.Select(m => m.Id).ToList();
            var keptCounts = keptIds.Count == 0 ? [] : await db.AttendanceCounts.AsNoTracking().Where(c => keptIds.Contains(c.MonthId))
                .ToDictionaryAsync(c => c.MonthId, cancellationToken);
            var indexOf = months.Select((month, i) => (month, i)).ToDictionary(m => m.month, m => m.i);
            foreach (var month in kept)
            {
                var local = programTime.ToLocal(month.StartUtc);
                if (indexOf.TryGetValue((local.Year, local.Month), out var index) && keptCounts.TryGetValue(month.Id, out var count))
                {
                    counted[index] = (count.People, count.Attendances);
                }
            }
            gaps = Gaps(fromUtc, toUtc, kept);
        }
        foreach (var (gapFrom, gapTo) in gaps)
        {
            foreach (var (index, count) in await AttendanceAsync(gapFrom, gapTo, groupId, months, cancellationToken))
            {
                counted[index] = count;
            }
        }
        return counted;
    }

    /// <summary>
    /// The people (each once a month: a person with an account, or a guest by the name a facilitator wrote) and their
    /// attendances at meetings from <paramref name="fromUtc"/> to <paramref name="toUtc"/>, by index in
    /// <paramref name="months"/> (program time), counted by the database in one pass.
    /// </summary>
    public async Task<Dictionary<int, (int People, int Attendances)>> AttendanceAsync(
        DateTime fromUtc, DateTime toUtc, Guid? groupId, IReadOnlyList<(int Year, int Month)> months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(months);
        var query = db.MeetingAttendances.AsNoTracking()
            .Where(a => a.OccurrenceStartUtc >= fromUtc && a.OccurrenceStartUtc < toUtc && Attended.Contains(a.Status));
        if (groupId is { } id)
        {
            query = query.Where(a => a.GroupId == id);
        }
        // First each person's attendances in each month, then the people and attendances per month: grouping twice lets
        // the database hash rather than sort for COUNT(DISTINCT).
        return await query
            .GroupBy(PersonMonthOf(months))
            .Select(g => new { g.Key.Month, Attendances = g.Count() })
            .GroupBy(p => p.Month)
            .Select(g => new { Month = g.Key, People = g.Count(), Attendances = g.Sum(p => p.Attendances) })
            .ToDictionaryAsync(m => m.Month, m => (m.People, m.Attendances), cancellationToken);
    }

    /// <summary>One person in one month, for grouping attendance: a guest (no account) is known by name.</summary>
    private sealed class PersonMonth
    {
        public int Month { get; init; }
        public string? UserId { get; init; }
        public string? GuestName { get; init; }
    }

    /// <summary>
    /// The person and the index in <paramref name="months"/> of the local month of an attendance, as an expression the
    /// database works out (CASE WHEN … ): times before the first month give -1, after the last the number of months.
    /// </summary>
    private Expression<Func<MeetingAttendance, PersonMonth>> PersonMonthOf(IReadOnlyList<(int Year, int Month)> months)
    {
        Expression<Func<MeetingAttendance, int, PersonMonth>> shape =
            (a, month) => new PersonMonth { Month = month, UserId = a.UserId, GuestName = a.UserId == null ? a.Name : null };
        var attendance = shape.Parameters[0];
        var at = Expression.Property(attendance, nameof(MeetingAttendance.OccurrenceStartUtc));
        // The month boundaries go to the database as parameters (read from this array), so the query's shape is the
        // same for every range of the same length and EF Core compiles it once.
        var after = new DateOnly(months[^1].Year, months[^1].Month, 1).AddMonths(1);
        var boundaries = new MonthBoundaries([.. months.Select(m => programTime.MonthStartUtc(m.Year, m.Month)), programTime.MonthStartUtc(after.Year, after.Month)]);
        var starts = Expression.Field(Expression.Constant(boundaries), nameof(MonthBoundaries.StartsUtc));
        Expression index = Expression.Constant(months.Count);
        for (var i = months.Count - 1; i >= -1; i--)
        {
            var endsAt = Expression.ArrayIndex(starts, Expression.Constant(i + 1));
            index = Expression.Condition(Expression.LessThan(at, endsAt), Expression.Constant(i), index);
        }
        var body = new ReplaceParameter(shape.Parameters[1], index).Visit(shape.Body);
        return Expression.Lambda<Func<MeetingAttendance, PersonMonth>>(body, attendance);
    }

    /// <summary>The UTC start of each month of a range and of the month after it.</summary>
    private sealed class MonthBoundaries(DateTime[] startsUtc)
    {
        public readonly DateTime[] StartsUtc = startsUtc;
    }

    private sealed class ReplaceParameter(ParameterExpression parameter, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : base.VisitParameter(node);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Counted {Months} month(s) ahead for the outcomes dashboard.")]
    private static partial void LogCounted(ILogger logger, int months);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Kind} counts of the month from {StartUtc:u} were saved by someone else at the same moment; theirs are kept.")]
    private static partial void LogClash(ILogger logger, CountedKind kind, DateTime startUtc, Exception exception);
}
