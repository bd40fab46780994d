using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Accounts;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Web.Features.Safety.Cases;

/// <summary>
/// The minute-by-minute safety work: overdue cases re-alert their clinicians and go to the coordinators, then every
/// alert not yet e-mailed is sent (one message per person, with no member details), failed ones retried with backoff.
/// </summary>
public sealed partial class CaseSweep(
    PeerCircleDb db, AuditTrail audit, TimeProvider time, IOptions<CaseOptions> options, EmailSender email,
    AccountLinks links, IStringLocalizer<SharedResource> text, CaseBoard board, ILogger<CaseSweep> log)
{
    /// <summary>Longest wait between tries of one e-mail.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    private readonly CaseOptions _options = options.Value;

    public sealed record Result(int Overdue, int Escalated, int Sent, int Failed);

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var (overdue, escalated) = await SweepOverdueAsync(ct);
        var (sent, failed) = await SendAlertsAsync(ct);
        if (overdue > 0 || escalated > 0)
        {
            board.Publish();
        }
        return new Result(overdue, escalated, sent, failed);
    }

    /// <summary>
    /// An unacknowledged case past its due time re-alerts its clinician(s) at most once per due interval (counted from
    /// the last alert), and the first time it goes to every coordinator.
    /// </summary>
    public async Task<(int Overdue, int Escalated)> SweepOverdueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var late = await db.EscalationCases
            .Where(c => c.Status == CaseStatus.Open && c.DueAtUtc <= now)
            .OrderBy(c => c.DueAtUtc)
            .ToListAsync(ct);
        int overdue = 0, escalated = 0;
        List<string>? coordinators = null;
        foreach (var @case in late)
        {
            var changed = false;
            if (@case.LastAlertAtUtc is not { } last || _options.DueAt(@case.Priority, last) <= now)
            {
                foreach (var recipient in await CaseRecipients.ForCaseAsync(db, @case, now, ct))
                {
                    db.SafetyAlerts.Add(new SafetyAlert { CaseId = @case.Id, RecipientId = recipient, Kind = AlertKind.Overdue, CreatedAtUtc = now });
                }
                @case.LastAlertAtUtc = now;
                audit.StageChange(AuditActions.SafetyCaseOverdue, "EscalationCase", @case.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Due {@case.DueAtUtc:u}; clinicians alerted again.");
                overdue++;
                changed = true;
            }
            if (@case.EscalatedAtUtc is null)
            {
                coordinators ??= await CaseRecipients.InRoleAsync(db, Roles.Coordinator, ct);
                foreach (var coordinator in coordinators)
                {
                    db.SafetyAlerts.Add(new SafetyAlert { CaseId = @case.Id, RecipientId = coordinator, Kind = AlertKind.EscalatedToCoordinator, CreatedAtUtc = now });
                }
                @case.EscalatedAtUtc = now;
                audit.StageChange(AuditActions.SafetyCaseEscalated, "EscalationCase", @case.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Not acknowledged by {@case.DueAtUtc:u}; {coordinators.Count} coordinators alerted.");
                escalated++;
                changed = true;
            }
            if (changed)
            {
                @case.Version++;
            }
        }
        if (overdue > 0 || escalated > 0)
        {
            await db.SaveChangesAsync(ct);
        }
        return (overdue, escalated);
    }

    /// <summary>When the try after <paramref name="attempts"/> failed tries may go: 1, 2, 4… minutes apart, at most an hour.</summary>
    public static DateTime NextTryAt(DateTime createdAtUtc, int attempts)
    {
        var at = createdAtUtc;
        for (var i = 0; i < attempts; i++)
        {
            var wait = TimeSpan.FromMinutes(Math.Pow(2, Math.Min(i, 10)));
            at += wait < MaxBackoff ? wait : MaxBackoff;
        }
        return at;
    }

    public async Task<(int Sent, int Failed)> SendAlertsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var unsent = await db.SafetyAlerts.Where(a => a.EmailSentAtUtc == null).OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id).ToListAsync(ct);
        var due = unsent.Where(a => NextTryAt(a.CreatedAtUtc, a.EmailAttempts) <= now).ToList();
        if (due.Count == 0)
        {
            return (0, 0);
        }
        var recipientIds = due.Select(a => a.RecipientId).Distinct().ToList();
        var addresses = await db.Users.AsNoTracking().Where(u => recipientIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, ct);
        int sent = 0, failed = 0;
        foreach (var alert in due)
        {
            alert.EmailAttempts++;
            if (!addresses.TryGetValue(alert.RecipientId, out var person) || string.IsNullOrWhiteSpace(person.Email))
            {
                alert.LastError = "The recipient has no e-mail address.";
                failed++;
            }
            else
            {
                var (subject, body) = Compose(alert, person.DisplayName);
                try
                {
                    await email.SendAsync(person.Email, subject, body, ct);
                    alert.EmailSentAtUtc = time.GetUtcNow().UtcDateTime;
                    alert.LastError = null;
                    sent++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var error = $"{ex.GetType().Name}: {ex.Message}";
                    alert.LastError = error.Length > 500 ? error[..500] : error;
                    LogSendFailed(log, alert.Id, alert.EmailAttempts, ex);
                    failed++;
                }
            }
            // Saved one by one, so a crash mid-way never sends a message twice.
            await db.SaveChangesAsync(ct);
        }
        return (sent, failed);
    }

    /// <summary>Says only that a case needs attention, with a link: no member details, no words they wrote.</summary>
    private (string Subject, string Body) Compose(SafetyAlert alert, string name)
    {
        var (subject, line, path) = alert.Kind switch
        {
            AlertKind.NewCase => (text["A safety case needs your attention"].Value,
                text["A member may need clinical follow-up. Please open the case in PeerCircle and acknowledge it."].Value, $"/clinician/cases/{alert.CaseId}"),
            AlertKind.Overdue => (text["A safety case is overdue"].Value,
                text["A safety case has not been acknowledged by its due time. Please open it in PeerCircle now."].Value, $"/clinician/cases/{alert.CaseId}"),
            AlertKind.EscalatedToCoordinator => (text["An overdue safety case needs a coordinator"].Value,
                text["A safety case has not been acknowledged by a clinician in time. Please make sure someone follows it up."].Value, "/coordinator/safety"),
            _ => (text["A clinician has followed up"].Value,
                text["A clinician has followed up on a concern you raised. Thank you for speaking up."].Value, "/facilitator"),
        };
        var body = $"{text["Hello {0},", name]}\n\n{line}\n\n{links.To(path)}\n\n{text["Sign in to see the details. For privacy, this e-mail does not include them."]}\n\nPeerCircle";
        return (subject, body);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Safety alert {AlertId} e-mail failed (try {Attempts}); it will be tried again.")]
    private static partial void LogSendFailed(ILogger logger, long alertId, int attempts, Exception exception);
}

/// <summary>Runs <see cref="CaseSweep"/> every minute.</summary>
public sealed partial class CaseSweepService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<CaseOptions> options, ILogger<CaseSweepService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.BackgroundSweep)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CaseSweep>().RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(log, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The safety sweep failed; it will run again in a minute.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
