using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Calendars;
using PeerCircle.Web.Features.Groups;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Meetings;

/// <summary>The feedback form as posted: all text, so anything odd comes back with a message.</summary>
public sealed class FeedbackForm
{
    public string? Helpful { get; set; }
    public string? FeltHeard { get; set; }
    public string? FeltSafe { get; set; }
    public string? WhatToChange { get; set; }
}

/// <summary>What saving did: what to fix, or whether it replaced the member's earlier answers.</summary>
public sealed record FeedbackResult(Dictionary<string, string[]> Errors, bool Replaced)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// A member's feedback after a meeting of their group, open from the meeting's start for
/// <see cref="OpenDays"/> days. Every question is optional, but something must be answered. One response per member
/// and meeting; giving it again replaces it. The audit event says that feedback was given, never what it said.
/// </summary>
public sealed class GiveFeedback(
    PeerCircleDb db, PastMeetings meetings, AuditTrail audit, Safety.Signals.SafetySignals signals, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int OpenDays = 7;

    /// <summary>How urgent the safety signal from the feedback just handled was; null when none fired.</summary>
    public Data.Safety.CasePriority? Signal { get; private set; }
    public const int WhatToChangeMax = 1000;

    /// <summary>The three questions, by form field, in the order the page asks them.</summary>
    public static readonly IReadOnlyList<(string Field, string Question)> Questions =
    [
        (nameof(FeedbackForm.Helpful), "Was the meeting helpful?"),
        (nameof(FeedbackForm.FeltHeard), "Did you feel heard?"),
        (nameof(FeedbackForm.FeltSafe), "Did you feel safe?"),
    ];

    public static string Label(FeedbackAnswer answer) => answer switch
    {
        FeedbackAnswer.No => "No",
        FeedbackAnswer.Somewhat => "Somewhat",
        _ => "Yes",
    };

    /// <summary>True while feedback for this meeting may be given.</summary>
    public bool IsOpen(GroupMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var now = time.GetUtcNow().UtcDateTime;
        return meeting.StartUtc <= now && now < meeting.StartUtc.AddDays(OpenDays);
    }

    /// <summary>The group's latest meeting whose feedback is still open, or null.</summary>
    public async Task<GroupMeeting?> LatestOpenAsync(Group group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!GroupCalendar.Meets(group.Status))
        {
            return null;
        }
        var recent = await meetings.StartedSinceAsync(group, time.GetUtcNow().UtcDateTime.AddDays(-OpenDays), cancellationToken);
        return recent.FirstOrDefault();
    }

    public async Task<MeetingFeedback?> MineAsync(Guid groupId, DateTime occurrenceUtc, string userId, CancellationToken cancellationToken) =>
        await db.MeetingFeedback.AsNoTracking()
            .SingleOrDefaultAsync(f => f.GroupId == groupId && f.OccurrenceStartUtc == occurrenceUtc && f.UserId == userId, cancellationToken);

    public async Task<FeedbackResult> HandleAsync(Group group, GroupMeeting meeting, string userId, FeedbackForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        if (!IsOpen(meeting))
        {
            errors["Helpful"] = [text["Feedback for this meeting is closed. You can give feedback for 7 days after each meeting."]];
            return new FeedbackResult(errors, false);
        }
        var helpful = Answer(form.Helpful, nameof(FeedbackForm.Helpful), errors);
        var heard = Answer(form.FeltHeard, nameof(FeedbackForm.FeltHeard), errors);
        var safe = Answer(form.FeltSafe, nameof(FeedbackForm.FeltSafe), errors);
        var change = form.WhatToChange?.Trim();
        if (change is { Length: > WhatToChangeMax })
        {
            errors["WhatToChange"] = [text["Please keep this under {0} characters.", WhatToChangeMax]];
        }
        if (errors.Count == 0 && helpful is null && heard is null && safe is null && string.IsNullOrEmpty(change))
        {
            errors["Helpful"] = [text["You have not answered anything yet. Please answer at least one question, or write what you would change."]];
        }
        if (errors.Count > 0)
        {
            return new FeedbackResult(errors, false);
        }

        var feedback = await db.MeetingFeedback.SingleOrDefaultAsync(
            f => f.GroupId == group.Id && f.OccurrenceStartUtc == meeting.ScheduledStartUtc && f.UserId == userId, cancellationToken);
        var replaced = feedback is not null;
        if (feedback is null)
        {
            feedback = new MeetingFeedback { GroupId = group.Id, OccurrenceStartUtc = meeting.ScheduledStartUtc, UserId = userId };
            db.MeetingFeedback.Add(feedback);
        }
        feedback.Helpful = helpful;
        feedback.FeltHeard = heard;
        feedback.FeltSafe = safe;
        feedback.WhatToChange = string.IsNullOrEmpty(change) ? null : change;
        feedback.SubmittedAtUtc = time.GetUtcNow().UtcDateTime;
        // Facilitators see feedback only added up, but worrying words still reach a clinician.
        Signal = await signals.TextAsync(userId, "feedback", null, feedback.WhatToChange, cancellationToken);
        // Which meeting only; the answers stay out of the audit log.
        audit.StageChange(AuditActions.MeetingFeedbackGiven, "Member", userId, $"{(replaced ? "updated" : "gave")} feedback for {group.Id} {ChangeMeeting.OccurrenceKey(meeting.ScheduledStartUtc)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same member sent the form twice at once; the unique index kept the first.
            db.ChangeTracker.Clear();
            errors["Helpful"] = [text["Your feedback was just saved from another window. Please check it and send again if you want to change it."]];
            return new FeedbackResult(errors, false);
        }
        return new FeedbackResult(errors, replaced);
    }

    private FeedbackAnswer? Answer(string? raw, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        if (EnumText.TryParse<FeedbackAnswer>(raw, out var answer))
        {
            return answer;
        }
        errors[field] = [text["Please choose No, Somewhat or Yes, or leave it blank."]];
        return null;
    }
}
