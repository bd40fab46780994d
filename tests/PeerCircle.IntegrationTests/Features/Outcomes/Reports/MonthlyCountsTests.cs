using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Features.Members;
using PeerCircle.Web.Features.Outcomes.Reports;
using PeerCircle.Web.Features.Safety.Oversight;
using Task = System.Threading.Tasks.Task;

namespace PeerCircle.IntegrationTests.Features.Outcomes.Reports;

/// <summary>
/// Months that have ended are counted ahead for the dashboard. A coordinator must see the same benefit and attendance
/// figures whether a month was counted ahead or read row by row, and a correction, a late survey or an erased member
/// in a month already counted must show at once, not the next day.
/// </summary>
public class MonthlyCountsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    [Theory, AllProviders]
    public async Task CountedMonths_GiveTheSameFigures_AndChangesInThemShowAtOnce(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var now = DateTime.UtcNow;
        string erased;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            await DashboardFiguresTests.AddMembersAsync(db, now);
            erased = await AddPairsAsync(db, now);
            await AddMeetingsAtMonthEdgesAsync(db, app.Services.GetRequiredService<ProgramTime>(), now);
        }
        // The default range, and one that starts and ends inside months (its end months are read row by row).
        var filters = new[]
        {
            ReportFilter.Parse(null, null, null, now),
            ReportFilter.Parse(DateOnly.FromDateTime(now.AddDays(-200)).ToString("yyyy-MM-dd", null), DateOnly.FromDateTime(now.AddDays(-40)).ToString("yyyy-MM-dd", null), null, now),
        };
        var byRows = await FiguresAsync(app, filters);

        Assert.True(await CountAsync(app) > 0);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            Assert.True(await db.CountedMonths.CountAsync(m => m.Kind == CountedKind.BenefitChanges, Cancel) >= 5);
            Assert.True(await db.CountedMonths.CountAsync(m => m.Kind == CountedKind.Attendance, Cancel) >= 5);
            Assert.True(await db.BenefitChangeCounts.AnyAsync(Cancel));
        }
        var counted = await FiguresAsync(app, filters);
        Assert.Equal(byRows, counted);
        // Real figures were compared, not only "hidden".
        Assert.Contains("\"Pairs\":", counted[0], StringComparison.Ordinal);
        Assert.DoesNotContain("\"Pairs\":null", counted[0], StringComparison.Ordinal);
        Assert.Matches("\"Attendances\":[0-9]", counted[0]);
        // Counting again the same day finds nothing to do.
        Assert.Equal(0, await CountAsync(app));

        // A follow-up score corrected in a counted month: that month is counted row by row until counted again.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var score = await db.SurveyScores.Where(s => s.BaselineValue != null && s.CompletedAtUtc < now.AddDays(-100)).OrderBy(s => s.Id).FirstAsync(Cancel);
            var months = await db.CountedMonths.CountAsync(Cancel);
            score.Value += 3;
            // An attendance marked absent afterwards, in a counted month.
            var attendance = await db.MeetingAttendances.Where(a => a.Status == AttendanceStatus.Present && a.OccurrenceStartUtc < now.AddDays(-70)).OrderBy(a => a.Id).FirstAsync(Cancel);
            attendance.Status = AttendanceStatus.Absent;
            await db.SaveChangesAsync(Cancel);
            Assert.Equal(months - 2, await db.CountedMonths.CountAsync(Cancel));
        }
        var changed = await FiguresAsync(app, filters);
        Assert.NotEqual(counted[0], changed[0]);
        Assert.Equal(await FiguresByRowsAsync(app, filters), changed);

        // A member erased (every month is counted again by now): the months their surveys and attendance were in are
        // read row by row again.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var months = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().CountedMonths.CountAsync(Cancel);
            await scope.ServiceProvider.GetRequiredService<MyData>().EraseAsync(erased, "account.deleted", "test", Cancel);
            Assert.True(await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().CountedMonths.CountAsync(Cancel) < months);
        }
        var afterErasure = await FiguresAsync(app, filters);
        Assert.NotEqual(changed[0], afterErasure[0]);
        Assert.Equal(await FiguresByRowsAsync(app, filters), afterErasure);
    }

    [Theory, AllProviders]
    public async Task CountsThatNoLongerFit_AreNotUsed(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var now = DateTime.UtcNow;
        var programTime = app.Services.GetRequiredService<ProgramTime>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            await DashboardFiguresTests.AddMembersAsync(db, now);
            await AddPairsAsync(db, now);
        }
        var filters = new[] { ReportFilter.Parse(null, null, null, now) };
        var byRows = await FiguresAsync(app, filters);

        // Months with figures no one should see: one cut at UTC midnight (as if the program's time zone had been
        // changed), one counted three days ago (the sweep stopped), one counted under older rules.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var local = programTime.ToLocal(now.AddMonths(-3));
            var utcMonth = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            db.CountedMonths.Add(new CountedMonth
            {
                Kind = CountedKind.Attendance, StartUtc = utcMonth, EndUtc = utcMonth.AddMonths(1), CountedAtUtc = now,
                RulesVersion = MonthlyCounts.RulesVersion, Attendance = new AttendanceCount { People = 999, Attendances = 9999 },
            });
            var earlier = programTime.ToLocal(now.AddMonths(-5));
            var next = new DateOnly(earlier.Year, earlier.Month, 1).AddMonths(1);
            db.CountedMonths.Add(new CountedMonth
            {
                Kind = CountedKind.Attendance, StartUtc = programTime.MonthStartUtc(earlier.Year, earlier.Month),
                EndUtc = programTime.MonthStartUtc(next.Year, next.Month), CountedAtUtc = now, RulesVersion = MonthlyCounts.RulesVersion - 1,
                Attendance = new AttendanceCount { People = 888, Attendances = 8888 },
            });
            var benefitMonth = new DateTime(now.AddMonths(-2).Year, now.AddMonths(-2).Month, 1, 0, 0, 0, DateTimeKind.Utc);
            var stale = new CountedMonth
            {
                Kind = CountedKind.BenefitChanges, StartUtc = benefitMonth, EndUtc = benefitMonth.AddMonths(1), CountedAtUtc = now.AddDays(-3),
                RulesVersion = MonthlyCounts.RulesVersion,
            };
            stale.BenefitChanges.Add(new BenefitChangeCount
            {
                InstrumentId = await OutcomeReportsTests.InstrumentIdAsync(db), Scale = "support", DaysAfterJoining = 56, DoseBand = 0, Change = 5, Count = 500,
            });
            db.CountedMonths.Add(stale);
            await db.SaveChangesAsync(Cancel);
        }
        Assert.Equal(byRows, await FiguresAsync(app, filters));

        // The next sweep puts them right.
        Assert.True(await CountAsync(app) > 0);
        Assert.Equal(byRows, await FiguresAsync(app, filters));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            Assert.False(await db.AttendanceCounts.AnyAsync(c => c.People >= 888, Cancel));
            Assert.False(await db.BenefitChangeCounts.AnyAsync(c => c.Count == 500, Cancel));
        }
    }

    private static async Task<int> CountAsync(PeerCircleAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MonthlyCounts>().CountAsync(Cancel);
    }

    /// <summary>The benefit analysis and attendance by month for each filter, as JSON to compare whole.</summary>
    private static async Task<List<string>> FiguresAsync(PeerCircleAppFactory app, IEnumerable<ReportFilter> filters)
    {
        var figures = new List<string>();
        foreach (var filter in filters)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var data = await scope.ServiceProvider.GetRequiredService<ProgramDashboard>().ComputeAsync(filter, Cancel);
            figures.Add(JsonSerializer.Serialize(new { data.Benefits, data.Attendance }, Json));
        }
        return figures;
    }

    /// <summary>The same figures with nothing counted ahead, every row read; the months are counted again after.</summary>
    private static async Task<List<string>> FiguresByRowsAsync(PeerCircleAppFactory app, IEnumerable<ReportFilter> filters)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().CountedMonths.ExecuteDeleteAsync(Cancel);
        }
        var figures = await FiguresAsync(app, filters);
        await CountAsync(app);
        return figures;
    }

    /// <summary>
    /// 40 of the members with a baseline and an 8-week score each, completed over the last seven months, with changes
    /// and meetings attended that vary. Returns a member who has several of them, to erase.
    /// </summary>
    private static async Task<string> AddPairsAsync(PeerCircleDb db, DateTime now)
    {
        var instrumentId = await OutcomeReportsTests.InstrumentIdAsync(db);
        var members = await db.Users.Where(u => u.Email!.StartsWith("figures")).OrderBy(u => u.Email).Select(u => u.Id).Take(40).ToListAsync(Cancel);
        for (var i = 0; i < members.Count; i++)
        {
            var completed = now.AddDays(-10 - 5 * i);
            var baseline = new SurveyResponse
            {
                MemberId = members[i], InstrumentId = instrumentId, DaysAfterJoining = 0, Status = SurveyStatus.Completed, AnswersJson = "{}",
                JoinedAtUtc = completed.AddDays(-56), DueAtUtc = completed.AddDays(-56), ClosesAtUtc = completed.AddDays(-40),
                UpdatedAtUtc = completed.AddDays(-56), CompletedAtUtc = completed.AddDays(-56), ItemsAnswered = 1, MeetingsAttended = 0,
            };
            var followUp = new SurveyResponse
            {
                MemberId = members[i], InstrumentId = instrumentId, DaysAfterJoining = 56, Status = SurveyStatus.Completed, AnswersJson = "{}",
                JoinedAtUtc = completed.AddDays(-56), DueAtUtc = completed, ClosesAtUtc = completed.AddDays(14),
                UpdatedAtUtc = completed, CompletedAtUtc = completed, ItemsAnswered = 1, MeetingsAttended = i % 11,
            };
            foreach (var scale in new[] { "support", "hope" })
            {
                var before = 3 + i % 3;
                baseline.Scores.Add(new SurveyScore
                {
                    InstrumentId = instrumentId, MemberId = members[i], DaysAfterJoining = 0, Scale = scale, Value = before,
                    CompletedAtUtc = completed.AddDays(-56), MeetingsAttended = 0,
                });
                followUp.Scores.Add(new SurveyScore
                {
                    InstrumentId = instrumentId, MemberId = members[i], DaysAfterJoining = 56, Scale = scale, Value = before + (i % 4) * 0.5,
                    CompletedAtUtc = completed, MeetingsAttended = followUp.MeetingsAttended, BaselineValue = before,
                });
            }
            db.SurveyResponses.AddRange(baseline, followUp);
        }
        await db.SaveChangesAsync(Cancel);
        return members[30];
    }

    /// <summary>
    /// Meetings half an hour either side of the start of each of the last six months in the program's time zone, which
    /// are in another month, or another day, in UTC: the counted and row-by-row figures must put them in the same month.
    /// </summary>
    private static async Task AddMeetingsAtMonthEdgesAsync(PeerCircleDb db, ProgramTime programTime, DateTime now)
    {
        var group = await db.Groups.OrderBy(g => g.Slug).Select(g => g.Id).FirstAsync(Cancel);
        var people = await db.Users.Where(u => u.Email!.StartsWith("figures")).OrderBy(u => u.Email).Select(u => new { u.Id, u.DisplayName }).Take(12).ToListAsync(Cancel);
        var local = programTime.ToLocal(now);
        for (var back = 1; back <= 6; back++)
        {
            var month = new DateOnly(local.Year, local.Month, 1).AddMonths(-back);
            var edge = programTime.MonthStartUtc(month.Year, month.Month);
            foreach (var (person, i) in people.Select((p, i) => (p, i)))
            {
                db.MeetingAttendances.Add(new MeetingAttendance
                {
                    GroupId = group, OccurrenceStartUtc = edge.AddMinutes(i % 2 == 0 ? -30 : 30), UserId = person.Id, Name = person.DisplayName,
                    Status = AttendanceStatus.Present, Via = AttendanceVia.InPerson, UpdatedAtUtc = now,
                });
            }
        }
        await db.SaveChangesAsync(Cancel);
    }
}
