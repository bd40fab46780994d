using System.Globalization;

namespace PeerCircle.Web.Features.Training;

/// <summary>
/// What every module needs before learners see it: the same bar for the shipped files (checked by the content
/// tests) and for a coordinator's edit (checked before it is saved). Each problem is a sentence saying what to fix.
/// </summary>
public static class ModuleRules
{
    public const double MaxGrade = 9;
    public const int MinTeachingWords = 250;

    public static IReadOnlyList<string> Check(TrainingModule module, CurriculumLibrary library)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(library);
        var problems = new List<string>();
        void Need(bool ok, FormattableString problem)
        {
            if (!ok)
            {
                problems.Add(FormattableString.Invariant(problem));
            }
        }

        Need(!string.IsNullOrWhiteSpace(module.Title), $"Give the module a title.");
        Need(ProgramDesign.Topics.ContainsKey(module.Topic), $"The topic “{module.Topic}” is not one of the program's training topics.");
        Need(module.Minutes is > 0 and <= 240, $"Set minutes to a number from 1 to 240.");
        Need(module.Objectives.Count is >= 3 and <= 5, $"List 3 to 5 learning objectives (there are {module.Objectives.Count}).");
        var words = WordCount(module.Body);
        Need(words >= MinTeachingWords, $"The teaching text has {words} words; it needs at least {MinTeachingWords}.");
        foreach (var placeholder in (string[])["TODO", "lorem ipsum", "TBD"])
        {
            Need(!module.Body.Contains(placeholder, StringComparison.OrdinalIgnoreCase), $"The teaching text still says “{placeholder}”. Finish that part first.");
        }
        var grade = Readability.FleschKincaidGrade(module.Body);
        Need(grade <= MaxGrade, $"The teaching text reads at grade {grade.ToString("0.0", CultureInfo.InvariantCulture)}; keep it at grade {MaxGrade} or below with shorter sentences and everyday words.");
        Need(module.SayThis.Count > 0, $"Add at least one “say this / avoid this” example.");
        Need(module.SayThis.All(p => !string.IsNullOrWhiteSpace(p.Say) && !string.IsNullOrWhiteSpace(p.Avoid) && !string.IsNullOrWhiteSpace(p.Why)),
            $"Every “say this” example needs say, avoid and why filled in.");
        Need(module.Vignettes.Count > 0, $"Link at least one practice scenario under vignettes.");
        foreach (var slug in module.Vignettes.Where(v => library.Vignette(v) is null))
        {
            Need(false, $"There is no practice scenario called “{slug}”.");
        }
        Need(module.Quiz.Count >= 4, $"The knowledge check has {module.Quiz.Count} questions; it needs 4 or more.");
        for (var i = 0; i < module.Quiz.Count; i++)
        {
            var question = module.Quiz[i];
            var n = i + 1;
            Need(!string.IsNullOrWhiteSpace(question.Question), $"Question {n} has no question text.");
            Need(question.Choices.Count is >= 3 and <= 4, $"Question {n} needs 3 or 4 choices (it has {question.Choices.Count}).");
            Need(question.Choices.Count(c => c.Correct) == 1, $"Question {n} needs exactly one choice marked correct.");
            Need(question.Choices.All(c => !string.IsNullOrWhiteSpace(c.Text) && !string.IsNullOrWhiteSpace(c.Explanation)),
                $"Every choice in question {n} needs its text and an explanation.");
        }
        Need(!string.IsNullOrWhiteSpace(module.Reflection), $"Add a reflection prompt.");
        return problems;
    }

    public static int WordCount(string text) =>
        (text ?? "").Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
}
