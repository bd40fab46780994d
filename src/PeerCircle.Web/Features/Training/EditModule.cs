using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Content;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Training;

/// <summary>A coordinator's edit of one module, as posted.</summary>
public sealed class ModuleEditForm
{
    public string? Source { get; set; }
    public string? Summary { get; set; }

    /// <summary>The fingerprint of the version the coordinator started from, so two editors cannot overwrite each other.</summary>
    public string? BasedOn { get; set; }
}

public sealed record ModuleEditResult(int? Number, IReadOnlyList<string> Problems);

/// <summary>
/// Saves a coordinator's edit as the module's next version, after it passes the same bar as the shipped content.
/// Learners who passed an earlier version keep their pass and can still read what they studied.
/// </summary>
public sealed class EditModule(PeerCircleDb db, CurriculumLibrary curriculum, AuditTrail audit, TimeProvider time)
{
    public const int SummaryMax = 500;
    public const int SourceMax = 100_000;

    public async Task<ModuleEditResult> HandleAsync(string slug, ModuleEditForm form, string editorId, string editorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var current = curriculum.Module(slug) ?? throw new InvalidOperationException($"No module '{slug}'.");
        var source = (form.Source ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";
        var summary = (form.Summary ?? "").Trim();

        var problems = new List<string>();
        if (summary.Length == 0)
        {
            problems.Add("Say in a sentence what you changed and why. Learners and other coordinators see it in the history.");
        }
        else if (summary.Length > SummaryMax)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Keep the note about your change to {SummaryMax} characters or fewer."));
        }
        if (source.Length > SourceMax)
        {
            return new ModuleEditResult(null, [.. problems, "The module text is too long. Split it or trim it."]);
        }
        if (form.BasedOn != current.Version)
        {
            return new ModuleEditResult(null, [.. problems, string.Create(CultureInfo.InvariantCulture,
                $"Someone saved version {current.Number} while you were editing. Copy your changes, open the module again, and add them to the newest text.")]);
        }
        if (CurriculumLibrary.Fingerprint(source) == current.Version)
        {
            return new ModuleEditResult(null, [.. problems, "You have not changed the module text yet."]);
        }

        TrainingModule edited;
        try
        {
            edited = CurriculumLibrary.ParseModule(slug, source);
        }
        catch (InvalidDataException ex)
        {
            return new ModuleEditResult(null, [.. problems, Explain(ex)]);
        }
        if (edited.Slug != slug)
        {
            problems.Add($"Keep the line slug: \"{slug}\". The module's address and everyone's progress depend on it.");
        }
        problems.AddRange(ModuleRules.Check(edited, curriculum));
        if (problems.Count > 0)
        {
            return new ModuleEditResult(null, problems);
        }

        var number = 1 + await db.ContentRevisions
            .Where(r => r.Kind == ContentKinds.Module && r.Slug == slug)
            .MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
        db.ContentRevisions.Add(new ContentRevision
        {
            Kind = ContentKinds.Module,
            Slug = slug,
            Number = number,
            Source = source,
            Fingerprint = edited.Version,
            Summary = summary,
            EditedById = editorId,
            EditedByName = editorName,
            SavedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        audit.StageChange(AuditActions.ModuleEdited, "module", slug, string.Create(CultureInfo.InvariantCulture, $"version {number}: {summary}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another coordinator saved the same version number a moment earlier.
            return new ModuleEditResult(null, ["Someone saved a new version at the same moment. Copy your changes, open the module again, and add them to the newest text."]);
        }
        edited.Number = number;
        curriculum.Publish(edited);
        return new ModuleEditResult(number, []);
    }

    /// <summary>Turns a parser message into a sentence a coordinator can act on.</summary>
    private static string Explain(InvalidDataException ex)
    {
        if (ex.InnerException is YamlDotNet.Core.YamlException yaml)
        {
            // The details block starts on the line after the first "---".
            var line = yaml.Start.Line + 1;
            return string.Create(CultureInfo.InvariantCulture,
                $"Line {line} of the module text could not be read. Check that the value is in double quotes, that no quote is missing, and that it lines up with the lines around it.");
        }
        return ex.Message.Contains("closing '---'", StringComparison.Ordinal)
            ? "The details at the top need a line with only --- after them, before the teaching text."
            : "The module text must start with a line with only --- on it, then the details, then another --- line.";
    }
}
