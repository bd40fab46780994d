using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Topics;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Meetings;

/// <summary>The plan form as posted: all text, so any input comes back with a message.</summary>
public sealed class MeetingPlanForm
{
    public string? TopicSlug { get; set; }
    public string? ExerciseIndex { get; set; }
    public Dictionary<string, string?>? Minutes { get; set; }
    public string? Presenters { get; set; }
    public string? CoFacilitatorNotes { get; set; }
}

/// <summary>
/// Saves the plan for one upcoming meeting: a time budget for each of the six phases that adds up to the meeting's
/// length, the topic (its current version is kept with the plan) and exercise, presenters, and co-facilitator notes.
/// </summary>
public sealed class SaveMeetingPlan(PeerCircleDb db, TopicLibrary topics, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int PresentersMax = 300;
    public const int NotesMax = 2000;

    public async Task<MeetingPlan?> LoadAsync(Guid groupId, DateTime occurrenceUtc, CancellationToken cancellationToken) =>
        await db.MeetingPlans.AsNoTracking().SingleOrDefaultAsync(p => p.GroupId == groupId && p.OccurrenceStartUtc == occurrenceUtc, cancellationToken);

    public async Task<Dictionary<string, string[]>> HandleAsync(Group group, GroupMeeting meeting, MeetingPlanForm form, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        MeetingTopic? topic = null;
        if (!string.IsNullOrWhiteSpace(form.TopicSlug))
        {
            topic = topics.Topic(form.TopicSlug);
            if (topic is null)
            {
                Fail("TopicSlug", text["Please choose a topic from the list, or none."]);
            }
        }
        int? exercise = null;
        if (topic is not null && !string.IsNullOrWhiteSpace(form.ExerciseIndex))
        {
            if (int.TryParse(form.ExerciseIndex, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < topic.Exercises.Count)
            {
                exercise = index;
            }
            else
            {
                Fail("ExerciseIndex", text["Please choose one of this topic's exercises."]);
            }
        }

        var minutes = new Dictionary<MeetingPhase, int>();
        foreach (var phase in Enum.GetValues<MeetingPhase>())
        {
            var raw = form.Minutes?.GetValueOrDefault(phase.ToString());
            var min = phase == MeetingPhase.Confidentiality ? PhaseBudget.MinConfidentiality : 1;
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > group.Schedule.DurationMinutes)
            {
                Fail($"minutes-{phase}", phase == MeetingPhase.Confidentiality
                    ? text["The confidentiality reminder is never skipped. Give it at least {0} minutes.", PhaseBudget.MinConfidentiality]
                    : text["Please give this part a number of minutes, at least 1."]);
                continue;
            }
            minutes[phase] = value;
        }
        if (minutes.Count == 6 && minutes.Values.Sum() != group.Schedule.DurationMinutes)
        {
            Fail("minutes-CheckIn", text["Your plan adds up to {0} minutes, but the meeting is {1} minutes. Please make them match.", minutes.Values.Sum(), group.Schedule.DurationMinutes]);
        }
        var presenters = form.Presenters?.Trim();
        if (presenters is { Length: > PresentersMax })
        {
            Fail("Presenters", text["Please keep this under {0} characters.", PresentersMax]);
        }
        var notes = form.CoFacilitatorNotes?.Trim();
        if (notes is { Length: > NotesMax })
        {
            Fail("CoFacilitatorNotes", text["Please keep this under {0} characters.", NotesMax]);
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        var plan = await db.MeetingPlans.SingleOrDefaultAsync(p => p.GroupId == group.Id && p.OccurrenceStartUtc == meeting.ScheduledStartUtc, cancellationToken);
        if (plan is null)
        {
            plan = new MeetingPlan { GroupId = group.Id, OccurrenceStartUtc = meeting.ScheduledStartUtc };
            db.MeetingPlans.Add(plan);
        }
        plan.TopicSlug = topic?.Slug;
        plan.TopicVersion = topic?.Number;
        plan.ExerciseIndex = exercise;
        plan.CheckInMinutes = minutes[MeetingPhase.CheckIn];
        plan.PresentationsMinutes = minutes[MeetingPhase.Presentations];
        plan.ExerciseMinutes = minutes[MeetingPhase.Exercise];
        plan.FeedbackMinutes = minutes[MeetingPhase.Feedback];
        plan.ConfidentialityMinutes = minutes[MeetingPhase.Confidentiality];
        plan.ContactMinutes = minutes[MeetingPhase.Contact];
        plan.Presenters = string.IsNullOrEmpty(presenters) ? null : presenters;
        plan.CoFacilitatorNotes = string.IsNullOrEmpty(notes) ? null : notes;
        plan.UpdatedById = userId;
        plan.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        audit.StageChange(AuditActions.MeetingPlanned, "Group", group.Id.ToString(), ChangeMeeting.OccurrenceKey(meeting.ScheduledStartUtc));
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public static PhaseBudget BudgetOf(MeetingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.CheckInMinutes, plan.PresentationsMinutes, plan.ExerciseMinutes, plan.FeedbackMinutes, plan.ConfidentialityMinutes, plan.ContactMinutes);
    }
}
