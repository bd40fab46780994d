using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PeerCircle.Data.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for this provider without starting the app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PeerCircleDb>
{
    public PeerCircleDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PeerCircleDb>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=peercircle_design;Username=postgres");
        return new PeerCircleDb(options.Options);
    }
}
