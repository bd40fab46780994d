using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Data.Outcomes;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Outcomes.Instruments;
using PeerCircle.Web.Features.Safety.Signals;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Outcomes.Surveys;

/// <summary>One part of a survey as posted: the part (1-based), where to go next, and the answers by item linkId.</summary>
public sealed class SurveyForm
{
    public string? Part { get; set; }

    /// <summary><c>next</c>, <c>back</c>, <c>later</c> (save and finish later) or <c>finish</c>.</summary>
    public string? Go { get; set; }

    public Dictionary<string, string>? Answers { get; set; }
}

public enum AnswerStatus { Saved, Completed, Invalid, Closed, NotFound }

/// <summary>What happened to a posted part: the part to show next, field errors, and whether crisis help must show now.</summary>
public sealed record AnswerOutcome(AnswerStatus Status, int Part, Dictionary<string, string[]> Errors, bool ShowCrisisHelp = false, string? Problem = null);

/// <summary>
/// Saves one part of a member's survey, so closing the phone loses nothing; on the last part, finishes it: scores every
/// scale, records the participation dose from attendance, and marks it completed, all in one save with the audit.
/// Answers are checked on the server: an unknown question or an answer outside its range saves nothing. Free text goes
/// through the safety net, whose signal is saved with the answers, or on its own when the part cannot be saved yet.
/// </summary>
public sealed class AnswerSurvey(
    PeerCircleDb db, InstrumentCatalog catalog, SafetySignals signals, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int FreeTextMax = 2000;

    private static readonly AttendanceStatus[] Attended = [AttendanceStatus.Present, AttendanceStatus.Late, AttendanceStatus.LeftEarly];

    public async Task<AnswerOutcome> HandleAsync(string memberId, long responseId, SurveyForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var response = await db.SurveyResponses.SingleOrDefaultAsync(r => r.Id == responseId && r.MemberId == memberId, ct);
        if (response is null)
        {
            return new AnswerOutcome(AnswerStatus.NotFound, 0, []);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (!MySurveys.IsOpen(response, now))
        {
            return new AnswerOutcome(AnswerStatus.Closed, 0, []);
        }
        var instrument = await catalog.GetAsync(response.InstrumentId, ct);
        if (instrument is null || instrument.Sections.Count == 0)
        {
            return new AnswerOutcome(AnswerStatus.Closed, 0, []);
        }
        var answers = SurveyAnswers.Read(response.AnswersJson);
        if (!int.TryParse(form.Part, NumberStyles.None, CultureInfo.InvariantCulture, out var part) || part < 1 || part > instrument.Sections.Count)
        {
            return new AnswerOutcome(AnswerStatus.Invalid, SurveyAnswers.ResumeAt(instrument, answers) + 1, [],
                Problem: text["We could not tell which part of the survey you were on. Please try this part again."]);
        }
        var go = form.Go switch { "back" or "later" or "finish" => form.Go, _ => "next" };
        var section = instrument.Sections[part - 1];
        var posted = form.Answers ?? [];
        if (posted.Keys.Any(key => !section.Items.Any(i => i.LinkId == key)))
        {
            return new AnswerOutcome(AnswerStatus.Invalid, part, [],
                Problem: text["We could not read one of your answers. Nothing was saved. Please try this part again."]);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var updated = new Dictionary<string, AnswerValue>(answers, StringComparer.Ordinal);
        var newWords = new List<string>();
        foreach (var item in section.Items)
        {
            var raw = posted.TryGetValue(item.LinkId, out var value) ? value?.Trim() : null;
            if (string.IsNullOrEmpty(raw))
            {
                updated.Remove(item.LinkId);
                if (item.Required && go is "next" or "finish")
                {
                    errors[item.LinkId] = [text["Please answer this question."]];
                }
                continue;
            }
            if (item.Kind == ItemKind.FreeText)
            {
                // A line break is one character, as the browser counts it.
                raw = raw.ReplaceLineEndings("\n");
                if (!answers.TryGetValue(item.LinkId, out var before) || before.Text != raw)
                {
                    newWords.Add(raw);
                }
                if (raw.Length > FreeTextMax)
                {
                    errors[item.LinkId] = [text["Please keep this under {0} characters.", FreeTextMax.ToString("N0", CultureInfo.CurrentCulture)]];
                    continue;
                }
                updated[item.LinkId] = AnswerValue.Of(raw);
                continue;
            }
            var (min, max) = item.Range;
            if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < min || number > max
                || (item.Kind == ItemKind.Choice && item.Choices.Count > 0 && !item.Choices.Any(c => c.Score == number)))
            {
                errors[item.LinkId] = [text["Please choose one of the answers shown."]];
                continue;
            }
            updated[item.LinkId] = AnswerValue.Of(number);
        }
        // The member's own words reach the safety net before anything else is done with them, whatever else is wrong with
        // the part: someone who writes that they want to end their life and skips a required question still gets help.
        var crisis = false;
        foreach (var words in newWords)
        {
            var priority = await signals.TextAsync(memberId, "survey", response.Id.ToString(CultureInfo.InvariantCulture), words, ct);
            crisis |= priority == CasePriority.Urgent;
        }
        if (errors.Count > 0)
        {
            if (newWords.Count > 0)
            {
                await db.SaveChangesAsync(ct); // The signal only: no answer of this part is saved.
            }
            return new AnswerOutcome(AnswerStatus.Invalid, part, errors, crisis,
                Problem: text["Something in this part needs a look. Nothing was saved yet."]);
        }

        // Finishing with a question that needs an answer still empty on another part (skipped with "later", "back" or a
        // link): this part is saved, and the member is taken to the first such question.
        var missing = go == "finish"
            ? instrument.Sections.Select((s, i) => (Index: i, Items: s.Items.Where(item => item.Required && !SurveyAnswers.Has(updated, item)).ToList()))
                .FirstOrDefault(s => s.Items.Count > 0)
            : default;
        if (missing.Items is { Count: > 0 })
        {
            go = "later";
        }

        response.AnswersJson = SurveyAnswers.Write(instrument, updated);
        response.ItemsAnswered = instrument.Items.Count(i => SurveyAnswers.Has(updated, i));
        response.StartedAtUtc ??= now;
        response.UpdatedAtUtc = now;
        var id = response.Id.ToString(CultureInfo.InvariantCulture);
        if (go == "finish")
        {
            var dates = await db.MeetingAttendances.AsNoTracking()
                .Where(a => a.UserId == memberId && Attended.Contains(a.Status) && a.OccurrenceStartUtc <= now)
                .Select(a => a.OccurrenceStartUtc)
                .ToListAsync(ct);
            response.MeetingsAttended = dates.Count;
            response.WeeksEngaged = dates.Select(d => (ISOWeek.GetYear(d), ISOWeek.GetWeekOfYear(d))).Distinct().Count();
            foreach (var score in InstrumentScorer.Score(instrument, updated))
            {
                response.Scores.Add(new SurveyScore
                {
                    InstrumentId = response.InstrumentId, MemberId = memberId, DaysAfterJoining = response.DaysAfterJoining,
                    Scale = score.Scale, Value = score.Value, CompletedAtUtc = now, MeetingsAttended = response.MeetingsAttended,
                });
            }
            await BaselinePairing.PairAsync(db, response, ct);
            response.Status = SurveyStatus.Completed;
            response.CompletedAtUtc = now;
            audit.StageChange(AuditActions.OutcomesSurveyCompleted, "SurveyResponse", id,
                string.Create(CultureInfo.InvariantCulture, $"{response.ItemsAnswered} of {instrument.Items.Count()} answered; {response.MeetingsAttended} meetings in {response.WeeksEngaged} weeks."));
        }
        else
        {
            response.Status = SurveyStatus.InProgress;
            audit.StageChange(AuditActions.OutcomesSurveySaved, "SurveyResponse", id,
                string.Create(CultureInfo.InvariantCulture, $"Part {part} of {instrument.Sections.Count} saved; {response.ItemsAnswered} answered."));
        }
        await db.SaveChangesAsync(ct);

        if (missing.Items is { Count: > 0 })
        {
            return new AnswerOutcome(AnswerStatus.Invalid, missing.Index + 1,
                missing.Items.ToDictionary(item => item.LinkId, _ => new[] { text["Please answer this question."].Value }, StringComparer.Ordinal), crisis,
                Problem: text["A question that needs an answer is still empty. Your other answers are saved."]);
        }
        if (go == "finish")
        {
            return new AnswerOutcome(AnswerStatus.Completed, part, [], crisis);
        }
        var nextPart = go switch
        {
            "back" => Math.Max(1, part - 1),
            "later" => part,
            _ => Math.Min(instrument.Sections.Count, part + 1),
        };
        return new AnswerOutcome(AnswerStatus.Saved, nextPart, [], crisis);
    }
}
