using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Accounts;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Web.Features.Joining;

public sealed class JoiningOptions
{
    /// <summary>How long a member has to take up a place offered from the waitlist.</summary>
    public int OfferHours { get; set; } = 72;
}

/// <summary>
/// Who holds a place in a group, and the waitlist behind it. A place is held by members who are in the group,
/// paused, or have a place offered to them. When a place frees up, the person who has waited longest is offered it
/// for <see cref="JoiningOptions.OfferHours"/>; an offer that lapses moves them to the back of the line.
/// </summary>
public sealed class GroupPlaces(
    PeerCircleDb db, EmailSender email, AccountLinks links, AuditTrail audit, IOptions<JoiningOptions> options, TimeProvider time)
{
    public static readonly MembershipStatus[] HoldingPlace = [MembershipStatus.Accepted, MembershipStatus.Paused, MembershipStatus.Offered];

    public async Task<int> TakenAsync(Guid groupId, CancellationToken cancellationToken) =>
        await db.GroupMemberships.CountAsync(m => m.GroupId == groupId && HoldingPlace.Contains(m.Status), cancellationToken);

    /// <summary>True when someone is in line without an offer yet.</summary>
    public async Task<bool> AnyoneWaitingAsync(Guid groupId, CancellationToken cancellationToken) =>
        await db.GroupMemberships.AnyAsync(m => m.GroupId == groupId && m.Status == MembershipStatus.Waitlisted, cancellationToken);

    /// <summary>1 for the next person in line; null when the member is not waiting.</summary>
    public async Task<int?> PositionAsync(Guid groupId, string userId, CancellationToken cancellationToken)
    {
        var mine = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.UserId == userId && m.Status == MembershipStatus.Waitlisted)
            .Select(m => m.WaitlistedAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (mine is null)
        {
            return null;
        }
        return 1 + await db.GroupMemberships.CountAsync(
            m => m.GroupId == groupId && m.Status == MembershipStatus.Waitlisted && m.WaitlistedAtUtc < mine, cancellationToken);
    }

    /// <summary>
    /// Moves lapsed offers to the back of the line, then offers every free place to the next person waiting, e-mailing
    /// each one. Saves its changes. Returns how many places were offered.
    /// </summary>
    public async Task<int> OfferFreePlacesAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null || group.Status is GroupStatus.Closed or GroupStatus.Paused)
        {
            return 0;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var lapsed = await db.GroupMemberships.Include(m => m.User)
            .Where(m => m.GroupId == groupId && m.Status == MembershipStatus.Offered && m.OfferExpiresAtUtc <= now)
            .ToListAsync(cancellationToken);
        foreach (var offer in lapsed)
        {
            offer.Status = MembershipStatus.Waitlisted;
            offer.WaitlistedAtUtc = now;
            offer.OfferExpiresAtUtc = null;
            offer.StatusChangedAtUtc = now;
            audit.StageChange(AuditActions.PlaceOfferLapsed, "Membership", offer.Id.ToString(), group.Name);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var offer in lapsed)
        {
            await NotifyAsync(offer, $"Your place in {group.Name}",
                $"The place we offered you in {group.Name} was not taken up in time, so it has gone to the next person. "
                + "You are still on the waitlist, and we will write again when another place opens.", cancellationToken);
        }

        var free = group.Capacity - await TakenAsync(groupId, cancellationToken);
        var offered = 0;
        while (free > 0)
        {
            var next = await db.GroupMemberships.Include(m => m.User)
                .Where(m => m.GroupId == groupId && m.Status == MembershipStatus.Waitlisted)
                .OrderBy(m => m.WaitlistedAtUtc)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                break;
            }
            next.Status = MembershipStatus.Offered;
            next.OfferExpiresAtUtc = now.AddHours(options.Value.OfferHours);
            next.StatusChangedAtUtc = now;
            audit.StageChange(AuditActions.PlaceOffered, "Membership", next.Id.ToString(), group.Name);
            await db.SaveChangesAsync(cancellationToken);
            await NotifyAsync(next, $"A place is open for you in {group.Name}",
                $"Good news: a place has opened in {group.Name}, and it is yours if you would like it. "
                + string.Create(CultureInfo.InvariantCulture, $"Please say yes or no within {options.Value.OfferHours} hours on your PeerCircle page:\n{links.To("/me")}\n\n")
                + "If the time does not suit you any more, that is fine. Just choose “No, thank you” and the place goes to the next person.", cancellationToken);
            offered++;
            free--;
        }
        return offered;
    }

    /// <summary>Offers free places in every group that has people waiting; run by <see cref="PlaceOfferService"/>.</summary>
    public async Task<int> OfferFreePlacesEverywhereAsync(CancellationToken cancellationToken)
    {
        var groups = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.Status == MembershipStatus.Waitlisted || m.Status == MembershipStatus.Offered)
            .Select(m => m.GroupId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var offered = 0;
        foreach (var groupId in groups)
        {
            offered += await OfferFreePlacesAsync(groupId, cancellationToken);
        }
        return offered;
    }

    /// <summary>One e-mail to one member, only when they allow e-mail.</summary>
    public async Task NotifyAsync(GroupMembership membership, string subject, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var mayEmail = await db.MemberProfiles.Where(p => p.UserId == membership.UserId).Select(p => (bool?)p.MayEmail).FirstOrDefaultAsync(cancellationToken) ?? true;
        if (!mayEmail || membership.User?.Email is not { Length: > 0 } address)
        {
            return;
        }
        await email.SendAsync(address, subject, $"Hello {membership.User.DisplayName},\n\n{body}\n\nWith warm wishes,\nPeerCircle", cancellationToken);
    }
}

/// <summary>Every few minutes, hands lapsed offers on and offers free places, so nobody waits on a page load.</summary>
public sealed partial class PlaceOfferService(IServiceScopeFactory scopes, TimeProvider time, ILogger<PlaceOfferService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<GroupPlaces>().OfferFreePlacesEverywhereAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(log, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Offering waitlist places failed; will try again at the next tick.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
