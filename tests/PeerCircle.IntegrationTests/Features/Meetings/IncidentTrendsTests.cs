using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Groups;

namespace PeerCircle.IntegrationTests.Features.Meetings;

/// <summary>Coordinators see incidents from meeting logs by kind, group, facilitator and month.</summary>
public class IncidentTrendsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task Coordinators_SeeIncidentCountsPerGroupAndFacilitator_MonthByMonth(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var today = DateTime.UtcNow;
        var thisMonth = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var lastMonth = thisMonth.AddMonths(-1);
        Guid survivors, caregivers;
        string dana, luis, luisName;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            survivors = await db.Groups.Where(g => g.Name == "Breast Cancer Survivors Circle").Select(g => g.Id).SingleAsync(Cancel);
            caregivers = await db.Groups.Where(g => g.Name == "Caregivers Evening Circle").Select(g => g.Id).SingleAsync(Cancel);
            dana = await app.UserIdAsync(PeerCircleAppFactory.FacilitatorEmail, Cancel);
            luis = await app.UserIdAsync("facilitator2@demo.local", Cancel);
            luisName = await db.Users.Where(u => u.Id == luis).Select(u => u.FullName).SingleAsync(Cancel);
            MeetingLog Log(Guid group, DateTime when, string writer, params (IncidentKind Kind, EscalationStep Step)[] incidents) => new()
            {
                GroupId = group, OccurrenceStartUtc = when, Summary = "A calm meeting.", WrittenById = writer, Feeling = AfterMeetingFeeling.Good,
                WrittenAtUtc = when, UpdatedAtUtc = when,
                Incidents = [.. incidents.Select(i => new MeetingIncident { Kind = i.Kind, Step = i.Step })],
            };
            db.MeetingLogs.AddRange(
                Log(survivors, thisMonth.AddHours(1), dana, (IncidentKind.Dominating, EscalationStep.Redirect), (IncidentKind.Dominating, EscalationStep.Redirect)),
                Log(survivors, lastMonth.AddHours(1), dana, (IncidentKind.Dominating, EscalationStep.PrivateTalk), (IncidentKind.SafetyConcern, EscalationStep.InvolveCoordinator)),
                Log(caregivers, thisMonth.AddHours(2), luis, (IncidentKind.CrossTalk, EscalationStep.Redirect)),
                // Older than six months: not counted.
                Log(caregivers, thisMonth.AddMonths(-8), luis, (IncidentKind.AdviceGiving, EscalationStep.Redirect)));
            await db.SaveChangesAsync(Cancel);
        }
        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);

        var all = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/incidents", Cancel));
        var oneGroup = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync($"/coordinator/incidents?group={caregivers}", Cancel));
        var oneFacilitator = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync($"/coordinator/incidents?facilitator={dana}", Cancel));
        var handEdited = PeerCircleAppFactory.VisibleTextOf(await coordinator.GetStringAsync("/coordinator/incidents?group=nonsense&facilitator=%3Cscript%3E", Cancel));

        // Six months, oldest first, then the total.
        Assert.Contains("Incidents counted: 5.", all, StringComparison.Ordinal);
        Assert.Contains("Dominating 0 0 0 0 1 2 3", all, StringComparison.Ordinal);
        Assert.Contains("Advice-giving 0 0 0 0 0 0 0", all, StringComparison.Ordinal);
        Assert.Contains("1. Redirect: gently steer the talk back 0 0 0 0 0 3 3", all, StringComparison.Ordinal);
        Assert.Contains("5. Involve the coordinator 0 0 0 0 1 0 1", all, StringComparison.Ordinal);
        Assert.Contains("Breast Cancer Survivors Circle Dominating 0 0 0 0 1 2 3", all, StringComparison.Ordinal);
        Assert.Contains("Breast Cancer Survivors Circle Safety concern 0 0 0 0 1 0 1", all, StringComparison.Ordinal);
        Assert.Contains("Caregivers Evening Circle Cross-talk 0 0 0 0 0 1 1", all, StringComparison.Ordinal);
        Assert.Contains("Dana Okafor Dominating 0 0 0 0 1 2 3", all, StringComparison.Ordinal);
        Assert.Contains($"{luisName} Cross-talk 0 0 0 0 0 1 1", all, StringComparison.Ordinal);
        Assert.Contains("Incidents counted: 1.", oneGroup, StringComparison.Ordinal);
        Assert.Contains("Incidents counted: 4.", oneFacilitator, StringComparison.Ordinal);
        Assert.DoesNotContain("Caregivers Evening Circle Cross-talk", oneFacilitator, StringComparison.Ordinal);
        Assert.Contains("We could not find that group, so all groups are counted.", handEdited, StringComparison.Ordinal);
        Assert.Contains("We could not find that facilitator, so all facilitators are counted.", handEdited, StringComparison.Ordinal);
        Assert.Contains("Incidents counted: 5.", handEdited, StringComparison.Ordinal);

        using var facilitator = app.CreateClientWithCookies();
        await app.SignInAsync(facilitator, PeerCircleAppFactory.FacilitatorEmail, totp: true, Cancel);
        using var refused = await facilitator.GetAsync("/coordinator/incidents", Cancel);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}
