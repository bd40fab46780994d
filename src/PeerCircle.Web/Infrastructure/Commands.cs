using PeerCircle.Data.Accounts;
using PeerCircle.Web.Features.Accounts;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Auth;
using PeerCircle.Web.Infrastructure.Database;

namespace PeerCircle.Web.Infrastructure;

/// <summary>
/// Command-line verbs: <c>dotnet run --project src/PeerCircle.Web -- create-coordinator --email X</c>. (<c>risk-check</c>
/// needs no host and runs from Program.cs before the host is built: see <c>RiskCheckCommand</c>.)
/// </summary>
public static class Commands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }
        switch (args[0])
        {
            case "create-coordinator":
                Environment.ExitCode = await CreateCoordinatorAsync(app, args);
                return true;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Known commands: create-coordinator, risk-check.");
                Environment.ExitCode = 2;
                return true;
        }
    }

    private static async Task<int> CreateCoordinatorAsync(WebApplication app, string[] args)
    {
        var email = ValueOf(args, "--email");
        var name = ValueOf(args, "--name") ?? "Program Coordinator";
        if (email is null)
        {
            await Console.Error.WriteLineAsync("Usage: create-coordinator --email person@example.org [--name \"Full Name\"]");
            return 2;
        }
        await app.Services.MigrateDatabaseAsync();
        await app.Services.EnsureRolesAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var invite = scope.ServiceProvider.GetRequiredService<InviteStaff>();
        var result = await invite.HandleAsync(
            new StaffInvitationForm { Email = email, FullName = name, Roles = [Roles.Coordinator] },
            AuditActions.CoordinatorCreated, CancellationToken.None);
        if (result.Errors.Count > 0)
        {
            foreach (var message in result.Errors.SelectMany(e => e.Value))
            {
                await Console.Error.WriteLineAsync(message);
            }
            return 1;
        }
        if (result.SetPasswordLink is null)
        {
            Console.WriteLine($"{email} already had a password and is now a coordinator. They can sign in as usual.");
            return 0;
        }
        Console.WriteLine($"Coordinator {email} created.");
        Console.WriteLine("Open this one-time link to choose a password (valid for 3 days):");
        Console.WriteLine(result.SetPasswordLink);
        Console.WriteLine("After the password, PeerCircle will ask you to set up an authenticator app.");
        return 0;
    }

    private static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
