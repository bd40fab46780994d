using System.Security.Claims;
using PeerCircle.Web.Infrastructure.Auth;

namespace PeerCircle.Web.Features.Members;

public static class MembersExtensions
{
    public static WebApplicationBuilder AddMembers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SaveMemberProfile>();
        builder.Services.AddScoped<RecommendGroups>();
        builder.Services.AddScoped<MyData>();
        builder.Services.AddScoped<DataRetention>();
        builder.Services.AddHostedService<DataRetentionService>();
        return builder;
    }

    /// <summary>The member's own data as a JSON download.</summary>
    public static WebApplication MapMemberEndpoints(this WebApplication app)
    {
        app.MapGet("/me/export.json", async (ClaimsPrincipal user, MyData data, CancellationToken cancellationToken) =>
                TypedResults.File(await data.ExportAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken),
                    "application/json", "peercircle-my-data.json"))
            .RequireAuthorization(Policies.Member)
            .ExcludeFromDescription();
        return app;
    }
}
