using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Consent;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Joining;

public enum MembershipChange { AcceptOffer, DeclineOffer, Leave, Pause, Resume }

/// <summary>
/// What a member can do with their own place: take up or turn down an offered place, pause, come back, or leave.
/// Leaving or turning down a place offers it to the next person waiting.
/// </summary>
public sealed class ChangeMyMembership(
    PeerCircleDb db, GroupPlaces places, MemberConsent consent, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    /// <summary>Null when done; otherwise a sentence saying why not.</summary>
    public async Task<string?> HandleAsync(string userId, Guid groupId, MembershipChange change, CancellationToken cancellationToken)
    {
        var membership = await db.GroupMemberships.Include(m => m.Group)
            .SingleOrDefaultAsync(m => m.GroupId == groupId && m.UserId == userId, cancellationToken);
        if (membership?.Group is null)
        {
            return text["You are not part of that group."];
        }
        var now = time.GetUtcNow().UtcDateTime;
        var freesPlace = false;
        string action;
        switch (change)
        {
            case MembershipChange.AcceptOffer when membership.Status == MembershipStatus.Offered:
                if (membership.OfferExpiresAtUtc <= now)
                {
                    await places.OfferFreePlacesAsync(groupId, cancellationToken);
                    return text["Sorry, the time to take up this place has passed, so it went to the next person. You are still on the waitlist."];
                }
                if (!await consent.HasSignedCurrentAsync(userId, cancellationToken))
                {
                    return text["Please read and sign the consent first, then take up your place."];
                }
                membership.Status = MembershipStatus.Accepted;
                action = AuditActions.OfferAnswered;
                break;
            case MembershipChange.DeclineOffer when membership.Status == MembershipStatus.Offered:
                membership.Status = MembershipStatus.Left;
                freesPlace = true;
                action = AuditActions.OfferAnswered;
                break;
            case MembershipChange.Leave when membership.Status is not (MembershipStatus.Left or MembershipStatus.Declined):
                freesPlace = membership.Status is MembershipStatus.Accepted or MembershipStatus.Paused or MembershipStatus.Offered;
                membership.Status = MembershipStatus.Left;
                membership.ShareNameOnContactSheet = false;
                membership.ShareEmailOnContactSheet = false;
                membership.SharePhoneOnContactSheet = false;
                action = AuditActions.LeftGroup;
                break;
            case MembershipChange.Pause when membership.Status == MembershipStatus.Accepted:
                membership.Status = MembershipStatus.Paused;
                action = AuditActions.MembershipPaused;
                break;
            case MembershipChange.Resume when membership.Status == MembershipStatus.Paused:
                if (!await consent.HasSignedCurrentAsync(userId, cancellationToken))
                {
                    return text["Please read and sign the consent first, then come back to your group."];
                }
                membership.Status = MembershipStatus.Accepted;
                action = AuditActions.MembershipResumed;
                break;
            default:
                return text["That change is not possible right now. Please reload the page to see where things stand."];
        }
        membership.OfferExpiresAtUtc = null;
        membership.StatusChangedAtUtc = now;
        audit.StageChange(action, "Membership", membership.Id.ToString(), $"{membership.Group.Name}: {change}");
        await db.SaveChangesAsync(cancellationToken);
        if (freesPlace)
        {
            await places.OfferFreePlacesAsync(groupId, cancellationToken);
        }
        return null;
    }
}
