using System.Text.RegularExpressions;

namespace PeerCircle.Web.Features.Training;

/// <summary>Flesch–Kincaid grade level of plain or Markdown text, so content can be held to a reading level.</summary>
public static partial class Readability
{
    public static double FleschKincaidGrade(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        // Headings and list items read as sentences of their own, even without a full stop.
        var sentences = 0;
        var words = 0;
        var syllables = 0;
        foreach (var rawLine in markdown.Split('\n'))
        {
            var line = MarkdownSyntax().Replace(rawLine, " ");
            var lineWords = Word().Matches(line).Select(m => m.Value).ToList();
            if (lineWords.Count == 0)
            {
                continue;
            }
            words += lineWords.Count;
            syllables += lineWords.Sum(Syllables);
            sentences += SentenceEnd().Split(line).Count(part => Word().IsMatch(part));
        }
        if (words == 0)
        {
            return 0;
        }
        return (0.39 * words / Math.Max(1, sentences)) + (11.8 * syllables / words) - 15.59;
    }

    /// <summary>Vowel groups, less a silent final e; at least one per word.</summary>
    public static int Syllables(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = word.ToLowerInvariant();
        var count = VowelGroup().Matches(lower).Count;
        if (lower.Length > 2 && lower.EndsWith('e') && !lower.EndsWith("le", StringComparison.Ordinal) && count > 1)
        {
            count--;
        }
        return Math.Max(1, count);
    }

    [GeneratedRegex(@"[#>*_`|\[\]()~-]+")]
    private static partial Regex MarkdownSyntax();

    [GeneratedRegex(@"[A-Za-z][A-Za-z']*")]
    private static partial Regex Word();

    [GeneratedRegex(@"[.!?]+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();
}
