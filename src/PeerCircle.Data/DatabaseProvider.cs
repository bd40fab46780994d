using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PeerCircle.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "PeerCircle.Data.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "PeerCircle.Data.Migrations.Postgres";

    /// <summary>Reads <c>Database:Provider</c> once; an unknown value stops start-up.</summary>
    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException(
                $"Database:Provider is '{value}'. Use 'Sqlite' (the default) or 'Postgres'.");
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    public static IServiceCollection AddPeerCircleDb(
        this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddDbContext<PeerCircleDb>(options => Configure(options, provider, connectionString));
        return services;
    }
}
