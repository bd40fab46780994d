using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;

namespace PeerCircle.Web.Infrastructure.Database;

public static class DatabaseExtensions
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var provider = DatabaseSetup.ReadProvider(builder.Configuration);
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => SqliteConnectionString(builder),
            _ => builder.Configuration.GetConnectionString("Postgres") is { Length: > 0 } postgres
                ? postgres
                : throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Postgres is empty."),
        };
        builder.Services.AddPeerCircleDb(provider, connectionString);
        builder.Services.AddHealthChecks().AddDbContextCheck<PeerCircleDb>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Creates or upgrades the schema. Safe when several nodes start together (EF takes a migration lock).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while a write is in progress.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
    }

    private static string SqliteConnectionString(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString("Sqlite") is { Length: > 0 } value
            ? value
            : "Data Source=data/peercircle.db";
        var connection = new SqliteConnectionStringBuilder(configured);
        if (connection.DataSource != ":memory:" && !Path.IsPathRooted(connection.DataSource))
        {
            connection.DataSource = Path.Combine(builder.Environment.ContentRootPath, connection.DataSource);
        }
        if (Path.GetDirectoryName(connection.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        return connection.ToString();
    }
}
