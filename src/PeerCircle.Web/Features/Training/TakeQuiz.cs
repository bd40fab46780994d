using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Training;

namespace PeerCircle.Web.Features.Training;

/// <summary>The learner's answers as posted: the index of the chosen choice for each question, as text.</summary>
public sealed class QuizAnswers
{
    public List<string?> Answers { get; set; } = [];
}

public sealed record QuestionResult(int ChosenIndex, bool Correct);

public sealed record QuizResult(IReadOnlyList<QuestionResult> Questions, int Correct, bool Passed)
{
    public int Percent => Questions.Count == 0 ? 0 : (int)Math.Round(100.0 * Correct / Questions.Count);
}

/// <summary>Scores a module's knowledge check and records the attempt against the module's exact version.</summary>
public sealed class TakeQuiz(PeerCircleDb db, TimeProvider time)
{
    /// <summary>The share of questions a learner must get right to pass a module.</summary>
    public const double PassMark = 0.8;

    /// <summary>Null with a message when an answer is missing or not one of the choices; nothing is saved then.</summary>
    public async Task<(QuizResult? Result, string? Problem)> HandleAsync(
        string userId, TrainingModule module, QuizAnswers answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(answers);
        var results = new List<QuestionResult>();
        for (var i = 0; i < module.Quiz.Count; i++)
        {
            var raw = i < answers.Answers.Count ? answers.Answers[i] : null;
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen)
                || chosen < 0 || chosen >= module.Quiz[i].Choices.Count)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"Please answer question {i + 1}. Every question needs an answer."));
            }
            results.Add(new QuestionResult(chosen, module.Quiz[i].Choices[chosen].Correct));
        }
        var correct = results.Count(r => r.Correct);
        var passed = module.Quiz.Count > 0 && correct >= Math.Ceiling(PassMark * module.Quiz.Count);
        db.ModuleAttempts.Add(new ModuleAttempt
        {
            UserId = userId,
            ModuleSlug = module.Slug,
            ModuleVersion = module.Version,
            Correct = correct,
            Questions = module.Quiz.Count,
            Passed = passed,
            AttemptedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (new QuizResult(results, correct, passed), null);
    }

    /// <summary>Each module's best result for one learner: passed, tried, or not started.</summary>
    public async Task<IReadOnlyDictionary<string, ModuleProgress>> ProgressAsync(string userId, CancellationToken cancellationToken)
    {
        var attempts = await db.ModuleAttempts.AsNoTracking()
            .Where(a => a.UserId == userId)
            .GroupBy(a => a.ModuleSlug)
            .Select(g => new { Slug = g.Key, Passed = g.Any(a => a.Passed), Best = g.Max(a => a.Correct * 100 / a.Questions), Tries = g.Count() })
            .ToListAsync(cancellationToken);
        return attempts.ToDictionary(a => a.Slug, a => new ModuleProgress(a.Passed, a.Best, a.Tries));
    }
}

public sealed record ModuleProgress(bool Passed, int BestPercent, int Tries);
