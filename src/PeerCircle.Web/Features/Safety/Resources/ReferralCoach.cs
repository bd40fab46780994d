using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Accounts;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Web.Features.Safety.Resources;

/// <summary>The facilitator's referral form, as posted.</summary>
public sealed class ReferralForm
{
    public string? ResourceId { get; set; }
    public string? FollowUpOn { get; set; }
    public string? Note { get; set; }
}

/// <summary>A resource sent to a member, as posted.</summary>
public sealed class ShareForm
{
    public string? ResourceId { get; set; }
    public string? Message { get; set; }
}

/// <summary>How a referral went, as posted.</summary>
public sealed class OutcomeForm
{
    public string? ReferralId { get; set; }
    public string? Outcome { get; set; }
    public string? FollowUpOn { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// The referral coach's rules: who a facilitator may refer (members of groups they lead or co-lead; coordinators anyone),
/// recording an outside referral and its outcome, and sending a resource to a member. Every read and change is audited.
/// </summary>
public sealed class ReferralCoach(
    PeerCircleDb db, AuditTrail audit, EmailSender email, AccountLinks links, TimeProvider time, Oversight.ProgramTime programTime,
    IStringLocalizer<SharedResource> text, ILogger<ReferralCoach> log)
{
    public const int NoteMax = 1000;
    public const int MessageMax = 500;

    /// <summary>Today on the program's clock, so "today" means the same day to a facilitator at 9 in the evening.</summary>
    public DateOnly Today => DateOnly.FromDateTime(programTime.ToLocal(time.GetUtcNow().UtcDateTime));

    /// <summary>
    /// The memberships a facilitator looks after: everyone in a group they lead or co-lead who has not left or been
    /// declined, themselves excepted. The one rule for whom a facilitator may refer, send a resource to, or raise a
    /// concern about, and for whom the concern chooser lists.
    /// </summary>
    public IQueryable<GroupMembership> MembershipsInCareOf(string facilitatorId) =>
        db.GroupMemberships.AsNoTracking().Where(m => m.UserId != facilitatorId
            && m.Status != MembershipStatus.Left && m.Status != MembershipStatus.Declined
            && (m.Group!.LeadFacilitatorId == facilitatorId || m.Group.CoFacilitatorId == facilitatorId));

    /// <summary>The member, when this facilitator may refer them; null otherwise (the page answers 404).</summary>
    public async Task<PeerCircleUser?> MemberForAsync(ClaimsPrincipal user, string? memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(memberId) || memberId.Length > 64)
        {
            return null;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || userId == memberId)
        {
            return null;
        }
        var allowed = user.IsInRole(Roles.Coordinator)
            || await MembershipsInCareOf(userId).AnyAsync(m => m.UserId == memberId, cancellationToken);
        return allowed ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == memberId, cancellationToken) : null;
    }

