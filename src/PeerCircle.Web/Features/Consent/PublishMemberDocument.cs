using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Content;
using PeerCircle.Web.Features.Training;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Consent;

/// <summary>A coordinator's new version of a member document, as posted.</summary>
public sealed class PublishDocumentForm
{
    /// <summary>The Markdown text members read.</summary>
    public string? Body { get; set; }

    /// <summary>What changed and why, in the coordinator's words.</summary>
    public string? Note { get; set; }

    /// <summary>The version the coordinator started from, so two editors cannot overwrite each other.</summary>
    public string? BasedOn { get; set; }
}

public sealed record PublishDocumentResult(int? Number, Dictionary<string, string[]> Errors);

/// <summary>
/// A coordinator publishes a new version of the participant consent or the outside-interactions policy. It becomes
/// the next version at once: every member must sign (or acknowledge) it again before taking part.
/// </summary>
public sealed class PublishMemberDocument(
    PeerCircleDb db, MemberDocuments documents, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int NoteMax = 500;
    public const int BodyMax = 100_000;

    /// <summary>Member documents are held to this reading level or below; a harder text still publishes, with a warning.</summary>
    public const double GradeGoal = 8;

    public async Task<PublishDocumentResult> HandleAsync(string slug, PublishDocumentForm form, string editorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        var current = await documents.CurrentAsync(slug, cancellationToken)
            ?? throw new InvalidOperationException($"No member document '{slug}'.");
        var body = ConsentLibrary.NormalizeBody(form.Body ?? "");
        var note = (form.Note ?? "").Trim();

        if (form.BasedOn != current.Number.ToString(CultureInfo.InvariantCulture))
        {
            errors["document-body"] = [text["Someone published version {0} while you were editing. Copy your changes, open the page again, and add them to the newest text.", current.Number]];
            return new PublishDocumentResult(null, errors);
        }
        if (body.Length == 0)
        {
            errors["document-body"] = [text["Please write the text of the document."]];
        }
        else if (body.Length > BodyMax)
        {
            errors["document-body"] = [text["The text is too long. Please keep it under {0} characters.", BodyMax]];
        }
        else if (ConsentLibrary.Sha256(body) == current.TextSha256)
        {
            errors["document-body"] = [text["You have not changed the text yet."]];
        }
        else if (ConsentLibrary.HasRawHtml(body))
        {
            errors["document-body"] = [text["Please take out the HTML tags, such as <div> or <br>. Use Markdown instead: ## for a heading, - for a list item, **bold** for bold."]];
        }
        if (note.Length == 0)
        {
            errors["document-note"] = [text["Say in a sentence what you changed and why. Other coordinators see it in the history, and members who signed before see it when they sign again."]];
        }
        else if (note.Length > NoteMax)
        {
            errors["document-note"] = [text["Keep the note about your change to {0} characters or fewer.", NoteMax]];
        }
        if (errors.Count > 0)
        {
            return new PublishDocumentResult(null, errors);
        }

        var number = current.Number + 1;
        var editorName = await db.Users.Where(u => u.Id == editorId).Select(u => u.FullName).SingleAsync(cancellationToken);
        var source = ConsentLibrary.ToSource(slug, current.Title, number, current.Summary, body);
        db.ContentRevisions.Add(new ContentRevision
        {
            Kind = ContentKinds.MemberDocument,
            Slug = slug,
            Number = number,
            Source = source,
            Fingerprint = CurriculumLibrary.Fingerprint(source),
            Summary = note,
            EditedById = editorId,
            EditedByName = editorName,
            SavedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        audit.StageChange(AuditActions.MemberDocumentPublished, "MemberDocument", slug,
            string.Create(CultureInfo.InvariantCulture, $"version {number}: {note}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another coordinator published the same version number a moment earlier.
            errors["document-body"] = [text["Someone published a new version at the same moment. Copy your changes, open the page again, and add them to the newest text."]];
            return new PublishDocumentResult(null, errors);
        }
        return new PublishDocumentResult(number, errors);
    }
}
