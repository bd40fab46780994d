using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Accounts;
using PeerCircle.Web.Features.Consent;
using PeerCircle.Web.Features.Members;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Web.Features.Joining;

/// <summary>Something a member must do before they can join, with the page that does it.</summary>
public sealed record JoinStep(string Text, string Path);

public enum JoinResult { NeedsSteps, NotOpen, Joined, Requested, Waitlisted, AlreadyIn }

public sealed record JoinOutcome(JoinResult Result, IReadOnlyList<JoinStep> Steps, int? WaitlistPosition = null, MembershipStatus? Status = null);

/// <summary>
/// A member asks to join a group. They need their intake, the signed consent, the outside-interactions policy read,
/// and (for phone, video and online groups) an emergency contact. Then an open group with a free place takes them at
/// once; a closed group sends the request to its facilitator; a full group, or one with people already waiting,
/// puts them on the waitlist and tells them their place in line.
/// </summary>
public sealed class JoinGroup(
    PeerCircleDb db, MemberConsent consent, GroupPlaces places, AuditTrail audit, EmailSender email, AccountLinks links, TimeProvider time)
{
    public async Task<IReadOnlyList<JoinStep>> StepsAsync(string userId, Group group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var back = Uri.EscapeDataString($"/groups/{group.Slug}");
        var steps = new List<JoinStep>();
        var profile = await db.MemberProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (!SaveMemberProfile.IntakeComplete(profile))
        {
            steps.Add(new JoinStep("Tell us a little about you", $"/me/about?returnUrl={back}"));
        }
        else if (group.MeetsRemotely && profile?.HasEmergencyContact != true)
        {
            steps.Add(new JoinStep("Add an emergency contact (needed for phone, video and online groups)", $"/me/about?returnUrl={back}"));
        }
        if (!await consent.HasSignedCurrentAsync(userId, cancellationToken))
        {
            steps.Add(new JoinStep("Read and sign the consent", $"/consent?returnUrl={back}"));
        }
        if (!await consent.HasAcknowledgedOutsideInteractionsAsync(userId, cancellationToken))
        {
            steps.Add(new JoinStep("Read our guide to contact between members outside meetings", $"/policies/outside-interactions?returnUrl={back}"));
        }
        return steps;
    }

    /// <summary>
    /// People already waiting come first: any free place is offered to them before a newcomer is counted, so the group is
    /// "full" for a newcomer when every place is taken or offered, or someone is still in line.
    /// </summary>
    private async Task<bool> IsFullAsync(Group group, CancellationToken cancellationToken)
    {
        await places.OfferFreePlacesAsync(group.Id, cancellationToken);
        return await places.TakenAsync(group.Id, cancellationToken) >= group.Capacity
            || await places.AnyoneWaitingAsync(group.Id, cancellationToken);
    }

    public async Task<JoinOutcome> HandleAsync(string userId, Guid groupId, ReferralSource? source, CancellationToken cancellationToken)
    {
        var group = await db.Groups.Include(g => g.LeadFacilitator).SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null || group.Status is GroupStatus.Closed or GroupStatus.Paused)
        {
            return new JoinOutcome(JoinResult.NotOpen, []);
        }
        var membership = await db.GroupMemberships.Include(m => m.User)
            .SingleOrDefaultAsync(m => m.GroupId == groupId && m.UserId == userId, cancellationToken);
        if (membership?.Status is MembershipStatus.Accepted or MembershipStatus.Requested or MembershipStatus.Waitlisted
            or MembershipStatus.Offered or MembershipStatus.Paused)
        {
            return new JoinOutcome(JoinResult.AlreadyIn, [], await places.PositionAsync(groupId, userId, cancellationToken), membership.Status);
        }
        var steps = await StepsAsync(userId, group, cancellationToken);
        if (steps.Count > 0)
        {
            return new JoinOutcome(JoinResult.NeedsSteps, steps);
        }

        // Decided before anything is staged: offering free places to people in line saves on its own.
        var full = group.Membership == MembershipPolicy.Open && await IsFullAsync(group, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (membership is null)
        {
            membership = new GroupMembership { GroupId = groupId, UserId = userId, CreatedAtUtc = now };
            db.GroupMemberships.Add(membership);
        }
        membership.ReferralSource = source ?? membership.ReferralSource;
        membership.StatusChangedAtUtc = now;
        membership.DecidedById = null;
        membership.DeclineReason = null;
        membership.OfferExpiresAtUtc = null;

        JoinResult result;
        if (group.Membership == MembershipPolicy.Closed)
        {
            membership.Status = MembershipStatus.Requested;
            result = JoinResult.Requested;
            audit.StageChange(AuditActions.JoinRequested, "Membership", membership.Id.ToString(), group.Name);
        }
        else if (full)
        {
            membership.Status = MembershipStatus.Waitlisted;
            membership.WaitlistedAtUtc = now;
            result = JoinResult.Waitlisted;
            audit.StageChange(AuditActions.Waitlisted, "Membership", membership.Id.ToString(), group.Name);
        }
        else
        {
            membership.Status = MembershipStatus.Accepted;
            result = JoinResult.Joined;
            audit.StageChange(AuditActions.JoinedGroup, "Membership", membership.Id.ToString(), group.Name);
        }
        await db.SaveChangesAsync(cancellationToken);

        var member = membership.User ?? await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        membership.User = member;
        switch (result)
        {
            case JoinResult.Requested:
                if (group.LeadFacilitator?.Email is { Length: > 0 } facilitatorEmail)
                {
                    await email.SendAsync(facilitatorEmail, $"A request to join {group.Name}",
                        $"Hello {group.LeadFacilitator.DisplayName},\n\n{member.DisplayName} would like to join {group.Name}. "
                        + $"Please look at the request, and arrange a short call first if you would like to:\n{links.To($"/facilitator/groups/{group.Id}/requests")}\n\nPeerCircle",
                        cancellationToken);
                }
                await places.NotifyAsync(membership, $"Your request to join {group.Name}",
                    $"Thank you for asking to join {group.Name}. The facilitator will get back to you soon, sometimes after a short phone call to make sure the group is a good fit.",
                    cancellationToken);
                break;
            case JoinResult.Joined:
                await places.NotifyAsync(membership, $"Welcome to {group.Name}",
                    $"You are now a member of {group.Name}. You can see when and where the group meets, and read the group's comfort agreement, here:\n{links.To("/me")}",
                    cancellationToken);
                break;
            default:
                break;
        }
        return new JoinOutcome(result, [], await places.PositionAsync(groupId, userId, cancellationToken), membership.Status);
    }
}
