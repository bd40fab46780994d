using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Content;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Training;

/// <summary>A coordinator's edit of a piece of content, as posted: the whole text, a note, and the version it started from.</summary>
public sealed class ContentEditForm
{
    public string? Source { get; set; }
    public string? Summary { get; set; }
    public string? BasedOn { get; set; }
}

/// <summary>
/// The part every content edit shares: the checks on the note and the starting version, and saving the next
/// numbered version with its audit event. The caller parses and checks the text itself.
/// </summary>
public sealed class ContentVersionWriter(PeerCircleDb db, AuditTrail audit, TimeProvider time)
{
    public const int SummaryMax = 500;
    public const int SourceMax = 100_000;

    /// <summary>The text as it will be stored, with line endings made <c>\n</c>.</summary>
    public static string Normalise(string? source) => (source ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";

    /// <summary>
    /// Problems with the note (reported with any problems in the text), and a problem that stops the edit at once:
    /// too long, someone saved meanwhile, or nothing changed.
    /// </summary>
    public static (List<string> NoteProblems, string? Blocking) Precheck(ContentEditForm form, string currentFingerprint, int currentNumber)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = new List<string>();
        string? blocking = null;
        var summary = (form.Summary ?? "").Trim();
        if (summary.Length == 0)
        {
            problems.Add("Say in a sentence what you changed and why. Others see it in the history.");
        }
        else if (summary.Length > SummaryMax)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Keep the note about your change to {SummaryMax} characters or fewer."));
        }
        var source = Normalise(form.Source);
        if (source.Length > SourceMax)
        {
            blocking = "The text is too long. Split it or trim it.";
        }
        else if (form.BasedOn != currentFingerprint)
        {
            blocking = string.Create(CultureInfo.InvariantCulture,
                $"Someone saved version {currentNumber} while you were editing. Copy your changes, open the page again, and add them to the newest text.");
        }
        else if (CurriculumLibrary.Fingerprint(source) == currentFingerprint)
        {
            blocking = "You have not changed the text yet.";
        }
        return (problems, blocking);
    }

    /// <summary>Saves the next version; null when another coordinator saved the same number a moment earlier.</summary>
    public async Task<int?> SaveAsync(string kind, string slug, string source, string fingerprint, string summary,
        string editorId, string editorName, string auditAction, CancellationToken cancellationToken)
    {
        var number = 1 + await db.ContentRevisions
            .Where(r => r.Kind == kind && r.Slug == slug)
            .MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
        db.ContentRevisions.Add(new ContentRevision
        {
            Kind = kind, Slug = slug, Number = number, Source = source, Fingerprint = fingerprint, Summary = summary.Trim(),
            EditedById = editorId, EditedByName = editorName, SavedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        audit.StageChange(auditAction, kind, slug, string.Create(CultureInfo.InvariantCulture, $"version {number}: {summary.Trim()}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return null;
        }
        return number;
    }

    /// <summary>Turns a parser message into a sentence a coordinator can act on.</summary>
    public static string Explain(InvalidDataException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        if (ex.InnerException is YamlDotNet.Core.YamlException yaml)
        {
            // The details block starts on the line after the first "---".
            return string.Create(CultureInfo.InvariantCulture,
                $"Line {yaml.Start.Line + 1} of the text could not be read. Check that the value is in double quotes, that no quote is missing, and that it lines up with the lines around it.");
        }
        return ex.Message.Contains("closing '---'", StringComparison.Ordinal)
            ? "The details at the top need a line with only --- after them, before the notes."
            : "The text must start with a line with only --- on it, then the details, then another --- line.";
    }
}
