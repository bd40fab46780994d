using System.Globalization;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.Web.Features.Topics;

/// <summary>What every meeting topic needs, for the shipped files and for a coordinator's edit alike.</summary>
public static class TopicRules
{
    public const double MaxGrade = 9;

    public static readonly IReadOnlySet<string> Audiences = new HashSet<string>(StringComparer.Ordinal) { "patients", "survivors", "caregivers", "bereaved", "mixed" };

    private static readonly string[] ClosedOpenings = ["Do ", "Did ", "Are ", "Is ", "Have ", "Has ", "Can ", "Could ", "Would ", "Will ", "Should "];

    public static IReadOnlyList<string> Check(MeetingTopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var problems = new List<string>();
        void Need(bool ok, FormattableString problem)
        {
            if (!ok)
            {
                problems.Add(FormattableString.Invariant(problem));
            }
        }

        Need(!string.IsNullOrWhiteSpace(topic.Title), $"Give the topic a title.");
        Need(topic.Audiences.Count > 0 && topic.Audiences.All(Audiences.Contains), $"List who the topic suits under audiences: patients, survivors, caregivers, bereaved or mixed.");
        Need(topic.Minutes is >= 10 and <= 60, $"Set minutes for the topic to a number from 10 to 60.");
        Need(!string.IsNullOrWhiteSpace(topic.Brief), $"Write a short brief for the facilitator.");
        Need(topic.Questions.Count is >= 4 and <= 6, $"Write 4 to 6 discussion questions (there are {topic.Questions.Count}).");
        for (var i = 0; i < topic.Questions.Count; i++)
        {
            var question = topic.Questions[i].Trim();
            Need(question.EndsWith('?'), $"Question {i + 1} should end with a question mark.");
            Need(!ClosedOpenings.Any(o => question.StartsWith(o, StringComparison.Ordinal)), $"Question {i + 1} can be answered with yes or no. Start it with What, How or Tell us instead.");
        }
        Need(topic.Exercises.Count is >= 1 and <= 2, $"Add 1 or 2 exercises (there are {topic.Exercises.Count}).");
        for (var i = 0; i < topic.Exercises.Count; i++)
        {
            var exercise = topic.Exercises[i];
            Need(!string.IsNullOrWhiteSpace(exercise.Title), $"Exercise {i + 1} needs a title.");
            Need(exercise.Minutes is >= 3 and <= 30, $"Exercise {i + 1} needs minutes from 3 to 30.");
            Need(exercise.Steps.Count is >= 3 and <= 6, $"Exercise {i + 1} needs 3 to 6 steps (it has {exercise.Steps.Count}).");
            Need(!string.IsNullOrWhiteSpace(exercise.Debrief), $"Exercise {i + 1} needs a closing question.");
        }
        Need(topic.WatchFor.Count > 0, $"List at least one sign that someone may need more than peer support.");
        Need(topic.Resources.Count > 0, $"List at least one kind of outside help to mention.");
        Need(ModuleRules.WordCount(topic.Body) >= 60, $"Write at least 60 words of facilitator notes.");
        var grade = Readability.FleschKincaidGrade(topic.Brief + "\n" + topic.Body + "\n" + string.Join("\n", topic.Questions));
        Need(grade <= MaxGrade, $"The topic reads at grade {grade.ToString("0.0", CultureInfo.InvariantCulture)}; keep it at grade {MaxGrade} or below.");
        return problems;
    }
}
