using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;

namespace PeerCircle.IntegrationTests.Infrastructure.Database;

public class MigrationTests(SharedApps apps)
{
    [Theory, AllProviders]
    public async Task AfterStartUp_EveryMigrationIsAppliedAndTheModelHasNoChangesWithoutOne(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();

        Assert.Equal(
            provider == DatabaseProvider.Sqlite ? "Microsoft.EntityFrameworkCore.Sqlite" : "Npgsql.EntityFrameworkCore.PostgreSQL",
            db.Database.ProviderName);
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes with no {provider} migration: run dotnet ef migrations add for both providers.");
    }
}
