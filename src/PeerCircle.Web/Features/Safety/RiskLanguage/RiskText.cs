using System.Text;

namespace PeerCircle.Web.Features.Safety.RiskLanguage;

/// <summary>
/// A message in the form the rules read: lower case, accents folded ("médico" → "medico", "ñ" → "n"), apostrophes dropped ("can't" → "cant", so a message typed without
/// them reads the same), curly quotes straightened, runs of white space made one space. <see cref="OriginalIndex"/>
/// maps each position back to the message as written, so an excerpt shows the member's own words.
/// </summary>
internal sealed class RiskText
{
    private readonly int[] _map;

    private RiskText(string original, string normal, int[] map, List<(int Start, int End)> clauses, List<(int Start, int End)> sentences)
    {
        Original = original;
        Normal = normal;
        _map = map;
        Clauses = clauses;
        Sentences = sentences;
    }

    public string Original { get; }

    public string Normal { get; }

    /// <summary>Sentences further cut at "but" / "though" / ";" — the unit negation and tense are judged in.</summary>
    public IReadOnlyList<(int Start, int End)> Clauses { get; }

    /// <summary>Sentences (., !, ?, new line).</summary>
    public IReadOnlyList<(int Start, int End)> Sentences { get; }

    public int OriginalIndex(int normalIndex) => _map[Math.Clamp(normalIndex, 0, _map.Length - 1)];

    public string Excerpt(int start, int length)
    {
        if (length <= 0 || _map.Length == 0)
        {
            return string.Empty;
        }
        var from = OriginalIndex(start);
        var to = OriginalIndex(start + length - 1);
        return Original[from..(to + 1)].Trim();
    }

    public static RiskText From(string text)
    {
        var normal = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var lastWasSpace = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\'' or '\u2019' or '\u2018' or '`' or '\u00B4':
                    continue;
                case '\u201C' or '\u201D':
                    c = '"';
                    break;
                case '\u2014' or '\u2013':
                    c = '-';
                    break;
            }
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                // An accent typed as its own combining mark ("esta" + U+0301): dropped, so it reads like "está" folded.
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (c is '\n' or '\r')
                {
                    // A line break ends a sentence; keep one as a full stop.
                    if (normal.Length > 0 && normal[^1] is not '.' and not '\n')
                    {
                        if (normal[^1] == ' ')
                        {
                            normal[^1] = '\n';
                            map[^1] = i;
                        }
                        else
                        {
                            normal.Append('\n');
                            map.Add(i);
                        }
                    }
                    lastWasSpace = true;
                    continue;
                }
                if (lastWasSpace)
                {
                    continue;
                }
                normal.Append(' ');
                map.Add(i);
                lastWasSpace = true;
                continue;
            }
            normal.Append(Unaccented(char.ToLowerInvariant(c)));
            map.Add(i);
            lastWasSpace = false;
        }
        var normalText = normal.ToString();
        return new RiskText(text, normalText, [.. map], Split(normalText, clauses: true), Split(normalText, clauses: false));
    }

    private static List<(int Start, int End)> Split(string text, bool clauses)
    {
        var parts = new List<(int Start, int End)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var cut = (c is '.' or '!' or '?' or '\n' || (clauses && c == ';')) && !IsTitle(text, i);
            var skip = 1;
            if (!cut && clauses && c == ' ')
            {
                foreach (var word in ClauseWords)
                {
                    if (string.CompareOrdinal(text, i, word, 0, word.Length) == 0)
                    {
                        cut = true;
                        skip = 1;
                        break;
                    }
                }
            }
            if (cut)
            {
                if (i > start)
                {
                    parts.Add((start, i));
                }
                start = i + skip;
            }
        }
        if (start < text.Length)
        {
            parts.Add((start, text.Length));
        }
        return parts;
    }

    /// <summary>"Dr. Patel said": the full stop after a title does not end the sentence.</summary>
    private static bool IsTitle(string text, int i)
    {
        if (text[i] != '.')
        {
            return false;
        }
        foreach (var title in Titles)
        {
            var start = i - title.Length;
            if (start >= 0 && string.CompareOrdinal(text, start, title, 0, title.Length) == 0 && (start == 0 || !char.IsLetter(text[start - 1])))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly string[] Titles = ["dr", "mr", "mrs", "ms", "st", "prof"];

    private static readonly string[] ClauseWords = [" but ", " though ", " although ", " however ", " pero ", " aunque ", " sin embargo "];

    /// <summary>Accents folded one character for one, so the map stays exact: "está" reads as "esta", "ñ" as "n".</summary>
    private static char Unaccented(char c) => c switch
    {
        'á' or 'à' or 'â' or 'ä' or 'ã' => 'a',
        'é' or 'è' or 'ê' or 'ë' => 'e',
        'í' or 'ì' or 'î' or 'ï' => 'i',
        'ó' or 'ò' or 'ô' or 'ö' or 'õ' => 'o',
        'ú' or 'ù' or 'û' or 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        _ => c,
    };
}
