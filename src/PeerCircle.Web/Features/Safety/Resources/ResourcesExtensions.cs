using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Auth;

namespace PeerCircle.Web.Features.Safety.Resources;

public static class ResourcesExtensions
{
    public static WebApplicationBuilder AddResources(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SaveResource>();
        builder.Services.AddScoped<ImportResources>();
        builder.Services.AddScoped<ResourceFinder>();
        builder.Services.AddScoped<ReferralCoach>();
        return builder;
    }

    public static Task SeedStarterResourcesAsync(this WebApplication app) => StarterDirectory.LoadIfEmptyAsync(app.Services);

    /// <summary>The directory as Open Referral HSDS files, for coordinators.</summary>
    public static WebApplication MapResources(this WebApplication app)
    {
        app.MapGet("/coordinator/resources/export/hsds-csv.zip", async (PeerCircleDb db, AuditTrail audit, CancellationToken cancellationToken) =>
        {
            var resources = await AllAsync(db, cancellationToken);
            audit.StageChange(AuditActions.ResourcesExported, "Resource", "directory", $"HSDS CSV; {resources.Count} resources");
            await db.SaveChangesAsync(cancellationToken);
            return Results.File(Hsds.ToCsvZip(resources), "application/zip", "peercircle-resources-hsds-csv.zip");
        }).RequireAuthorization(Policies.Coordinator);
        app.MapGet("/coordinator/resources/export/hsds.json", async (PeerCircleDb db, AuditTrail audit, CancellationToken cancellationToken) =>
        {
            var resources = await AllAsync(db, cancellationToken);
            audit.StageChange(AuditActions.ResourcesExported, "Resource", "directory", $"HSDS JSON; {resources.Count} resources");
            await db.SaveChangesAsync(cancellationToken);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(Hsds.ToJson(resources)), "application/json", "peercircle-resources-hsds.json");
        }).RequireAuthorization(Policies.Coordinator);
        return app;
    }

    private static async Task<List<Data.Safety.Resource>> AllAsync(PeerCircleDb db, CancellationToken cancellationToken) =>
        (await db.Resources.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(r => r.Category).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
}
