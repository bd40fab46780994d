using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.Web.Features.Consent;

/// <summary>A member document as written: the details from its front matter and the Markdown body members read.</summary>
public sealed class MemberDocument
{
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public int Version { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>The text members read and sign; its SHA-256 (<see cref="ConsentLibrary.Sha256"/>) goes with each signature.</summary>
    public string Body { get; set; } = "";

    /// <summary>The whole file: front matter and body.</summary>
    public string Source { get; set; } = "";
}

/// <summary>
/// The member documents shipped in <c>content/consent</c>, parsed once at start-up, and the rules every version of
/// them follows: how the signed text is fingerprinted, how a version is written down, and that it holds no raw HTML.
/// The versions members read live in the database (<see cref="MemberDocuments"/>).
/// </summary>
public sealed class ConsentLibrary
{
    // Coordinators edit these texts in the app, so raw HTML is never passed through (as for training content).
    private static readonly MarkdownPipeline Parser = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public ConsentLibrary(IEnumerable<MemberDocument> shipped)
    {
        Shipped = [.. shipped.OrderBy(d => d.Slug, StringComparer.Ordinal)];
        BySlug = Shipped.ToFrozenDictionary(d => d.Slug, StringComparer.Ordinal);
    }

    /// <summary>The documents that come with PeerCircle, by slug.</summary>
    public IReadOnlyList<MemberDocument> Shipped { get; }
    private FrozenDictionary<string, MemberDocument> BySlug { get; }

    public MemberDocument? ShippedDocument(string slug) => BySlug.GetValueOrDefault(slug);

    public static ConsentLibrary Load(string folder)
    {
        var documents = new List<MemberDocument>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.md"))
        {
            if (string.Equals(Path.GetFileName(path), "README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var document = Parse(path, File.ReadAllText(path));
            if (document.Slug != Path.GetFileNameWithoutExtension(path))
            {
                throw new InvalidDataException($"{path}: the slug \"{document.Slug}\" must be the same as the file's name.");
            }
            documents.Add(document);
        }
        return new ConsentLibrary(documents);
    }

    public static ConsentLibrary LoadShipped() => Load(Path.Combine(AppContext.BaseDirectory, "content", "consent"));

    /// <summary>Reads a document's whole text; a file that does not parse stops start-up with its name.</summary>
    public static MemberDocument Parse(string name, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var document = CurriculumLibrary.ParseText<MemberDocument>(name, source, (d, body) => d.Body = body);
        document.Source = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (document.Slug.Length == 0 || document.Title.Length == 0 || document.Version < 1 || document.Body.Length == 0)
        {
            throw new InvalidDataException($"{name}: a member document needs a slug, a title, a version of 1 or more, and text.");
        }
        if (HasRawHtml(document.Body))
        {
            throw new InvalidDataException($"{name}: members' documents may not contain raw HTML.");
        }
        return document;
    }

    /// <summary>
    /// The SHA-256 (lower-case hex) of exactly the text a member reads: line endings as <c>\n</c>, the ends trimmed,
    /// UTF-8. The same rule as <see cref="PolicyText.Sha256"/> and content/consent/README.md.
    /// </summary>
    public static string Sha256(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NormalizeBody(text))));
    }

    /// <summary>The SHA-256 (lower-case hex) of the text exactly as stored, UTF-8; for texts kept whole, like a comfort agreement.</summary>
    public static string Sha256OfExactText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string NormalizeBody(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }

    /// <summary>The whole text of a new version, in the same form as the shipped files.</summary>
    public static string ToSource(string slug, string title, int version, string summary, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return string.Create(CultureInfo.InvariantCulture,
            $"---\nslug: {Quote(slug)}\ntitle: {Quote(title)}\nversion: {version}\nsummary: {Quote(summary)}\n---\n{NormalizeBody(body)}\n");
    }

    /// <summary>Member-facing HTML; raw HTML in the text is shown as text, never passed through.</summary>
    public static string ToHtml(string markdown) => CurriculumLibrary.ToHtml(markdown);

    /// <summary>True when the Markdown holds an HTML tag or block, which members' documents may not.</summary>
    public static bool HasRawHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Parser);
        return document.Descendants<HtmlBlock>().Any() || document.Descendants<HtmlInline>().Any();
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal) + "\"";
}
