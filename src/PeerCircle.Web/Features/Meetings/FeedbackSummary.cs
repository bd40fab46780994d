using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Groups;

namespace PeerCircle.Web.Features.Meetings;

/// <summary>How many people gave each answer to one question; <see cref="NotAnswered"/> skipped it.</summary>
public sealed record QuestionTally(string Question, int No, int Somewhat, int Yes, int NotAnswered);

/// <summary>
/// Members' feedback on one meeting as facilitators see it: only the number of responses until
/// <see cref="FeedbackSummary.Threshold"/> people have answered, then the answers added together and the suggestions
/// in alphabetical order, with no names and no times.
/// </summary>
public sealed record FeedbackAggregate(int Responses, IReadOnlyList<QuestionTally> Tallies, IReadOnlyList<string> Suggestions)
{
    public bool Shown => Responses >= FeedbackSummary.Threshold;
}

/// <summary>Adds up the feedback for one meeting, for the group's facilitators and coordinators.</summary>
public sealed class FeedbackSummary(PeerCircleDb db)
{
    /// <summary>Fewer answers than this could point to who gave them, so nothing but the count is shown.</summary>
    public const int Threshold = 5;

    public async Task<FeedbackAggregate> ForMeetingAsync(Guid groupId, DateTime occurrenceUtc, CancellationToken cancellationToken)
    {
        var responses = db.MeetingFeedback.AsNoTracking().Where(f => f.GroupId == groupId && f.OccurrenceStartUtc == occurrenceUtc);
        var count = await responses.CountAsync(cancellationToken);
        if (count < Threshold)
        {
            // Below the threshold nothing but the count leaves the database.
            return new FeedbackAggregate(count, [], []);
        }
        var answers = await responses
            .Select(f => new Answers(f.Helpful, f.FeltHeard, f.FeltSafe, f.WhatToChange))
            .ToListAsync(cancellationToken);
        QuestionTally Tally(string field, Func<Answers, FeedbackAnswer?> pick) => new(
            GiveFeedback.Questions.Single(q => q.Field == field).Question,
            answers.Count(a => pick(a) == FeedbackAnswer.No), answers.Count(a => pick(a) == FeedbackAnswer.Somewhat),
            answers.Count(a => pick(a) == FeedbackAnswer.Yes), answers.Count(a => pick(a) is null));
        return new FeedbackAggregate(
            answers.Count,
            [
                Tally(nameof(FeedbackForm.Helpful), a => a.Helpful),
                Tally(nameof(FeedbackForm.FeltHeard), a => a.FeltHeard),
                Tally(nameof(FeedbackForm.FeltSafe), a => a.FeltSafe),
            ],
            // Sorted by their words, so the order says nothing about who wrote them or when.
            [.. answers.Select(a => a.WhatToChange).OfType<string>().Order(StringComparer.Ordinal)]);
    }

    /// <summary>How many people answered, for each of the given meetings of a group.</summary>
    public async Task<Dictionary<DateTime, int>> CountsAsync(Guid groupId, IReadOnlyCollection<DateTime> occurrences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrences);
        return await db.MeetingFeedback.AsNoTracking()
            .Where(f => f.GroupId == groupId && occurrences.Contains(f.OccurrenceStartUtc))
            .GroupBy(f => f.OccurrenceStartUtc)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    private sealed record Answers(FeedbackAnswer? Helpful, FeedbackAnswer? FeltHeard, FeedbackAnswer? FeltSafe, string? WhatToChange);
}
