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

    [Theory, AllProviders]
    public async Task ANewShippedVersion_TakesOverTheScheduleAsACoordinatorLeftIt_AndTheEarlierVersionStays(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        // The database holds an earlier version whose schedule a coordinator changed: no 3-month point, a 4-month one.
        long earlierId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var earlier = await db.Instruments.SingleAsync(i => i.Key == InstrumentCatalog.PeerSupportBenefitsKey, Cancel);
            earlier.Version = "1";
            earlierId = earlier.Id;
            var threeMonths = await db.SurveySchedulePoints.SingleAsync(p => p.InstrumentId == earlier.Id && p.DaysAfterJoining == 91, Cancel);
            threeMonths.Active = false;
            db.SurveySchedulePoints.Add(new SurveySchedulePoint
            {
                InstrumentId = earlier.Id, DaysAfterJoining = 120, Label = "4 months", Active = true, CreatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(Cancel);
        }

        await OutcomesSeed.SeedAsync(app.Services, Cancel);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            var versions = await db.Instruments.AsNoTracking().Where(i => i.Key == InstrumentCatalog.PeerSupportBenefitsKey)
                .OrderBy(i => i.Id).Select(i => new { i.Id, i.Version, i.Active }).ToListAsync(Cancel);
            Assert.Equal([("1", true), ("2", true)], versions.Select(v => (v.Version, v.Active)));
            var points = await db.SurveySchedulePoints.AsNoTracking().Where(p => p.InstrumentId == versions[1].Id)
                .OrderBy(p => p.DaysAfterJoining).Select(p => new { p.DaysAfterJoining, p.Label, p.Active }).ToListAsync(Cancel);
            Assert.Equal([(0, "Baseline"), (56, "8 weeks"), (120, "4 months"), (182, "6 months")], points.Select(p => (p.DaysAfterJoining, p.Label)));
            Assert.All(points, p => Assert.True(p.Active));
            var audited = await db.AuditEvents.AsNoTracking()
                .Where(a => a.Action == "outcomes.schedule-point-added" && a.RecordId == "peer-support-benefits 2")
                .Select(a => a.Detail).ToListAsync(Cancel);
            Assert.Contains(audited, d => d == "schedule of version 1 carried over: days 0, 56, 120, 182");
            // Members starting now get the new version; the catalog's program instrument is the new version.
            var definition = await scope.ServiceProvider.GetRequiredService<InstrumentCatalog>().PeerSupportBenefitsAsync(Cancel);
            Assert.Equal((versions[1].Id, "2"), (definition.Id, definition.Version));
            Assert.NotEqual(earlierId, definition.Id);
        }

        // Starting again adds nothing twice.
        await OutcomesSeed.SeedAsync(app.Services, Cancel);
        var counts = await SurveyCountsAsync(app);
        Assert.Equal((2, 9), counts);
    }

    private static async Task<(int Instruments, int Points)> SurveyCountsAsync(PeerCircleAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        return (await db.Instruments.CountAsync(Cancel), await db.SurveySchedulePoints.CountAsync(Cancel));
    }
}
