using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Infrastructure.Demo;

namespace PeerCircle.IntegrationTests.Infrastructure.Demo;

public class DemoProgramTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task Seeding_CreatesStaffAndMembersInEveryRole(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PeerCircleUser>>();

        Assert.True((await users.GetUsersInRoleAsync(Roles.Coordinator)).Count >= 1);
        Assert.True((await users.GetUsersInRoleAsync(Roles.Facilitator)).Count >= 4);
        Assert.True((await users.GetUsersInRoleAsync(Roles.Clinician)).Count >= 2);
        Assert.True((await users.GetUsersInRoleAsync(Roles.Member)).Count >= 40);
        var coordinator = await users.FindByEmailAsync(PeerCircleAppFactory.CoordinatorEmail);
        Assert.NotNull(coordinator);
        Assert.True(coordinator.TwoFactorEnabled);
        Assert.True(coordinator.EmailConfirmed);
        Assert.True(await users.CheckPasswordAsync(coordinator, PeerCircleAppFactory.DemoPassword));
    }

    [Theory, AllProviders]
    public async Task Seeding_CreatesTenGroupsCoveringEveryAudienceModalityAndSeveralTimeZones(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();

        var groups = await db.Groups.AsNoTracking().ToListAsync(Cancel);

        Assert.Equal(10, groups.Count);
        Assert.Equal(Enum.GetValues<Audience>().ToHashSet(), groups.Select(g => g.Audience).ToHashSet());
        Assert.Equal(Enum.GetValues<Modality>().ToHashSet(), groups.Select(g => g.Modality).ToHashSet());
        Assert.True(groups.Select(g => g.Schedule.TimeZoneId).Distinct().Count() >= 3);
        Assert.All(groups, g => Assert.NotNull(g.LeadFacilitatorId));
    }

    [Theory, AllProviders]
    public async Task Seeding_DoesNothingAgainstADatabaseThatAlreadyHasPeople(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var demo = scope.ServiceProvider.GetRequiredService<DemoProgram>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
        var usersBefore = await db.Users.CountAsync(Cancel);
        var groupsBefore = await db.Groups.CountAsync(Cancel);

        var seeded = await demo.SeedAsync(options, Cancel);

        Assert.Null(seeded);
        Assert.Equal(usersBefore, await db.Users.CountAsync(Cancel));
        Assert.Equal(groupsBefore, await db.Groups.CountAsync(Cancel));
    }
}
