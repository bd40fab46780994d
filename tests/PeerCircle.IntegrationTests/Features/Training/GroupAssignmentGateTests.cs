using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.IntegrationTests.Features.Training;

/// <summary>Only a certified facilitator can lead or co-lead a group, and the coordinator is told what is missing.</summary>
public class GroupAssignmentGateTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static GroupForm Form(string? lead, string? coLead) => new()
    {
        Name = "Thursday Caregivers", Description = "For caregivers of anyone with cancer.", Audience = "caregivers",
        GroupType = "open-forum", Membership = "open", Modality = "video", Status = "recruiting", Language = "en",
        Capacity = "10", Frequency = "weekly", DayOfWeek = "thursday", StartTime = "19:00", DurationMinutes = "90",
        TimeZoneId = "America/Chicago", MeetingLink = "https://meet.example.org/thursday", LeadFacilitatorId = lead, CoFacilitatorId = coLead,
    };

    [Theory, AllProviders]
    public async Task UncertifiedFacilitator_CannotLeadAGroup_AndTheMessageSaysWhatIsMissing(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var certified = await app.UserIdAsync("facilitator@demo.local", Cancel);
        var inTraining = await app.UserIdAsync("facilitator5@demo.local", Cancel);
        var groupsBefore = await db.Groups.CountAsync(Cancel);

        var refused = await scope.ServiceProvider.GetRequiredService<SaveGroup>().CreateAsync(Form(certified, inTraining), Cancel);

        var message = Assert.Single(refused.Errors["CoFacilitatorId"]);
        Assert.Contains("Aisha Rahman is not certified yet, so cannot lead or co-lead a group.", message, StringComparison.Ordinal);
        Assert.Contains("modules to pass; 11 competencies to sign off; Live role-plays signed off: 0 of 2; Sign the facilitator boundary policy", message, StringComparison.Ordinal);
        Assert.False(refused.Errors.ContainsKey("LeadFacilitatorId"));
        Assert.Equal(groupsBefore, await db.Groups.CountAsync(Cancel));

        var accepted = await scope.ServiceProvider.GetRequiredService<SaveGroup>().CreateAsync(Form(certified, null), Cancel);
        Assert.True(accepted.Succeeded);
    }

    [Theory, AllProviders]
    public async Task PausedFacilitator_CannotBeAssigned_UntilTheyResume(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var certified = await app.UserIdAsync("facilitator2@demo.local", Cancel);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            db.FacilitationPauses.Add(new PeerCircle.Data.Supervision.FacilitationPause { FacilitatorId = certified, PausedAtUtc = DateTime.UtcNow, Reason = "Family time" });
            await db.SaveChangesAsync(Cancel);
        }

        await using var check = app.Services.CreateAsyncScope();
        var refused = await check.ServiceProvider.GetRequiredService<SaveGroup>().CreateAsync(Form(certified, null), Cancel);

        Assert.Contains("Luis Herrera has paused their facilitation for now.", Assert.Single(refused.Errors["LeadFacilitatorId"]), StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task DemoFacilitators_WhoLeadGroups_AreCertified_AndTheOneInTrainingIsNot(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var certification = scope.ServiceProvider.GetRequiredService<FacilitatorCertification>();

        var leaders = await db.Groups.Select(g => g.LeadFacilitatorId).Union(db.Groups.Select(g => g.CoFacilitatorId)).ToListAsync(Cancel);
        foreach (var leader in leaders.OfType<string>())
        {
            Assert.True((await certification.StatusAsync(leader, Cancel)).MayLeadGroups);
        }
        var inTraining = await app.UserIdAsync("facilitator5@demo.local", Cancel);
        Assert.Equal(CertificationState.InTraining, (await certification.StatusAsync(inTraining, Cancel)).State);
    }
}
