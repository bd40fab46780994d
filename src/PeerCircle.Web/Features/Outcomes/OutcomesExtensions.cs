using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Web.Features.Outcomes.Instruments;
using PeerCircle.Web.Infrastructure.Auth;

namespace PeerCircle.Web.Features.Outcomes;

/// <summary>Outcome measurement (issue 7): instruments, their schedule and import.</summary>
public static class OutcomesExtensions
{
    public static WebApplicationBuilder AddOutcomes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<InstrumentDefinitionCache>();
        builder.Services.AddScoped<InstrumentCatalog>();
        builder.Services.AddScoped<ImportInstrument>();
        builder.Services.AddScoped<ManageSchedule>();
        return builder;
    }

    /// <summary>Adds the shipped Peer Support Benefits questionnaire and its default schedule when missing.</summary>
    public static Task SeedOutcomesAsync(this WebApplication app) => OutcomesSeed.SeedAsync(app.Services);

    /// <summary>An instrument's two files as stored, for coordinators (no personal data).</summary>
    public static WebApplication MapOutcomes(this WebApplication app)
    {
        app.MapGet("/coordinator/outcomes/instruments/{id:long}/questionnaire.json", async (long id, PeerCircleDb db, CancellationToken cancellationToken) =>
            await db.Instruments.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Key, i.Version, i.QuestionnaireJson }).FirstOrDefaultAsync(cancellationToken) is { } found
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(found.QuestionnaireJson), "application/fhir+json", $"{found.Key}-{found.Version}.questionnaire.json")
                : Results.NotFound())
            .RequireAuthorization(Policies.Coordinator);
        app.MapGet("/coordinator/outcomes/instruments/{id:long}/scoring.json", async (long id, PeerCircleDb db, CancellationToken cancellationToken) =>
            await db.Instruments.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Key, i.Version, i.ScoringJson }).FirstOrDefaultAsync(cancellationToken) is { } found
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(found.ScoringJson), "application/json", $"{found.Key}-{found.Version}.scoring.json")
                : Results.NotFound())
            .RequireAuthorization(Policies.Coordinator);
        return app;
    }
}
