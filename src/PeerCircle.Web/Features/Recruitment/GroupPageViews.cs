using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;

namespace PeerCircle.Web.Features.Recruitment;

/// <summary>
/// Counts a look at a group's public page, with where the visitor came from when their link said so. Nothing about
/// the visitor is kept. The group's own staff and search-engine robots are not counted.
/// </summary>
public sealed class GroupPageViews(PeerCircleDb db, TimeProvider time, ILogger<GroupPageViews> logger)
{
    private static readonly string[] RobotWords = ["bot", "spider", "crawl"];

    public async Task RecordAsync(Group group, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(http);
        if (!ShouldCount(group, http))
        {
            return;
        }
        var view = new GroupPageView
        {
            GroupId = group.Id,
            ViewedAtUtc = time.GetUtcNow().UtcDateTime,
            Source = http.Request.Query.TryGetValue("ref", out var source) && source.Count == 1 ? ReferralSources.Parse(source[0]) : null,
        };
        db.GroupPageViews.Add(view);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // A lost count must never keep someone from reading about a group.
            db.Entry(view).State = EntityState.Detached;
            logger.LogWarning(ex, "Could not count a view of group {GroupId}", group.Id);
        }
    }

    /// <summary>
    /// Only first looks by real visitors count: not the group's facilitators or coordinators, not robots, not the
    /// page asking again to show times in another zone.
    /// </summary>
    public static bool ShouldCount(Group group, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(http);
        if (!HttpMethods.IsGet(http.Request.Method) || http.Request.Query.ContainsKey("tz"))
        {
            return false;
        }
        var agent = http.Request.Headers.UserAgent.ToString();
        if (RobotWords.Any(word => agent.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return !(user.IsInRole(Roles.Coordinator) || (userId is not null && (group.LeadFacilitatorId == userId || group.CoFacilitatorId == userId)));
    }
}
