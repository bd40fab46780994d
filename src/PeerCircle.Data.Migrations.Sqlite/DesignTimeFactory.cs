using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PeerCircle.Data.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider without starting the app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PeerCircleDb>
{
    public PeerCircleDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PeerCircleDb>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new PeerCircleDb(options.Options);
    }
}
