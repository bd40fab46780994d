using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.Data;
using PeerCircle.Data.Safety;

namespace PeerCircle.IntegrationTests.Features.Safety;

/// <summary>Coordinators see how quickly cases were acknowledged and resolved, by month and priority.</summary>
public class ResponseTimeReportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory, AllProviders]
    public async Task TheReport_CountsCasesAndSharesOnTime_ByMonthAndPriority(DatabaseProvider provider)
    {
        await using var app = await PeerCircleAppFactory.StartAsync(provider, Cancel);
        var members = new List<string>();
        for (var i = 6; i <= 10; i++)
        {
            members.Add(await app.UserIdAsync($"member{i}@demo.local", Cancel));
        }
        // Mid-month, three months ago, at noon Eastern time.
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Eastern);
        var monthStart = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-3);
        var opened = TimeZoneInfo.ConvertTimeToUtc(monthStart.AddDays(14).AddHours(12), Eastern);
        var longAgo = opened.AddMonths(-13);

        EscalationCase Case(int member, CasePriority priority, DateTime openedAt, TimeSpan due, TimeSpan? acknowledged, TimeSpan? resolved) => new()
        {
            MemberId = members[member], Priority = priority,
            Status = resolved is not null ? CaseStatus.Resolved : acknowledged is not null ? CaseStatus.Acknowledged : CaseStatus.Open,
            OpenedAtUtc = openedAt, DueAtUtc = openedAt + due,
            AcknowledgedAtUtc = openedAt + acknowledged, ResolvedAtUtc = openedAt + resolved,
            Outcome = resolved is not null ? CaseOutcome.ConnectedToCounseling : null,
        };

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PeerCircleDb>();
            await db.EscalationCases.ExecuteDeleteAsync(Cancel);
            var hour = TimeSpan.FromHours(1);
            db.EscalationCases.AddRange(
                // Urgent: on time both ways; late both ways; acknowledged on time but never resolved.
                Case(0, CasePriority.Urgent, opened, hour, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(90)),
                Case(1, CasePriority.Urgent, opened, hour, TimeSpan.FromHours(2), TimeSpan.FromHours(3)),
                Case(2, CasePriority.Urgent, opened, hour, TimeSpan.FromMinutes(45), null),
                // Routine: three days to acknowledge, acknowledged after one and resolved after two.
                Case(3, CasePriority.Routine, opened, TimeSpan.FromDays(3), TimeSpan.FromDays(1), TimeSpan.FromDays(2)),
                // More than a year ago: not in the report.
                Case(4, CasePriority.Priority, longAgo, TimeSpan.FromDays(1), TimeSpan.FromHours(1), TimeSpan.FromHours(2)));
            await db.SaveChangesAsync(Cancel);
        }

        using var coordinator = app.CreateClientWithCookies();
        await app.SignInAsync(coordinator, PeerCircleAppFactory.CoordinatorEmail, totp: true, Cancel);
        var home = await coordinator.GetStringAsync("/coordinator", Cancel);
        Assert.Contains("/coordinator/safety/response-times", home, StringComparison.Ordinal);
        Assert.Contains("/coordinator/on-call", home, StringComparison.Ordinal);
        var html = await coordinator.GetStringAsync("/coordinator/safety/response-times", Cancel);
        var page = PeerCircleAppFactory.VisibleTextOf(html);

        var month = monthStart.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        Assert.Contains(
            $"{month} Priority Cases Acknowledged on time Resolved on time Median time to acknowledge "
            + "Urgent 3 67% of 3 33% of 3 45 min Priority 0 — — — Routine 1 100% of 1 100% of 1 1 d",
            page, StringComparison.Ordinal);
        Assert.Equal(12, CountOf(html, "<caption>"));
        Assert.Contains("<th scope=\"row\">Urgent</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(TimeZoneInfo.ConvertTimeFromUtc(longAgo, Eastern).ToString("MMMM yyyy", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        Assert.Contains("resolved by its due time plus the same time again", page, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
