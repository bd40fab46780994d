using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Members;

/// <summary>
/// The retention rules promised in the participant consent (content/consent/participant-consent.md):
/// a member's personal details are erased after <see cref="InactiveYears"/> years without a sign-in; consent
/// signatures, withdrawals and acknowledgements of an erased account are purged <see cref="KeepYears"/> years after it
/// was erased, and the empty account row with them. Staff accounts are never erased by this rule.
/// </summary>
public sealed class DataRetention(PeerCircleDb db, MyData data, AuditTrail audit, TimeProvider time)
{
    public const int InactiveYears = 2;
    public const int KeepYears = 7;

    public async Task<(int Erased, int Purged)> ApplyAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var inactiveSince = now.AddYears(-InactiveYears);
        var memberRole = await db.Roles.Where(r => r.Name == Roles.Member).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var staffRoles = db.Roles.Where(r => r.Name != Roles.Member).Select(r => r.Id);
        var erasedIds = db.AuditEvents.Where(e => e.Action == AuditActions.AccountDeleted || e.Action == AuditActions.AccountErasedInactive).Select(e => e.RecordId);
        var inactive = await db.Users
            .Where(u => u.CreatedAtUtc < inactiveSince
                && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == memberRole)
                && !db.UserRoles.Any(r => r.UserId == u.Id && staffRoles.Contains(r.RoleId))
                && !erasedIds.Contains(u.Id)
                && !db.AuditEvents.Any(e => e.ActorUserId == u.Id && e.OccurredAtUtc >= inactiveSince))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        foreach (var userId in inactive)
        {
            await data.EraseAsync(userId, AuditActions.AccountErasedInactive, $"No sign-in for {InactiveYears} years; personal details erased.", cancellationToken);
        }

        var keepUntil = now.AddYears(-KeepYears);
        var expired = await db.AuditEvents
            .Where(e => (e.Action == AuditActions.AccountDeleted || e.Action == AuditActions.AccountErasedInactive) && e.OccurredAtUtc < keepUntil)
            .Select(e => e.RecordId)
            .Distinct()
            .Where(id => db.Users.Any(u => u.Id == id))
            .ToListAsync(cancellationToken);
        foreach (var userId in expired)
        {
            // The change tracker refuses to delete signatures; this is the one sanctioned path, after the retention period.
            await db.ConsentSignatures.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.ConsentWithdrawals.Where(w => w.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);
            audit.StageChange(AuditActions.RetentionPurged, "Member", userId, $"Signatures and account row removed {KeepYears} years after erasure.");
        }
        await db.SaveChangesAsync(cancellationToken);
        return (inactive.Count, expired.Count);
    }
}

/// <summary>Applies <see cref="DataRetention"/> once a day.</summary>
public sealed partial class DataRetentionService(IServiceScopeFactory scopes, TimeProvider time, ILogger<DataRetentionService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (erased, purged) = await scope.ServiceProvider.GetRequiredService<DataRetention>().ApplyAsync(stoppingToken);
                LogApplied(log, erased, purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(log, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: erased {Erased} inactive accounts, purged {Purged} expired records.")]
    private static partial void LogApplied(ILogger logger, int erased, int purged);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the retention rules failed; will try again tomorrow.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