    public async Task<(long? Id, Dictionary<string, string[]> Errors)> RecordAsync(
        string memberId, string referredById, ResourceCategory need, ReferralForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        var resource = await ActiveResourceAsync(form.ResourceId, cancellationToken);
        if (resource is null)
        {
            errors["ResourceId"] = [text["Please choose the resource you offered."]];
        }
        var followUp = ParseFollowUp(form.FollowUpOn, errors, "FollowUpOn");
        var note = (form.Note ?? "").Trim();
        if (note.Length > NoteMax)
        {
            errors["Note"] = [text["Please keep the note under 1,000 characters."]];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var referral = new OutsideReferral
        {
            MemberId = memberId, ResourceId = resource!.Id, Need = need, ReferredById = referredById, ReferredOn = Today,
            FollowUpOn = followUp, Outcome = ReferralOutcome.Pending, Note = note.Length > 0 ? note : null,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.OutsideReferrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);
        audit.StageChange(AuditActions.ReferralRecorded, "OutsideReferral", referral.Id.ToString(CultureInfo.InvariantCulture),
            $"member {memberId}; {resource.Name}; need {need}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (referral.Id, errors);
    }

    /// <summary>Referrals this person may see and update: their own; coordinators see all.</summary>
    public IQueryable<OutsideReferral> VisibleTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var referrals = db.OutsideReferrals.AsQueryable();
        return user.IsInRole(Roles.Coordinator) ? referrals : referrals.Where(r => r.ReferredById == userId);
    }

    public async Task<Dictionary<string, string[]>> RecordOutcomeAsync(ClaimsPrincipal user, OutcomeForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        OutsideReferral? referral = null;
        if (long.TryParse(form.ReferralId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            referral = await VisibleTo(user).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        }
        if (referral is null)
        {
            errors["Outcome"] = [text["We could not find that referral. Please choose it from your list."]];
            return errors;
        }
        if (!Enum.TryParse<ReferralOutcome>(form.Outcome, out var outcome) || outcome == ReferralOutcome.Pending || !Enum.IsDefined(outcome)
            || int.TryParse(form.Outcome, out _))
        {
            errors["Outcome"] = [text["Please choose how it went: connected, not yet, or declined."]];
        }
        var followUp = outcome == ReferralOutcome.NotYet ? ParseFollowUp(form.FollowUpOn, errors, "FollowUpOn") : null;
        var note = (form.Note ?? "").Trim();
        if (note.Length > NoteMax)
        {
            errors["Note"] = [text["Please keep the note under 1,000 characters."]];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        referral.Outcome = outcome;
        referral.OutcomeAtUtc = time.GetUtcNow().UtcDateTime;
        referral.FollowUpOn = outcome == ReferralOutcome.NotYet ? followUp : referral.FollowUpOn;
        if (note.Length > 0)
        {
            referral.Note = note;
        }
        audit.StageChange(AuditActions.ReferralOutcomeRecorded, "OutsideReferral", referral.Id.ToString(CultureInfo.InvariantCulture),
            $"member {referral.MemberId}; {outcome}");
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public async Task<Dictionary<string, string[]>> SendAsync(PeerCircleUser member, string sentById, ShareForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        var resource = await ActiveResourceAsync(form.ResourceId, cancellationToken);
        if (resource is null)
        {
            errors["ShareResourceId"] = [text["Please choose the resource to send."]];
        }
        var message = (form.Message ?? "").Trim();
        if (message.Length > MessageMax)
        {
            errors["Message"] = [text["Please keep the message under 500 characters."]];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var share = new ResourceShare
        {
            MemberId = member.Id, ResourceId = resource!.Id, SentById = sentById, Message = message.Length > 0 ? message : null,
            SentAtUtc = time.GetUtcNow().UtcDateTime,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.ResourceShares.Add(share);
            await db.SaveChangesAsync(cancellationToken);
            audit.StageChange(AuditActions.ResourceSent, "ResourceShare", share.Id.ToString(CultureInfo.InvariantCulture),
                $"member {member.Id}; {resource.Name}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var profile = await db.MemberProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == member.Id, cancellationToken);
        if ((profile?.MayEmail ?? true) && member.Email is { Length: > 0 } address)
        {
            // No details in the e-mail: the member reads what was sent on their own page after signing in.
            try
            {
                await email.SendAsync(address, "Your facilitator sent you something on PeerCircle",
                    $"Hello {member.DisplayName},\n\nYour facilitator sent you a resource that may help. "
                    + $"You can read it on your page after you sign in: {links.To("/me")}\n\nPeerCircle", cancellationToken);
            }
            catch (Exception e) when (e is IOException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException
                or MailKit.ServiceNotConnectedException or System.Net.Sockets.SocketException or MailKit.Security.AuthenticationException)
            {
                // The resource is on the member's page either way; the note is a courtesy.
                log.LogWarning(e, "Could not e-mail member {MemberId} about a resource sent to them", member.Id);
            }
        }
        return errors;
    }

    private async Task<Resource?> ActiveResourceAsync(string? id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var guid)
            ? await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == guid && r.Active, cancellationToken)
            : null;

    private DateOnly? ParseFollowUp(string? value, Dictionary<string, string[]> errors, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[field] = [text["Please enter the follow-up date as year-month-day, like 2026-03-04."]];
            return null;
        }
        if (date < Today || date > Today.AddYears(1))
        {
            errors[field] = [text["Please choose a follow-up date from today to a year from now."]];
            return null;
        }
        return date;
    }
}
