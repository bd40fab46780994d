using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Members;
using PeerCircle.Data.Outcomes;
using PeerCircle.Web.Features.Outcomes.Surveys;

namespace PeerCircle.IntegrationTests.Features.Outcomes.Surveys;

/// <summary>Instruments and schedule points made by hand, and the survey sweep run directly as the background service does.</summary>
internal static class SurveyTestKit
{
    /// <summary>Adds an active instrument with the given schedule points; returns its id.</summary>
    public static Task<long> AddInstrumentAsync(IServiceProvider services, string key, int[] days, CancellationToken ct) =>
        AddInstrumentAsync(services, key, "1", days, ct);

    /// <summary>Adds an active instrument of this key and version with the given schedule points; returns its id.</summary>
    public static async Task<long> AddInstrumentAsync(IServiceProvider services, string key, string version, int[] days, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var instrument = new Instrument
        {
            Key = key, Version = version, Title = "Test survey " + key, QuestionnaireJson = "{}", ScoringJson = "{}",
            Origin = InstrumentOrigin.Imported, Active = true, CreatedAtUtc = DateTime.UtcNow,
        };
        db.Instruments.Add(instrument);
        await db.SaveChangesAsync(ct);
        foreach (var day in days)
        {
            db.SurveySchedulePoints.Add(new SurveySchedulePoint
            {
                InstrumentId = instrument.Id, DaysAfterJoining = day, Label = day == 0 ? "Baseline" : $"{day} days", Active = true, CreatedAtUtc = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync(ct);
        return instrument.Id;
    }

    public static async Task<SurveyScheduler.Result> SweepAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyScheduler>().RunAsync(ct);
    }

    public static async Task<List<SurveyResponse>> ResponsesAsync(IServiceProvider services, string memberId, long instrumentId, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().SurveyResponses.AsNoTracking()
            .Where(r => r.MemberId == memberId && r.InstrumentId == instrumentId)
            .OrderBy(r => r.DaysAfterJoining)
            .ToListAsync(ct);
    }

    /// <summary>Changes a member's profile, making one when they have none.</summary>
    public static Task<int> ChangeProfileAsync(IServiceProvider services, string memberId, Action<MemberProfile> change, CancellationToken ct) =>
        DbAsync(services, async db =>
        {
            var profile = await db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == memberId, ct);
            if (profile is null)
            {
                profile = new MemberProfile { UserId = memberId };
                db.MemberProfiles.Add(profile);
            }
            change(profile);
            return await db.SaveChangesAsync(ct);
        });

    public static async Task<T> DbAsync<T>(IServiceProvider services, Func<PeerCircleDb, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }
}
