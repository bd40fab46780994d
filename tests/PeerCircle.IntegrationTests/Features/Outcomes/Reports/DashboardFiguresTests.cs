using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Data.Safety;
using PeerCircle.Data.Supervision;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Features.Outcomes.Reports;
using PeerCircle.Web.Features.Safety.Oversight;
using Task = System.Threading.Tasks.Task;

namespace PeerCircle.IntegrationTests.Features.Outcomes.Reports;

/// <summary>
/// The dashboard's people-served, retention and attendance figures are counted by the database; these tests count the
/// same rows again the plain way, one person at a time in memory, and expect the same figures after suppression, on
/// both databases. A coordinator would notice a breakdown that double-counts someone in two groups, loses guests, or
/// puts a meeting in the wrong month.
/// </summary>
public class DashboardFiguresTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly MembershipStatus[] Served = [MembershipStatus.Accepted, MembershipStatus.Paused, MembershipStatus.Left];
    private static readonly AttendanceStatus[] Attended = [AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.LeftEarly];

    [Theory, AllProviders]
    public async Task PeopleServed_Retention_AndAttendance_MatchACountOfEachPerson(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var now = DateTime.UtcNow;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await AddMembersAsync(scope.ServiceProvider.GetRequiredService<PeerCircleDb>(), now);
        }

        await using var check = app.Services.CreateAsyncScope();
        var services = check.ServiceProvider;
        var inPersonGroup = await services.GetRequiredService<PeerCircleDb>().Groups
            .Where(g => g.Modality == Modality.InPerson).OrderBy(g => g.Slug).Select(g => g.Id).FirstAsync(Cancel);
        // All groups, then one group: every part must apply the group filter the same way.
        foreach (var group in new Guid?[] { null, inPersonGroup })
        {
            var filter = ReportFilter.Parse(null, null, group?.ToString(), now);
            var data = await services.GetRequiredService<ProgramDashboard>().ComputeAsync(filter, Cancel);
            var expected = await CountByHandAsync(services, filter, now);

            Assert.Equal(expected.PeopleServed, data.PeopleServed);
            Assert.True(data.PeopleServed >= 60, $"people served: {data.PeopleServed}");
            Assert.Equal(expected.ByRole, Cells(data.ByRole));
            Assert.Equal(expected.ByCancerType, Cells(data.ByCancerType));
            Assert.Equal(expected.ByModality, Cells(data.ByModality));
            Assert.Equal(expected.ByLanguage, Cells(data.ByLanguage));
            Assert.Equal(expected.ByDistance, Cells(data.ByDistance));
            Assert.Equal(expected.Retention, data.Retention);
            Assert.Equal(expected.Attendance, data.Attendance);
            Assert.Equal(expected.TimeToFirstMeeting, data.TimeToFirstMeeting);

            // Not everything is hidden: the comparison above checks real numbers.
            Assert.Contains(data.ByDistance.Rows, r => r.Count is not null);
            Assert.Contains(data.ByLanguage.Rows, r => r.Label == "Español (Spanish)" && r.Count is not null);
            Assert.Contains(data.Attendance, m => m.Attendances is not null);
            Assert.Contains(data.Retention, r => r.StillAttending is not null);
        }
    }

    [Theory, AllProviders]
    public async Task Referrals_AndFeedbackShares_ShowOnlyWhenBothGroupsAreElevenOrMore(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var programTime = app.Services.GetRequiredService<ProgramTime>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            await AddMembersAsync(db, now);
            var members = await db.Users.Where(u => u.Email!.StartsWith("figures")).OrderBy(u => u.Email).Select(u => u.Id).Take(30).ToListAsync(Cancel);
            var facilitator = await db.Users.Where(u => u.Email == PeerCircleAppFactory.FacilitatorEmail).Select(u => u.Id).SingleAsync(Cancel);
            var group = await db.Groups.OrderBy(g => g.Slug).Select(g => g.Id).FirstAsync(Cancel);
            var resource = new Resource { Name = "Test help line", Category = ResourceCategory.Counseling, Description = "Talk to someone." };
            db.Resources.Add(resource);
            // 20 members referred, 12 connected and 8 not.
            for (var i = 0; i < 20; i++)
            {
                db.OutsideReferrals.Add(new OutsideReferral
                {
                    MemberId = members[i], ResourceId = resource.Id, Need = ResourceCategory.Counseling, ReferredById = facilitator,
                    ReferredOn = today.AddDays(-10), Outcome = i < 12 ? ReferralOutcome.Connected : ReferralOutcome.NotYet, CreatedAtUtc = now,
                });
            }
            // 24 members' feedback this month: helpful 15 yes and 9 not, heard 12 and 12.
            for (var i = 0; i < 24; i++)
            {
                db.MeetingFeedback.Add(new MeetingFeedback
                {
                    GroupId = group, OccurrenceStartUtc = now.AddHours(-3), UserId = members[i], SubmittedAtUtc = now.AddHours(-2),
                    Helpful = i < 15 ? FeedbackAnswer.Yes : FeedbackAnswer.Somewhat, FeltHeard = i < 12 ? FeedbackAnswer.Yes : FeedbackAnswer.No,
                });
            }
            await db.SaveChangesAsync(Cancel);
        }
        var filter = ReportFilter.Parse(null, null, null, now);
        var local = programTime.ToLocal(now.AddHours(-2));

        var data = await ComputeAsync(app, filter);
        // Members referred (20) is shown; members connected (12) is not, since it would tell that 8 are not.
        Assert.Equal(20, data.Referrals.MembersReferred);
        Assert.Null(data.Referrals.MembersConnected);
        Assert.Null(data.Referrals.ReferralsConnected);
        var month = data.Feedback.Single(f => f.Year == local.Year && f.Month == local.Month);
        Assert.Equal(24, month.Members);
        Assert.Null(month.Helpful);
        Assert.Equal(0.5, month.FeltHeard);

        // Ten more referred and not connected: 12 and 18, both shown.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var resource = await db.Resources.Where(r => r.Name == "Test help line").Select(r => r.Id).SingleAsync(Cancel);
            var facilitator = await db.Users.Where(u => u.Email == PeerCircleAppFactory.FacilitatorEmail).Select(u => u.Id).SingleAsync(Cancel);
            foreach (var member in await db.Users.Where(u => u.Email!.StartsWith("figures")).OrderBy(u => u.Email).Select(u => u.Id).Skip(30).Take(10).ToListAsync(Cancel))
            {
                db.OutsideReferrals.Add(new OutsideReferral
                {
                    MemberId = member, ResourceId = resource, Need = ResourceCategory.Counseling, ReferredById = facilitator,
                    ReferredOn = today.AddDays(-5), Outcome = ReferralOutcome.Pending, CreatedAtUtc = now,
                });
            }
            await db.SaveChangesAsync(Cancel);
        }
        data = await ComputeAsync(app, filter);
        Assert.Equal(30, data.Referrals.MembersReferred);
        Assert.Equal(12, data.Referrals.MembersConnected);
        Assert.Equal(12, data.Referrals.ReferralsConnected);
    }

    [Theory, AllProviders]
    public async Task Pipeline_SafetyResponseTimes_AndFacilitatorWellbeing_MatchWhatWasRecorded(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        // A range long before the demo data: only what this test records is in it.
        var filter = ReportFilter.Parse(
            today.AddDays(-420).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.AddDays(-380).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, now);
        var then = now.AddDays(-400);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            await AddMembersAsync(db, now);
            var members = await db.Users.Where(u => u.Email!.StartsWith("figures")).OrderBy(u => u.Email).Select(u => u.Id).Take(24).ToListAsync(Cancel);
            var facilitatorRole = await db.Roles.Where(r => r.Name == Roles.Facilitator).Select(r => r.Id).SingleAsync(Cancel);
            // 12 new facilitators who have not trained yet, 11 of them paused; each checked in twice back then.
            for (var i = 0; i < 12; i++)
            {
                var user = new PeerCircleUser
                {
                    UserName = $"pipeline{i}@test.local", NormalizedUserName = $"PIPELINE{i}@TEST.LOCAL", Email = $"pipeline{i}@test.local",
                    NormalizedEmail = $"PIPELINE{i}@TEST.LOCAL", FullName = $"Pipeline {i}", DisplayName = $"P{i}", CreatedAtUtc = then,
                    SecurityStamp = Guid.NewGuid().ToString(),
                };
                db.Users.Add(user);
                db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = user.Id, RoleId = facilitatorRole });
                if (i < 11)
                {
                    db.FacilitationPauses.Add(new FacilitationPause { FacilitatorId = user.Id, Reason = "Rest", PausedAtUtc = now.AddDays(-3) });
                }
                db.WellbeingCheckIns.Add(new WellbeingCheckIn { FacilitatorId = user.Id, Energy = 5, Stress = 3, RecordedAtUtc = then });
                db.WellbeingCheckIns.Add(new WellbeingCheckIn { FacilitatorId = user.Id, Energy = 8, Stress = 4, RecordedAtUtc = then.AddHours(1) });
            }
            // 24 urgent cases, due an hour after opening (so to be resolved within two): 13 acknowledged in time and
            // 11 late; 12 resolved in time, 12 late.
            for (var i = 0; i < 24; i++)
            {
                db.EscalationCases.Add(new EscalationCase
                {
                    MemberId = members[i], Priority = CasePriority.Urgent, Status = CaseStatus.Resolved, OpenedAtUtc = then, DueAtUtc = then.AddHours(1),
                    AcknowledgedAtUtc = then.AddMinutes(i < 13 ? 30 : 90), ResolvedAtUtc = i < 12 ? then.AddMinutes(100) : then.AddDays(3),
                });
            }
            // And 11 routine cases, so the urgent count is not the only one: with every other priority empty, the total
            // minus the urgent count would tell that the others are empty, so the urgent count would be hidden too.
            for (var i = 0; i < 11; i++)
            {
                db.EscalationCases.Add(new EscalationCase
                {
                    MemberId = members[i], Priority = CasePriority.Routine, Status = CaseStatus.Resolved, OpenedAtUtc = then, DueAtUtc = then.AddDays(2),
                    AcknowledgedAtUtc = then.AddHours(1), ResolvedAtUtc = then.AddDays(1),
                });
            }
            await db.SaveChangesAsync(Cancel);
        }

        var data = await ComputeAsync(app, filter);

        Assert.Equal(35, data.SafetyCases);
        // "Priority" has none and "routine" 11: hidden together (11 between them), so neither can be worked out.
        Assert.All(data.Safety.Where(r => r.Priority != CasePriority.Urgent), r => Assert.Null(r.Cases));
        var urgent = data.Safety.Single(r => r.Priority == CasePriority.Urgent);
        Assert.Equal(24, urgent.Cases);
        Assert.Equal(13.0 / 24, urgent.AcknowledgedOnTime);
        Assert.Equal(0.5, urgent.ResolvedOnTime);
        Assert.All(data.Safety.Where(r => r.Priority != CasePriority.Urgent), r => Assert.Null(r.AcknowledgedOnTime));

        var month = programTimeMonth(app, then);
        var wellbeing = data.Wellbeing.Single(w => (w.Year, w.Month) == month);
        Assert.Equal((12, 24, 6.5, 3.5), (wellbeing.Facilitators, wellbeing.CheckIns, wellbeing.MeanEnergy, wellbeing.MeanStress));
        Assert.All(data.Wellbeing.Where(w => (w.Year, w.Month) != month), w => Assert.Null(w.Facilitators));

        // The pipeline is as it is today, whatever the dates: each facilitator's own certification status, counted.
        await using var check = app.Services.CreateAsyncScope();
        var services = check.ServiceProvider;
        var facilitatorIds = await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PeerCircleUser>>()
            .GetUsersInRoleAsync(Roles.Facilitator);
        var certification = services.GetRequiredService<PeerCircle.Web.Features.Training.FacilitatorCertification>();
        var statuses = new List<PeerCircle.Web.Features.Training.CertificationStatus>();
        foreach (var facilitator in facilitatorIds)
        {
            statuses.Add(await certification.StatusAsync(facilitator.Id, Cancel));
        }
        var paused = await services.GetRequiredService<PeerCircleDb>().FacilitationPauses
            .Where(p => p.ResumedAtUtc == null).Select(p => p.FacilitatorId).Distinct().CountAsync(Cancel);
        var certified = statuses.Where(s => s.State == PeerCircle.Web.Features.Training.CertificationState.Certified).ToList();
        List<(string, int?)> expected =
        [
            ("In training", SmallCells.Show(statuses.Count(s => s.State == PeerCircle.Web.Features.Training.CertificationState.InTraining))),
            ("Certified", SmallCells.Show(certified.Count)),
            ("Certified, expiring within 60 days", SmallCells.Show(certified.Count(s => s.ExpiresAtUtc <= now.AddDays(60)))),
            ("Certification lapsed", SmallCells.Show(statuses.Count(s => s.State == PeerCircle.Web.Features.Training.CertificationState.Expired))),
            ("Paused", SmallCells.Show(paused)),
        ];
        Assert.Equal(expected, Cells(data.FacilitatorPipeline));
        Assert.True(data.FacilitatorPipeline.Rows[0].Count >= 12, "the 12 new facilitators are in training");
        Assert.True(data.FacilitatorPipeline.Rows[4].Count >= 11, "11 of them are paused");

        static (int, int) programTimeMonth(PeerCircleAppFactory app, DateTime utc)
        {
            var local = app.Services.GetRequiredService<ProgramTime>().ToLocal(utc);
            return (local.Year, local.Month);
        }
    }

    private static async Task<DashboardData> ComputeAsync(PeerCircleAppFactory app, ReportFilter filter)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProgramDashboard>().ComputeAsync(filter, Cancel);
    }

    private static List<(string Label, int? Count)> Cells(CountTable table) => [.. table.Rows.Select(r => (r.Label, r.Count))];

    /// <summary>
    /// 60 members with varied roles, cancer types, languages and ZIPs: each in an in-person group, every third also in
    /// an online one; attendance spread over the last months, with guests who have no account (two named alike).
    /// </summary>
    internal static async Task AddMembersAsync(PeerCircleDb db, DateTime now)
    {
        var inPerson = await db.Groups.Where(g => g.Modality == Modality.InPerson).OrderBy(g => g.Slug).FirstAsync(Cancel);
        var online = await db.Groups.Where(g => g.Modality == Modality.Video).OrderBy(g => g.Slug).FirstAsync(Cancel);
        var facilitator = await db.Users.Where(u => u.Email == PeerCircleAppFactory.FacilitatorEmail).Select(u => u.Id).SingleAsync(Cancel);
        JourneyRole?[] roles = [JourneyRole.PatientOrSurvivor, JourneyRole.Caregiver, JourneyRole.PatientOrSurvivor, null, JourneyRole.BereavedRelative];
        string?[] zips = [inPerson.Place.PostalCode, "10001", "60601", null, "99999"];
        for (var i = 0; i < 60; i++)
        {
            var joined = now.AddDays(-20 - 4 * i);
            var user = new PeerCircleUser
            {
                UserName = $"figures{i}@test.local", NormalizedUserName = $"FIGURES{i}@TEST.LOCAL",
                Email = $"figures{i}@test.local", NormalizedEmail = $"FIGURES{i}@TEST.LOCAL", FullName = $"Figures {i}", DisplayName = $"F{i}",
                CreatedAtUtc = joined.AddDays(-3), SecurityStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            List<CancerType> cancers = i % 6 == 5 ? [] : i % 2 == 0 ? [CancerType.Breast] : [CancerType.Lung, CancerType.Breast];
            db.MemberProfiles.Add(new MemberProfile
            {
                UserId = user.Id, JourneyRole = roles[i % roles.Length], CancerTypes = cancers,
                Languages = i % 3 == 0 ? ["en", "es"] : i % 4 == 1 ? ["es"] : ["en"], PostalCode = zips[i % zips.Length],
            });
            db.GroupMemberships.Add(new GroupMembership
            {
                GroupId = inPerson.Id, UserId = user.Id, Status = i % 10 == 9 ? MembershipStatus.Left : MembershipStatus.Accepted,
                CreatedAtUtc = joined, StatusChangedAtUtc = i % 10 == 9 ? now.AddDays(-5) : joined,
            });
            if (i % 3 == 0)
            {
                db.GroupMemberships.Add(new GroupMembership
                {
                    GroupId = online.Id, UserId = user.Id, Status = MembershipStatus.Accepted, CreatedAtUtc = joined.AddDays(2), StatusChangedAtUtc = joined,
                });
            }
            // Weekly meetings from joining, for longer the lower the number: some still come at 12 weeks, some stopped.
            for (var week = 0; week < 3 + (i % 14); week++)
            {
                var at = joined.AddDays(7 * week + 1);
                if (at < now)
                {
                    db.MeetingAttendances.Add(Attendance(inPerson.Id, at, user.Id, user.DisplayName, week % 5 == 4 ? AttendanceStatus.Absent : AttendanceStatus.Present, facilitator, now));
                }
            }
        }
        // Guests without an account count once per name per month: "Guest" comes twice a day apart, and once more
        // a month later.
        for (var i = 0; i < 30; i++)
        {
            db.MeetingAttendances.Add(Attendance(inPerson.Id, now.AddDays(-3 - i * 3), null, i % 10 == 0 ? "Guest" : $"Guest {i}", AttendanceStatus.Late, facilitator, now));
            if (i % 10 == 0)
            {
                db.MeetingAttendances.Add(Attendance(inPerson.Id, now.AddDays(-4 - i * 3), null, "Guest", AttendanceStatus.Present, facilitator, now));
            }
        }
        // Someone who left before the range is not served, though they came to meetings then.
        var formerUser = new PeerCircleUser
        {
            UserName = "figures-former@test.local", NormalizedUserName = "FIGURES-FORMER@TEST.LOCAL", Email = "figures-former@test.local",
            NormalizedEmail = "FIGURES-FORMER@TEST.LOCAL", FullName = "Former", DisplayName = "Former", CreatedAtUtc = now.AddYears(-3),
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(formerUser);
        db.MemberProfiles.Add(new MemberProfile { UserId = formerUser.Id, JourneyRole = JourneyRole.Caregiver, CancerTypes = [CancerType.Blood], Languages = ["en"] });
        db.GroupMemberships.Add(new GroupMembership
        {
            GroupId = inPerson.Id, UserId = formerUser.Id, Status = MembershipStatus.Left, CreatedAtUtc = now.AddYears(-3), StatusChangedAtUtc = now.AddYears(-2),
        });
        db.MeetingAttendances.Add(Attendance(inPerson.Id, now.AddYears(-2).AddDays(-7), formerUser.Id, "Former", AttendanceStatus.Present, facilitator, now));

        await db.SaveChangesAsync(Cancel);
    }

    private static MeetingAttendance Attendance(Guid groupId, DateTime at, string? userId, string name, AttendanceStatus status, string recordedBy, DateTime now) => new()
    {
        GroupId = groupId, OccurrenceStartUtc = at, UserId = userId, Name = name, Status = status, Via = AttendanceVia.InPerson,
        RecordedById = recordedBy, UpdatedAtUtc = now,
    };

    private sealed record Expected(
        int? PeopleServed, List<(string, int?)> ByRole, List<(string, int?)> ByCancerType, List<(string, int?)> ByModality,
        List<(string, int?)> ByLanguage, List<(string, int?)> ByDistance, List<RetentionRow> Retention, List<AttendanceMonth> Attendance,
        List<MonthMedian> TimeToFirstMeeting);

    /// <summary>The same figures from every row in memory, one person at a time.</summary>
    private static async Task<Expected> CountByHandAsync(IServiceProvider services, ReportFilter filter, DateTime now)
    {
        var db = services.GetRequiredService<PeerCircleDb>();
        var dashboard = services.GetRequiredService<ProgramDashboard>();
        var programTime = services.GetRequiredService<ProgramTime>();
        var memberships = (await db.GroupMemberships.AsNoTracking().Include(m => m.Group).ToListAsync(Cancel))
            .Where(m => Served.Contains(m.Status) && m.CreatedAtUtc < filter.ToUtc
                && (m.Status != MembershipStatus.Left || m.StatusChangedAtUtc == null || m.StatusChangedAtUtc >= filter.FromUtc)
                && (filter.GroupId is null || m.GroupId == filter.GroupId))
            .ToList();
        var profiles = (await db.MemberProfiles.AsNoTracking().ToListAsync(Cancel)).ToDictionary(p => p.UserId);
        var people = memberships.Select(m => m.UserId).Distinct().ToList();
        var profileOf = (string id) => profiles.GetValueOrDefault(id);

        JourneyRole?[] roleOrder = [JourneyRole.PatientOrSurvivor, JourneyRole.Caregiver, JourneyRole.BereavedRelative, null];
        string[] roleLabels = ["Patients and survivors", "Caregivers", "Bereaved relatives", "Not given"];
        var roleTable = SmallCells.SuppressList([.. roleOrder.Select(r => people.Count(p => profileOf(p)?.JourneyRole == r))]);
        var byRole = roleLabels.Select((label, i) => (label, roleTable.Cell(0, i))).ToList();

        var byCancer = Enum.GetValues<CancerType>()
            .Select(c => (GroupLabels.Of(c), SmallCells.Show(people.Count(p => profileOf(p)?.CancerTypes.Contains(c) == true))))
            .Append(("Not given", SmallCells.Show(people.Count(p => profileOf(p) is not { CancerTypes.Count: > 0 }))))
            .ToList();
        var byModality = Enum.GetValues<Modality>()
            .Select(m => (GroupLabels.Of(m), SmallCells.Show(memberships.Where(x => x.Group!.Modality == m).Select(x => x.UserId).Distinct().Count())))
            .ToList();
        var servedProfiles = people.Select(profileOf).OfType<MemberProfile>().ToList();
        var byLanguage = GroupLanguages.Names.Keys.Order(StringComparer.Ordinal)
            .Select(l => (GroupLanguages.NameOf(l), SmallCells.Show(servedProfiles.Count(p => p.Languages.Contains(l)))))
            .ToList();
        var bands = memberships
            .Select(m => (m.UserId, Band: dashboard.DistanceBand(m.Group!.Modality, profileOf(m.UserId)?.PostalCode, m.Group.Place.Latitude, m.Group.Place.Longitude, m.Group.Place.PostalCode)))
            .ToList();
        var bandCounts = ProgramDashboard.DistanceBands.Select(b => bands.Where(x => x.Band == b).Select(x => x.UserId).Distinct().Count()).ToList();
        // One group: each person is in one band, so the bands add up to the people served and need complementary cover.
        var bandTable = SmallCells.SuppressList(bandCounts);
        var byDistance = ProgramDashboard.DistanceBands
            .Select((b, i) => (b, filter.GroupId is null ? SmallCells.Show(bandCounts[i]) : bandTable.Cell(0, i)))
            .ToList();
        if (filter.GroupId is not null)
        {
            Assert.Equal(people.Count, bandCounts.Sum());
        }

        var attendance = (await db.MeetingAttendances.AsNoTracking().ToListAsync(Cancel))
            .Where(a => Attended.Contains(a.Status))
            .ToList();
        var joined = memberships.GroupBy(m => m.UserId).Select(g => (UserId: g.Key, Joined: g.Min(m => m.CreatedAtUtc)))
            .Where(j => j.Joined >= filter.FromUtc).ToList();
        var last = attendance.Where(a => a.UserId is not null).GroupBy(a => a.UserId!).ToDictionary(g => g.Key, g => g.Max(a => a.OccurrenceStartUtc));
        // One group of people for every row: those who joined at least 12 weeks ago. A count is shown when it is 11 or
        // more and 11 or more below the last one shown, so no difference between two shown counts is a handful of people.
        var cohort = joined.Where(j => j.Joined.AddDays(7 * 12) <= now).ToList();
        int? lastShown = SmallCells.MayShow(cohort.Count) ? cohort.Count : null;
        var retention = new List<RetentionRow>();
        foreach (var weeks in new[] { 4, 8, 12 })
        {
            var still = cohort.Count(j => last.TryGetValue(j.UserId, out var at) && at >= j.Joined.AddDays(7 * weeks));
            int? shown = lastShown is { } above && still >= 11 && above - still >= 11 ? still : null;
            lastShown = shown ?? lastShown;
            retention.Add(new RetentionRow(weeks, SmallCells.Show(cohort.Count), shown, shown is { } s ? (double)s / cohort.Count : null));
        }

        var inRange = attendance.Where(a => a.OccurrenceStartUtc >= filter.FromUtc && a.OccurrenceStartUtc < filter.ToUtc
            && (filter.GroupId is null || a.GroupId == filter.GroupId)).ToList();
        var months = new List<AttendanceMonth>();
        for (var month = new DateOnly(filter.From.Year, filter.From.Month, 1); month <= filter.To; month = month.AddMonths(1))
        {
            var these = inRange.Where(a => programTime.ToLocal(a.OccurrenceStartUtc) is var local && local.Year == month.Year && local.Month == month.Month).ToList();
            var count = these.Select(a => a.UserId ?? "name:" + a.Name).Distinct().Count();
            months.Add(new AttendanceMonth(month.Year, month.Month, SmallCells.Show(count), SmallCells.MayShow(count) ? these.Count : null));
        }
        var signedUp = (await db.Users.AsNoTracking().Select(u => new { u.Id, u.CreatedAtUtc }).ToListAsync(Cancel))
            .Where(u => u.CreatedAtUtc >= filter.FromUtc && u.CreatedAtUtc < filter.ToUtc && people.Contains(u.Id))
            .ToList();
        var first = attendance.Where(a => a.UserId is not null).GroupBy(a => a.UserId!).ToDictionary(g => g.Key, g => g.Min(a => a.OccurrenceStartUtc));
        // Every month of the range, empty ones too.
        var timeToFirst = months
            .Select(m => signedUp
                .Where(u => first.TryGetValue(u.Id, out var at) && at >= u.CreatedAtUtc)
                .Where(u => programTime.ToLocal(u.CreatedAtUtc) is var local && local.Year == m.Year && local.Month == m.Month)
                .Select(u => (first[u.Id] - u.CreatedAtUtc).TotalDays).Order().ToList() is var days && days.Count >= 11
                ? new MonthMedian(m.Year, m.Month, days.Count, Math.Round(days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2, 1))
                : new MonthMedian(m.Year, m.Month, null, null))
            .ToList();
        return new Expected(roleTable.RowTotal(0), byRole, byCancer, byModality, byLanguage, byDistance, retention, months, timeToFirst);
    }
}
