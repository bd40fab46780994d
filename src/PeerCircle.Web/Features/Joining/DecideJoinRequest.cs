using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Joining;

/// <summary>A facilitator's answer to a request, as posted.</summary>
public sealed class RequestDecisionForm
{
    public string? MembershipId { get; set; }

    /// <summary>"accept", "decline" or "prescreen".</summary>
    public string? Decision { get; set; }
    public string? Reason { get; set; }
    public string? PrescreenDate { get; set; }
    public string? PrescreenTime { get; set; }
    public string? PrescreenNote { get; set; }
}

/// <summary>
/// The lead or co-facilitator (or a coordinator) answers a request to join a closed group: accept (or waitlist when
/// the group is full), decline with a kind reason the member reads, or arrange a short pre-screen call first.
/// </summary>
public sealed class DecideJoinRequest(PeerCircleDb db, GroupPlaces places, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int ReasonMax = 500;

    public static bool MayDecide(Group group, string userId, bool isCoordinator) =>
        isCoordinator || group.LeadFacilitatorId == userId || group.CoFacilitatorId == userId;

    public async Task<(string? Message, string? Problem)> HandleAsync(Group group, string deciderId, RequestDecisionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(form);
        var membership = Guid.TryParse(form.MembershipId, out var id)
            ? await db.GroupMemberships.Include(m => m.User).SingleOrDefaultAsync(m => m.Id == id && m.GroupId == group.Id, cancellationToken)
            : null;
        if (membership is null || membership.Status != MembershipStatus.Requested)
        {
            return (null, text["That request has already been answered. Please reload the page."]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var who = membership.User!.DisplayName;
        switch (form.Decision)
        {
            case "accept":
                membership.DecidedById = deciderId;
                membership.StatusChangedAtUtc = now;
                var full = await places.TakenAsync(group.Id, cancellationToken) >= group.Capacity;
                membership.Status = full ? MembershipStatus.Waitlisted : MembershipStatus.Accepted;
                membership.WaitlistedAtUtc = full ? now : null;
                audit.StageChange(AuditActions.RequestDecided, "Membership", membership.Id.ToString(), full ? "accepted onto the waitlist" : "accepted");
                await db.SaveChangesAsync(cancellationToken);
                await places.NotifyAsync(membership, full ? $"You are on the waitlist for {group.Name}" : $"Welcome to {group.Name}",
                    full
                        ? $"The facilitator of {group.Name} would love to have you, but the group is full right now. You are on the waitlist, and we will offer you a place as soon as one opens."
                        : $"The facilitator of {group.Name} has welcomed you into the group. Your PeerCircle page shows when and where you meet.",
                    cancellationToken);
                return (full ? text["The group is full, so {0} is on the waitlist and will be offered the next place.", who] : text["{0} is now a member.", who], null);
            case "decline":
                var reason = form.Reason?.Trim() ?? "";
                if (reason.Length is 0 or > ReasonMax)
                {
                    return (null, text["Please write a short, kind reason the member will read, and if you can, where else they might find support (up to 500 characters)."]);
                }
                membership.Status = MembershipStatus.Declined;
                membership.DeclineReason = reason;
                membership.DecidedById = deciderId;
                membership.StatusChangedAtUtc = now;
                audit.StageChange(AuditActions.RequestDecided, "Membership", membership.Id.ToString(), "declined");
                await db.SaveChangesAsync(cancellationToken);
                await places.NotifyAsync(membership, $"About your request to join {group.Name}",
                    $"Thank you for your interest in {group.Name}. The facilitator thinks another group may suit you better right now. They wrote:\n\n{reason}\n\nYou can find other groups at any time on PeerCircle.",
                    cancellationToken);
                return (text["You declined {0}'s request. They have been told kindly.", who], null);
            case "prescreen":
                var zone = TimeZoneInfo.FindSystemTimeZoneById(group.Schedule.TimeZoneId);
                if (!DateOnly.TryParseExact(form.PrescreenDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    || !TimeOnly.TryParseExact(form.PrescreenTime?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                {
                    return (null, text["Please give the call's date (year-month-day) and time (like 14:30)."]);
                }
                var startsAt = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(at, DateTimeKind.Unspecified), zone);
                if (startsAt <= now)
                {
                    return (null, text["That time has already passed. Please choose a time in the future."]);
                }
                var note = form.PrescreenNote?.Trim();
                if (note is { Length: > ReasonMax })
                {
                    return (null, text["Please keep the note under 500 characters."]);
                }
                membership.PrescreenAtUtc = startsAt;
                membership.PrescreenNote = string.IsNullOrEmpty(note) ? null : note;
                audit.StageChange(AuditActions.PrescreenScheduled, "Membership", membership.Id.ToString(), startsAt.ToString("o", CultureInfo.InvariantCulture));
                await db.SaveChangesAsync(cancellationToken);
                var local = date.ToDateTime(at);
                await places.NotifyAsync(membership, $"A short call about joining {group.Name}",
                    string.Create(CultureInfo.InvariantCulture, $"The facilitator of {group.Name} would like a short, friendly call with you before you join, on {local:dddd, MMMM d} at {local:h:mm tt} ({GroupTimeZones.LabelOf(group.Schedule.TimeZoneId)} time). ")
                    + "It is a chance to ask questions and make sure the group fits what you need. The facilitator will reach you the way you asked us to in your profile."
                    + (membership.PrescreenNote is null ? "" : $"\n\nThey added: {membership.PrescreenNote}"),
                    cancellationToken);
                return (text["The call with {0} is arranged, and they have been told.", who], null);
            default:
                return (null, text["Please choose accept, decline or arrange a call."]);
        }
    }
}
