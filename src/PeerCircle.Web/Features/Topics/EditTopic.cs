using PeerCircle.Data.Content;
using PeerCircle.Web.Features.Training;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Topics;

/// <summary>Saves a coordinator's edit of a meeting topic as its next version, after the same checks as shipped topics.</summary>
public sealed class EditTopic(TopicLibrary library, ContentVersionWriter writer)
{
    public async Task<ContentEditResult> HandleAsync(string slug, ContentEditForm form, string editorId, string editorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var current = library.Topic(slug) ?? throw new InvalidOperationException($"No topic '{slug}'.");
        var (problems, blocking) = ContentVersionWriter.Precheck(form, current.Version, current.Number);
        if (blocking is not null)
        {
            return new ContentEditResult(null, [.. problems, blocking]);
        }
        var source = ContentVersionWriter.Normalise(form.Source);
        MeetingTopic edited;
        try
        {
            edited = TopicLibrary.Parse(slug, source);
        }
        catch (InvalidDataException ex)
        {
            return new ContentEditResult(null, [.. problems, ContentVersionWriter.Explain(ex)]);
        }
        if (edited.Slug != slug)
        {
            problems.Add($"Keep the line slug: \"{slug}\". Meeting plans point to the topic by it.");
        }
        problems.AddRange(TopicRules.Check(edited));
        if (problems.Count > 0)
        {
            return new ContentEditResult(null, problems);
        }
        var number = await writer.SaveAsync(ContentKinds.Topic, slug, source, edited.Version, form.Summary!, editorId, editorName, AuditActions.TopicEdited, cancellationToken);
        if (number is null)
        {
            return new ContentEditResult(null, ["Someone saved a new version at the same moment. Copy your changes, open the page again, and add them to the newest text."]);
        }
        edited.Number = number.Value;
        library.Publish(edited);
        return new ContentEditResult(number, []);
    }
}
