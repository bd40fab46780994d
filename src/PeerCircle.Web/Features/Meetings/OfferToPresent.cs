using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Topics;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Meetings;

/// <summary>A member's offer to present, as posted.</summary>
public sealed class PresentationOfferForm
{
    /// <summary>"offer" or "withdraw".</summary>
    public string? Action { get; set; }
    public string? About { get; set; }
}

/// <summary>An upcoming meeting with a planned topic, that members may offer to present at.</summary>
public sealed record PresentingChance(GroupMeeting Meeting, string TopicTitle);

/// <summary>
/// An accepted member offers to present at an upcoming meeting of their group that has a planned topic, saying in a
/// few words what they would like to share; they can change the words until the facilitator answers, and withdraw
/// until the meeting starts. One offer per member and meeting: offering again after withdrawing reuses it.
/// </summary>
public sealed class OfferToPresent(
    PeerCircleDb db, GroupCalendar calendar, TopicLibrary topics, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int AboutMax = 300;

    /// <summary>The group by slug, when this person is one of its accepted members; otherwise null.</summary>
    public async Task<Group?> MyGroupAsync(string slug, string userId, CancellationToken cancellationToken) =>
        await db.GroupMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Status == MembershipStatus.Accepted && m.Group!.Slug == slug)
            .Select(m => m.Group)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The group's meeting with this key when it is still to come and not cancelled; otherwise null.</summary>
    public async Task<GroupMeeting?> UpcomingMeetingAsync(Group group, string? occurrence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var now = time.GetUtcNow().UtcDateTime;
        var meetings = await calendar.ScheduledAsync(group, now, ChangeMeeting.UpcomingCount, cancellationToken);
        return meetings.FirstOrDefault(m => ChangeMeeting.OccurrenceKey(m.ScheduledStartUtc) == occurrence && !m.Cancelled && m.StartUtc > now);
    }

    /// <summary>The title of the topic planned for this meeting, or null when its plan has none.</summary>
    public async Task<string?> TopicTitleAsync(Guid groupId, DateTime occurrenceUtc, CancellationToken cancellationToken)
    {
        var slug = await db.MeetingPlans.AsNoTracking()
            .Where(p => p.GroupId == groupId && p.OccurrenceStartUtc == occurrenceUtc && p.TopicSlug != null)
            .Select(p => p.TopicSlug)
            .SingleOrDefaultAsync(cancellationToken);
        return slug is null ? null : topics.Topic(slug)?.Title ?? slug;
    }

    /// <summary>The group's next meeting with a planned topic, for the links on a member's pages; null when none is planned yet.</summary>
    public async Task<PresentingChance?> NextChanceAsync(Group group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var now = time.GetUtcNow().UtcDateTime;
        var meetings = (await calendar.ScheduledAsync(group, now, 4, cancellationToken)).Where(m => !m.Cancelled && m.StartUtc > now).ToList();
        if (meetings.Count == 0)
        {
            return null;
        }
        var starts = meetings.Select(m => m.ScheduledStartUtc).ToList();
        var planned = await db.MeetingPlans.AsNoTracking()
            .Where(p => p.GroupId == group.Id && starts.Contains(p.OccurrenceStartUtc) && p.TopicSlug != null)
            .Select(p => new { p.OccurrenceStartUtc, p.TopicSlug })
            .ToListAsync(cancellationToken);
        return meetings.OrderBy(m => m.StartUtc)
            .Select(m => planned.FirstOrDefault(p => p.OccurrenceStartUtc == m.ScheduledStartUtc) is { } plan
                ? new PresentingChance(m, topics.Topic(plan.TopicSlug!)?.Title ?? plan.TopicSlug!)
                : null)
            .FirstOrDefault(c => c is not null);
    }

    public async Task<PresentationOffer?> MineAsync(Guid groupId, DateTime occurrenceUtc, string userId, CancellationToken cancellationToken) =>
        await db.PresentationOffers.AsNoTracking()
            .SingleOrDefaultAsync(o => o.GroupId == groupId && o.OccurrenceStartUtc == occurrenceUtc && o.UserId == userId, cancellationToken);

    /// <summary>Offers, changes the words of, or withdraws this member's offer; returns what to fix, keyed by field.</summary>
    public async Task<Dictionary<string, string[]>> HandleAsync(
        Group group, GroupMeeting meeting, string userId, PresentationOfferForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        var offer = await db.PresentationOffers
            .SingleOrDefaultAsync(o => o.GroupId == group.Id && o.OccurrenceStartUtc == meeting.ScheduledStartUtc && o.UserId == userId, cancellationToken);
        var key = ChangeMeeting.OccurrenceKey(meeting.ScheduledStartUtc);
        var now = time.GetUtcNow().UtcDateTime;

        if (form.Action == "withdraw")
        {
            if (offer is null || offer.Status is not (PresentationOfferStatus.Offered or PresentationOfferStatus.Accepted))
            {
                errors["About"] = [text["There is no offer to withdraw."]];
                return errors;
            }
            offer.Status = PresentationOfferStatus.Withdrawn;
            audit.StageChange(AuditActions.PresentationWithdrawn, "Member", userId, key);
            await db.SaveChangesAsync(cancellationToken);
            return errors;
        }

        if (await TopicTitleAsync(group.Id, meeting.ScheduledStartUtc, cancellationToken) is null)
        {
            errors["About"] = [text["This meeting has no planned topic yet, so there is nothing to offer for. Please look again closer to the meeting."]];
            return errors;
        }
        if (offer?.Status is PresentationOfferStatus.Accepted or PresentationOfferStatus.Declined)
        {
            errors["About"] = [text["Your facilitator has already answered your offer."]];
            return errors;
        }
        var about = form.About?.Trim() ?? "";
        if (about.Length == 0)
        {
            errors["About"] = [text["Please say in a few words what you would like to share."]];
        }
        else if (about.Length > AboutMax)
        {
            errors["About"] = [text["Please keep this under {0} characters.", AboutMax]];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        if (offer is null)
        {
            offer = new PresentationOffer { GroupId = group.Id, OccurrenceStartUtc = meeting.ScheduledStartUtc, UserId = userId };
            db.PresentationOffers.Add(offer);
        }
        if (offer.Status != PresentationOfferStatus.Offered || offer.OfferedAtUtc == default)
        {
            offer.OfferedAtUtc = now;
        }
        offer.About = about;
        offer.Status = PresentationOfferStatus.Offered;
        offer.DecidedAtUtc = null;
        offer.DecidedById = null;
        audit.StageChange(AuditActions.PresentationOffered, "Member", userId, key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same offer sent twice at once (a double tap); the first one is kept.
            errors["About"] = [text["Your offer was already sent. Please look at the page again."]];
        }
        return errors;
    }
}
