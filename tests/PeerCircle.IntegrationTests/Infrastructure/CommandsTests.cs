using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;

namespace PeerCircle.IntegrationTests.Infrastructure;

/// <summary>The bootstrap command a real deployment starts with, run as its own process as an operator would.</summary>
public class CommandsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateCoordinator_MigratesAnEmptyDatabase_AndPrintsAOneTimeSetPasswordLink()
    {
        var folder = Directory.CreateTempSubdirectory("peercircle-command-").FullName;
        var database = Path.Combine(folder, "bootstrap.db");
        try
        {
            var (exitCode, output) = await RunAppAsync(folder, database, "create-coordinator", "--email", "lead@program.example", "--name", "Ada Boss");

            Assert.True(exitCode == 0, output);
            Assert.Contains("Coordinator lead@program.example created.", output, StringComparison.Ordinal);
            Assert.Matches(@"http://localhost:5080/account/set-password\?userId=[^&\s]+&code=\S+", output);

            var options = new DbContextOptionsBuilder<PeerCircleDb>();
            DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ConnectionString);
            await using var db = new PeerCircleDb(options.Options);
            var user = await db.Users.SingleAsync(Cancel);
            Assert.Equal("lead@program.example", user.Email);
            Assert.Equal("Ada Boss", user.FullName);
            Assert.Null(user.PasswordHash);
            var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(Cancel);
            Assert.Equal([Roles.Coordinator], roles);
            Assert.Empty(await db.Groups.ToListAsync(Cancel));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task CreateCoordinator_WithoutAnEmail_ExplainsHowToCallIt()
    {
        var folder = Directory.CreateTempSubdirectory("peercircle-command-").FullName;
        try
        {
            var (exitCode, output) = await RunAppAsync(folder, Path.Combine(folder, "x.db"), "create-coordinator");

            Assert.Equal(2, exitCode);
            Assert.Contains("Usage: create-coordinator --email", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAppAsync(string workingFolder, string database, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PeerCircle.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={database}";
        start.Environment["Email__PickupDirectory"] = Path.Combine(workingFolder, "outbox");
        start.Environment["Texts__PickupDirectory"] = Path.Combine(workingFolder, "outbox-texts");
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var stdout = process.StandardOutput.ReadToEndAsync(Cancel);
        var stderr = process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        return (process.ExitCode, await stdout + await stderr);
    }
}
