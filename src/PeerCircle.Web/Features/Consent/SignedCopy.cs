using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Consent;

/// <summary>A member's copy of a consent they signed: the file name and its text.</summary>
public sealed record SignedCopyFile(string FileName, string Text);

/// <summary>
/// The signer's own copy of what they signed: the exact text of that version, then a signature block with the
/// typed name, the time (UTC), the version and the SHA-256. Only the signer gets it; every download is audited.
/// </summary>
public sealed class SignedCopy(PeerCircleDb db, MemberDocuments documents, AuditTrail audit, IStringLocalizer<SharedResource> text)
{
    /// <summary>The copy, or null when there is no such signature or it is someone else's.</summary>
    public async Task<SignedCopyFile?> HandleAsync(long signatureId, string userId, CancellationToken cancellationToken)
    {
        var signature = await db.ConsentSignatures.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == signatureId && s.UserId == userId, cancellationToken);
        if (signature is null)
        {
            return null;
        }
        var document = await documents.ReadAsync(signature.DocumentSlug, signature.Version, cancellationToken);
        await audit.RecordReadAsync(AuditActions.ConsentCopyDownloaded, "ConsentSignature",
            signature.Id.ToString(CultureInfo.InvariantCulture), $"{signature.DocumentSlug} v{signature.Version}", cancellationToken);

        var copy = new StringBuilder();
        if (document is null)
        {
            copy.Append(text["The text of this version could not be found. Please ask a coordinator for help."].Value).Append('\n');
        }
        else
        {
            copy.Append(document.Body).Append('\n');
        }
        copy.Append("\n---\n\n");
        copy.Append(text["Signed by: {0}", signature.TypedName].Value).Append('\n');
        copy.Append(text["Signed on: {0} UTC", signature.SignedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)].Value).Append('\n');
        copy.Append(text["Document: {0}, version {1}", document?.Title ?? signature.DocumentSlug, signature.Version].Value).Append('\n');
        copy.Append(text["SHA-256 of the text above the line: {0}", signature.TextSha256].Value).Append('\n');
        if (document is not null && document.TextSha256 != signature.TextSha256)
        {
            copy.Append(text["Warning: the text above does not match this fingerprint. Please ask a coordinator for help."].Value).Append('\n');
        }
        var fileName = string.Create(CultureInfo.InvariantCulture,
            $"peercircle-{signature.DocumentSlug}-v{signature.Version}-signed-{signature.SignedAtUtc:yyyy-MM-dd}.txt");
        return new SignedCopyFile(fileName, copy.ToString());
    }
}
