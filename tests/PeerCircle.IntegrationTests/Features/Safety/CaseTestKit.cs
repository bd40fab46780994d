using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerCircle.Data;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Safety.Cases;

namespace PeerCircle.IntegrationTests.Features.Safety;

/// <summary>Staging signals and running the safety sweep directly, as the features and the background service do.</summary>
internal static class CaseTestKit
{
    public static WebApplicationFactory<Program> WithClock(PeerCircleAppFactory app, FakeTimeProvider clock) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

    /// <summary>Stages one signal and saves, as a feature's handler would; returns the member's open case id.</summary>
    public static async Task<long> SignalAsync(IServiceProvider services, string memberId, CasePriority priority,
        SignalKind kind = SignalKind.CheckInDistress, string explanation = "Distress 8 of 10", string? raisedById = null, string? excerpt = null,
        CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        await scope.ServiceProvider.GetRequiredService<SafetyNet>().StageAsync(
            new SignalRequest(memberId, kind, priority, "check-in", "1", explanation, Excerpt: excerpt, RaisedById: raisedById), ct);
        await db.SaveChangesAsync(ct);
        return await db.EscalationCases.Where(c => c.MemberId == memberId && c.Status != CaseStatus.Resolved).Select(c => c.Id).SingleAsync(ct);
    }

    public static async Task<CaseSweep.Result> SweepAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseSweep>().RunAsync(ct);
    }

    public static async Task<T> DbAsync<T>(IServiceProvider services, Func<PeerCircleDb, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
    }
}
