using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Members;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Web.Features.Consent;

/// <summary>A member taking back their consent, as posted: they must tick that they understand what happens.</summary>
public sealed class WithdrawConsentForm
{
    public string? Confirm { get; set; }
}

public sealed record WithdrawConsentResult(bool Withdrawn, int GroupsLeft, string? Problem);

/// <summary>
/// The member withdraws their consent. Their participation ends at once: every group they belong to, wait for or
/// were offered is left, in the same save as the withdrawal. The lead facilitator of each group they were in gets one
/// short message with only the member's group name. The signature itself stays on record.
/// </summary>
public sealed partial class WithdrawConsent(
    PeerCircleDb db, MemberConsent consent, PeerCircle.Web.Features.Joining.GroupPlaces places, AuditTrail audit, EmailSender email, TimeProvider time,
    IStringLocalizer<SharedResource> text, ILogger<WithdrawConsent> log)
{
    public async Task<WithdrawConsentResult> HandleAsync(string userId, WithdrawConsentForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var standing = await consent.StandingAsync(userId, cancellationToken);
        if (standing.SignedVersion is not { } version || standing.Withdrawn)
        {
            return new WithdrawConsentResult(false, 0, text["You have not signed the consent, so there is nothing to withdraw."]);
        }
        if (form.Confirm != "true")
        {
            return new WithdrawConsentResult(false, 0, text["Please tick the box to confirm that you want to withdraw your consent and leave your groups."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var memberships = await db.GroupMemberships
            .Include(m => m.Group).ThenInclude(g => g!.LeadFacilitator)
            .Where(m => m.UserId == userId && (m.Status == MembershipStatus.Accepted || m.Status == MembershipStatus.Requested
                || m.Status == MembershipStatus.Waitlisted || m.Status == MembershipStatus.Offered || m.Status == MembershipStatus.Paused))
            .ToListAsync(cancellationToken);
        var groupsTheyWereIn = memberships.Where(m => m.Status == MembershipStatus.Accepted).Select(m => m.Group!).ToList();
        var freedPlaces = memberships.Where(m => PeerCircle.Web.Features.Joining.GroupPlaces.HoldingPlace.Contains(m.Status)).Select(m => m.GroupId).Distinct().ToList();
        foreach (var membership in memberships)
        {
            membership.Status = MembershipStatus.Left;
            membership.StatusChangedAtUtc = now;
        }
        db.ConsentWithdrawals.Add(new ConsentWithdrawal
        {
            UserId = userId, DocumentSlug = MemberConsent.ParticipantConsent, Version = version, WithdrawnAtUtc = now,
        });
        audit.StageChange(AuditActions.ConsentWithdrawn, "Member", userId,
            string.Create(CultureInfo.InvariantCulture, $"{MemberConsent.ParticipantConsent} v{version}; left {memberships.Count} group(s)"));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var groupId in freedPlaces)
        {
            await places.OfferFreePlacesAsync(groupId, cancellationToken);
        }

        var displayName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        foreach (var led in groupsTheyWereIn.Where(g => g.LeadFacilitator?.Email is { Length: > 0 }).GroupBy(g => g.LeadFacilitatorId))
        {
            var lead = led.First().LeadFacilitator!;
            var names = string.Join(", ", led.Select(g => g.Name).Order(StringComparer.CurrentCulture));
            try
            {
                await email.SendAsync(lead.Email!, text["A member has left your group"],
                    text["Hello {0},\n\n{1} has left {2}. They are no longer taking part in PeerCircle groups. You do not need to do anything.\n\nThank you,\nPeerCircle", lead.DisplayName, displayName, names],
                    cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The withdrawal stands either way; the facilitator sees the change in their group list.
                LogNoticeNotSent(log, ex, lead.Id);
            }
        }
        return new WithdrawConsentResult(true, memberships.Count, null);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not tell facilitator {FacilitatorId} that a member left after withdrawing consent.")]
    private static partial void LogNoticeNotSent(ILogger logger, Exception exception, string facilitatorId);
}
