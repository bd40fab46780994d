using Microsoft.AspNetCore.Identity;
using PeerCircle.Data.Accounts;

namespace PeerCircle.Web.Infrastructure.Auth;

public static class ProgramRoles
{
    /// <summary>Creates any of the program's roles the database lacks. Every start and every command runs it.</summary>
    public static async Task EnsureRolesAsync(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var created = await roles.CreateAsync(new IdentityRole(role));
                if (!created.Succeeded && !await roles.RoleExistsAsync(role))
                {
                    throw new InvalidOperationException($"Could not create the {role} role: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
