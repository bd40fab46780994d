using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Content;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Topics;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Meetings;

/// <summary>One of the six parts on the printed plan, with the clock time it starts at.</summary>
public sealed record PrintedPart(MeetingPhase Phase, int Minutes, DateTime StartsAtUtc);

/// <summary>Everything on the printed plan and sign-in sheet of one meeting.</summary>
/// <param name="Planned">False when nobody has saved a plan yet, so the parts have their default minutes.</param>
/// <param name="Members">The accepted members, by the names they use in the group, for the sign-in sheet.</param>
public sealed record Printout(
    Group Group, GroupMeeting Meeting, bool Planned, IReadOnlyList<PrintedPart> Parts, MeetingTopic? Topic, TopicExercise? Exercise,
    string? Presenters, IReadOnlyList<OfferRow> AcceptedOffers, string? CoFacilitatorNotes, IReadOnlyList<string> Members,
    DateTime? NextMeetingUtc);

/// <summary>
/// The printable plan and sign-in sheet of one meeting, for the group's facilitators and coordinators only: the six
/// parts and their minutes, the topic as the plan pinned it (its brief, questions and exercise steps), presenters,
/// and the accepted members for the sign-in sheet. Listing the members is recorded like any roster read.
/// </summary>
public sealed class MeetingPrintout(PeerCircleDb db, ChangeMeeting meetings, GroupCalendar calendar, SaveMeetingPlan plans,
    DecidePresentationOffer offers, RecordCheckInForMember members, TopicLibrary topics, AuditTrail audit)
{
    public async Task<Printout?> HandleAsync(Guid groupId, string occurrence, string userId, bool isCoordinator, CancellationToken cancellationToken)
    {
        var group = await meetings.FindGroupAsync(groupId, userId, isCoordinator, cancellationToken);
        if (group is null)
        {
            return null;
        }
        var upcoming = await meetings.UnderWayAndUpcomingAsync(group, cancellationToken);
        var meeting = upcoming.FirstOrDefault(m => ChangeMeeting.OccurrenceKey(m.ScheduledStartUtc) == occurrence && !m.Cancelled);
        if (meeting is null)
        {
            return null;
        }

        var plan = await plans.LoadAsync(group.Id, meeting.ScheduledStartUtc, cancellationToken);
        var budget = plan is null ? PhaseBudget.Defaults(group.Schedule.DurationMinutes) : SaveMeetingPlan.BudgetOf(plan);
        var parts = new List<PrintedPart>();
        var at = meeting.StartUtc;
        foreach (var phase in Enum.GetValues<MeetingPhase>())
        {
            parts.Add(new PrintedPart(phase, budget[phase], at));
            at = at.AddMinutes(budget[phase]);
        }
        var topic = plan?.TopicSlug is { } slug ? await PinnedTopicAsync(slug, plan.TopicVersion, cancellationToken) : null;
        var exercise = topic is null ? null : topic.Exercises.ElementAtOrDefault(plan!.ExerciseIndex ?? 0) ?? topic.Exercises.FirstOrDefault();
        var accepted = (await offers.ForMeetingAsync(group.Id, meeting.ScheduledStartUtc, cancellationToken))
            .Where(o => o.Status == PresentationOfferStatus.Accepted)
            .ToList();
        var names = (await members.MembersAsync(group.Id, cancellationToken)).Select(m => m.Name).ToList();
        var next = (await calendar.NextAsync(group, ChangeMeeting.UpcomingCount, cancellationToken))
            .FirstOrDefault(m => m.StartUtc > meeting.StartUtc)?.StartUtc;

        await audit.RecordReadAsync(AuditActions.GroupRosterViewed, "Group", group.Id.ToString(),
            $"{names.Count} members listed on the printed sign-in sheet for {ChangeMeeting.OccurrenceKey(meeting.ScheduledStartUtc)}", cancellationToken);
        return new Printout(group, meeting, plan is not null, parts, topic, exercise, plan?.Presenters, accepted, plan?.CoFacilitatorNotes, names, next);
    }

    /// <summary>The topic at the version the plan kept; the current text when that version is not on record.</summary>
    private async Task<MeetingTopic?> PinnedTopicAsync(string slug, int? version, CancellationToken cancellationToken)
    {
        var current = topics.Topic(slug);
        if (version is not { } number || current?.Number == number)
        {
            return current;
        }
        var source = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == ContentKinds.Topic && r.Slug == slug && r.Number == number)
            .Select(r => r.Source)
            .SingleOrDefaultAsync(cancellationToken);
        if (source is null)
        {
            return current;
        }
        try
        {
            var pinned = TopicLibrary.Parse(slug, source);
            pinned.Number = number;
            return pinned;
        }
        catch (InvalidDataException)
        {
            // Every saved version was checked when it was saved; should one still not read, the current text serves.
            return current;
        }
    }
}
