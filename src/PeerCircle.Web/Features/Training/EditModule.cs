using PeerCircle.Data.Content;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Training;

public sealed record ContentEditResult(int? Number, IReadOnlyList<string> Problems);

/// <summary>
/// Saves a coordinator's edit as the module's next version, after it passes the same bar as the shipped content.
/// Learners who passed an earlier version keep their pass and can still read what they studied.
/// </summary>
public sealed class EditModule(CurriculumLibrary curriculum, ContentVersionWriter writer)
{
    public async Task<ContentEditResult> HandleAsync(string slug, ContentEditForm form, string editorId, string editorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var current = curriculum.Module(slug) ?? throw new InvalidOperationException($"No module '{slug}'.");
        var (problems, blocking) = ContentVersionWriter.Precheck(form, current.Version, current.Number);
        if (blocking is not null)
        {
            return new ContentEditResult(null, [.. problems, blocking]);
        }
        var source = ContentVersionWriter.Normalise(form.Source);
        TrainingModule edited;
        try
        {
            edited = CurriculumLibrary.ParseModule(slug, source);
        }
        catch (InvalidDataException ex)
        {
            return new ContentEditResult(null, [.. problems, ContentVersionWriter.Explain(ex)]);
        }
        if (edited.Slug != slug)
        {
            problems.Add($"Keep the line slug: \"{slug}\". The module's address and everyone's progress depend on it.");
        }
        problems.AddRange(ModuleRules.Check(edited, curriculum));
        if (problems.Count > 0)
        {
            return new ContentEditResult(null, problems);
        }
        var number = await writer.SaveAsync(ContentKinds.Module, slug, source, edited.Version, form.Summary!, editorId, editorName, AuditActions.ModuleEdited, cancellationToken);
        if (number is null)
        {
            return new ContentEditResult(null, ["Someone saved a new version at the same moment. Copy your changes, open the page again, and add them to the newest text."]);
        }
        edited.Number = number.Value;
        curriculum.Publish(edited);
        return new ContentEditResult(number, []);
    }
}
