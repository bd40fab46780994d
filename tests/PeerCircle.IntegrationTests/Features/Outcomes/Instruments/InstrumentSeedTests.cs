using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Features.Outcomes.Instruments;

namespace PeerCircle.IntegrationTests.Features.Outcomes.Instruments;

/// <summary>The Peer Support Benefits questionnaire and its default schedule are there after start-up.</summary>
public class InstrumentSeedTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, AllProviders]
    public async Task AfterStart_PeerSupportBenefits_IsThere_WithBaselineAndThreeFollowUps(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var instrument = await db.Instruments.AsNoTracking().SingleAsync(i => i.Key == InstrumentCatalog.PeerSupportBenefitsKey, Cancel);
        Assert.Equal(InstrumentOrigin.ProgramAuthored, instrument.Origin);
        Assert.True(instrument.Active);
        Assert.Equal("Peer Support Benefits", instrument.Title);
        var points = await db.SurveySchedulePoints.AsNoTracking().Where(p => p.InstrumentId == instrument.Id)
            .OrderBy(p => p.DaysAfterJoining).Select(p => new { p.DaysAfterJoining, p.Label, p.Active }).ToListAsync(Cancel);
        Assert.Equal([(0, "Baseline"), (56, "8 weeks"), (91, "3 months"), (182, "6 months")], points.Select(p => (p.DaysAfterJoining, p.Label)));
        Assert.All(points, p => Assert.True(p.Active));

        var catalog = scope.ServiceProvider.GetRequiredService<InstrumentCatalog>();
        var definition = await catalog.PeerSupportBenefitsAsync(Cancel);
        Assert.Equal(instrument.Id, definition.Id);
        Assert.Same(definition, await catalog.GetAsync(instrument.Id, Cancel));
        Assert.Null(await catalog.GetAsync(instrument.Id + 1000, Cancel));

        // Starting again adds nothing twice.
        await OutcomesSeed.SeedAsync(app.Services, Cancel);
        Assert.Equal(1, await db.Instruments.CountAsync(Cancel));
        Assert.Equal(4, await db.SurveySchedulePoints.CountAsync(Cancel));
    }
}
