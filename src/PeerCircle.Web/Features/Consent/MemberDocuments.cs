using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Content;

namespace PeerCircle.Web.Features.Consent;

/// <summary>One published version of a member document, as members read it.</summary>
public sealed record PublishedDocument(
    string Slug, int Number, string Title, string Summary, string Body, string TextSha256,
    string ChangeNote, string EditedByName, bool ByCoordinator, DateTime SavedAtUtc);

/// <summary>A line of a document's history: who published which version, when, and what changed.</summary>
public sealed record DocumentVersionInfo(int Number, string ChangeNote, string EditedByName, bool ByCoordinator, DateTime SavedAtUtc);

/// <summary>
/// The versions of the member documents kept in the database. The newest number is the one members sign or
/// acknowledge; older numbers stay readable, so a signed copy always shows the exact text that was signed.
/// </summary>
public sealed class MemberDocuments(PeerCircleDb db)
{
    /// <summary>The documents coordinators look after, in the order the coordinator page lists them.</summary>
    public static readonly IReadOnlyList<string> Slugs = [MemberConsent.ParticipantConsent, MemberConsent.OutsideInteractions];

    public async Task<PublishedDocument?> CurrentAsync(string slug, CancellationToken cancellationToken)
    {
        var revision = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == ContentKinds.MemberDocument && r.Slug == slug)
            .OrderByDescending(r => r.Number)
            .FirstOrDefaultAsync(cancellationToken);
        return revision is null ? null : ToPublished(revision);
    }

    public async Task<PublishedDocument?> ReadAsync(string slug, int number, CancellationToken cancellationToken)
    {
        var revision = await db.ContentRevisions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Kind == ContentKinds.MemberDocument && r.Slug == slug && r.Number == number, cancellationToken);
        return revision is null ? null : ToPublished(revision);
    }

    /// <summary>Every version of a document, newest first.</summary>
    public async Task<IReadOnlyList<DocumentVersionInfo>> HistoryAsync(string slug, CancellationToken cancellationToken) =>
        await db.ContentRevisions.AsNoTracking()
            .Where(r => r.Kind == ContentKinds.MemberDocument && r.Slug == slug)
            .OrderByDescending(r => r.Number)
            .Select(r => new DocumentVersionInfo(r.Number, r.Summary, r.EditedByName, r.EditedById != null, r.SavedAtUtc))
            .ToListAsync(cancellationToken);

    internal static PublishedDocument ToPublished(ContentRevision revision)
    {
        var document = ConsentLibrary.Parse(revision.Slug, revision.Source);
        return new PublishedDocument(
            revision.Slug, revision.Number, document.Title, document.Summary, document.Body, ConsentLibrary.Sha256(document.Body),
            revision.Summary, revision.EditedByName, revision.EditedById is not null, revision.SavedAtUtc);
    }
}
