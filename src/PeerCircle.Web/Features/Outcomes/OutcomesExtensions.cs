using PeerCircle.Web.Features.Outcomes.Instruments;

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

    public static WebApplication MapOutcomes(this WebApplication app) => app;
}
