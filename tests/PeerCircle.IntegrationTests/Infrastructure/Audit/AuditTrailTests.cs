using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Audit;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.IntegrationTests.Infrastructure.Audit;

public class AuditTrailTests(SharedApps apps)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<long> RecordAsync(IServiceProvider services, string recordId)
    {
        await using var scope = services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        await audit.RecordReadAsync(AuditActions.MemberViewed, "member", recordId, "integration test", Cancel);
        return await db.AuditEvents.Where(e => e.RecordId == recordId).Select(e => e.Id).SingleAsync(Cancel);
    }

    [Theory, AllProviders]
    public async Task RecordRead_SavesWhoWhatWhichRecordAndWhen(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var recordId = Guid.NewGuid().ToString("N");

        var id = await RecordAsync(app.Services, recordId);

        await using var scope = app.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().AuditEvents.AsNoTracking().SingleAsync(e => e.Id == id, Cancel);
        Assert.Equal(AuditActions.MemberViewed, saved.Action);
        Assert.Equal("member", saved.RecordType);
        Assert.Equal("system", saved.ActorName);
        Assert.Null(saved.ActorUserId);
        Assert.Equal(DateTimeKind.Utc, saved.OccurredAtUtc.Kind);
        Assert.InRange(saved.OccurredAtUtc, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    [Theory, AllProviders]
    public async Task AuditEvents_CannotBeChanged(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var id = await RecordAsync(app.Services, Guid.NewGuid().ToString("N"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
        var saved = await db.AuditEvents.SingleAsync(e => e.Id == id, Cancel);

        saved.Detail = "rewritten";

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancel));
        await using var fresh = app.Services.CreateAsyncScope();
        var stored = await fresh.ServiceProvider.GetRequiredService<PeerCircleDb>().AuditEvents.AsNoTracking().SingleAsync(e => e.Id == id, Cancel);
        Assert.Equal("integration test", stored.Detail);
    }

    [Theory, AllProviders]
    public async Task AuditEvents_CannotBeDeleted(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var id = await RecordAsync(app.Services, Guid.NewGuid().ToString("N"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();

        db.AuditEvents.Remove(await db.AuditEvents.SingleAsync(e => e.Id == id, Cancel));

        var refused = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancel));
        await using var fresh = app.Services.CreateAsyncScope();
        Assert.True(await fresh.ServiceProvider.GetRequiredService<PeerCircleDb>().AuditEvents.AnyAsync(e => e.Id == id, Cancel));
    }

    [Theory, AllProviders]
    public async Task AuditEvents_DetachedUpdateIsRefusedToo(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var id = await RecordAsync(app.Services, Guid.NewGuid().ToString("N"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();

        db.AuditEvents.Update(new AuditEvent { Id = id, Action = "forged", ActorName = "someone", RecordType = "member", RecordId = "x" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancel));
    }
}
