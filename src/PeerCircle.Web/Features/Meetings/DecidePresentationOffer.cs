using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Infrastructure.Audit;
using PeerCircle.Web.Infrastructure.Email;

namespace PeerCircle.Web.Features.Meetings;

/// <summary>A facilitator's answer to one offer, as posted.</summary>
public sealed class OfferDecisionForm
{
    public string? OfferId { get; set; }

    /// <summary>"accept" or "decline".</summary>
    public string? Decision { get; set; }

    /// <summary>An optional short, kind word for the member when declining.</summary>
    public string? Reason { get; set; }
}

/// <summary>One member's offer to present, as the facilitator sees it on the plan.</summary>
public sealed record OfferRow(long Id, string UserId, string Name, string About, PresentationOfferStatus Status, DateTime OfferedAtUtc);

/// <summary>
/// The group's facilitators accept or decline a member's offer to present at a meeting, and may change their answer
/// until the meeting. The member sees the answer on their page; members who allow e-mail also get it by e-mail, with
/// the facilitator's optional word when declining (that word is only sent, not stored: offers have no place for it).
/// </summary>
public sealed class DecidePresentationOffer(
    PeerCircleDb db, AuditTrail audit, MeetingRecipients recipients, EmailSender email, CalendarLinks links,
    TimeProvider time, IStringLocalizer<SharedResource> text, ILogger<DecidePresentationOffer> logger)
{
    public const int ReasonMax = 200;

    /// <summary>The offers for one meeting, oldest first, withdrawn ones left out.</summary>
    public async Task<List<OfferRow>> ForMeetingAsync(Guid groupId, DateTime occurrenceUtc, CancellationToken cancellationToken) =>
        [.. (await db.PresentationOffers.AsNoTracking()
            .Where(o => o.GroupId == groupId && o.OccurrenceStartUtc == occurrenceUtc && o.Status != PresentationOfferStatus.Withdrawn)
            .Select(o => new { o.Id, o.UserId, o.User!.DisplayName, o.About, o.Status, o.OfferedAtUtc })
            .ToListAsync(cancellationToken))
            .OrderBy(o => o.OfferedAtUtc)
            .Select(o => new OfferRow(o.Id, o.UserId, o.DisplayName, o.About, o.Status, o.OfferedAtUtc))];

    /// <summary>Saves the answer and tells the member; returns a message for the facilitator, or what to fix keyed by field.</summary>
    public async Task<(string? Message, Dictionary<string, string[]> Errors)> HandleAsync(
        Group group, GroupMeeting meeting, OfferDecisionForm form, string facilitatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        var field = $"offer-{form.OfferId}";
        var offer = long.TryParse(form.OfferId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.PresentationOffers.Include(o => o.User)
                .SingleOrDefaultAsync(o => o.Id == id && o.GroupId == group.Id && o.OccurrenceStartUtc == meeting.ScheduledStartUtc, cancellationToken)
            : null;
        if (offer is null || offer.Status == PresentationOfferStatus.Withdrawn)
        {
            errors[field] = [text["That offer is not open any more. The member may have withdrawn it."]];
            return (null, errors);
        }
        var decision = form.Decision switch
        {
            "accept" => PresentationOfferStatus.Accepted,
            "decline" => PresentationOfferStatus.Declined,
            _ => (PresentationOfferStatus?)null,
        };
        if (decision is null)
        {
            errors[field] = [text["Please choose whether to accept or decline the offer."]];
            return (null, errors);
        }
        var reason = decision == PresentationOfferStatus.Declined ? form.Reason?.Trim() : null;
        if (reason is { Length: > ReasonMax })
        {
            errors[field] = [text["Please keep the note under {0} characters.", ReasonMax]];
            return (null, errors);
        }
        if (offer.Status == decision)
        {
            return (text["You have already answered this offer that way."].Value, errors);
        }

        offer.Status = decision.Value;
        offer.DecidedAtUtc = time.GetUtcNow().UtcDateTime;
        offer.DecidedById = facilitatorId;
        var key = ChangeMeeting.OccurrenceKey(meeting.ScheduledStartUtc);
        audit.StageChange(AuditActions.PresentationDecided, "Member", offer.UserId,
            $"{(decision == PresentationOfferStatus.Accepted ? "accepted" : "declined")} the offer to present at {key}");
        await db.SaveChangesAsync(cancellationToken);

        var name = offer.User!.DisplayName;
        var told = await TellMemberAsync(group, meeting, offer, reason, cancellationToken);
        var done = decision == PresentationOfferStatus.Accepted
            ? text["You accepted {0}'s offer. They are listed as presenting.", name].Value
            : text["You declined {0}'s offer. They will see a kind note on their page.", name].Value;
        return (told ? $"{done} {text["We e-mailed them too."].Value}" : done, errors);
    }

    private async Task<bool> TellMemberAsync(Group group, GroupMeeting meeting, PresentationOffer offer, string? reason, CancellationToken cancellationToken)
    {
        var person = (await recipients.ForGroupsAsync([group.Id], cancellationToken)).FirstOrDefault(p => p.UserId == offer.UserId);
        if (person is null)
        {
            return false;
        }
        var page = $"{links.MyGroups}/groups/{Uri.EscapeDataString(group.Slug)}/present/{ChangeMeeting.OccurrenceKey(meeting.ScheduledStartUtc)}";
        var (subject, body) = MeetingMessages.InGroupLanguage(group, () =>
        {
            var when = MeetingMessages.WhenFor(meeting.StartUtc, group, person.TimeZoneId, text);
            var lines = new StringBuilder().Append(text["Hello {0},", person.DisplayName].Value).Append("\n\n");
            if (offer.Status == PresentationOfferStatus.Accepted)
            {
                lines.Append(text["Thank you for offering to share at the meeting of {0} on {1}. Your facilitator said yes, and there will be time for you in the meeting.", group.Name, when].Value).Append("\n\n")
                    .Append(text["If you change your mind, that is all right. You can withdraw before the meeting here: {0}", page].Value).Append("\n\n");
            }
            else
            {
                lines.Append(text["Thank you for offering to share at the meeting of {0} on {1}. This time your facilitator cannot fit it in.", group.Name, when].Value).Append("\n\n");
                if (!string.IsNullOrEmpty(reason))
                {
                    lines.Append(text["Your facilitator says: {0}", reason].Value).Append("\n\n");
                }
                lines.Append(text["This is not about you or what you wanted to share. You are welcome to offer again at another meeting."].Value).Append("\n\n");
            }
            lines.Append(MeetingMessages.Footer(group, links, text));
            return (text["Your offer to share at {0}", group.Name].Value, lines.ToString());
        });
        try
        {
            await email.SendAsync(person.Email, subject, body, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The answer is saved and on the member's page; the e-mail is a courtesy.
            logger.LogError(exception, "Could not e-mail a member the answer to their offer in group {GroupId}", group.Id);
            return false;
        }
    }
}
