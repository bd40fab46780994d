using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Accounts;
using PeerCircle.Data.Members;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Consent;

/// <summary>A member's signature on the participant consent, as posted.</summary>
public sealed class SignConsentForm
{
    /// <summary>"true" when the member ticked "I have read this and I agree".</summary>
    public string? Agreed { get; set; }
    public string? TypedName { get; set; }

    /// <summary>The version the member read, so a version published while they read is never signed unseen.</summary>
    public string? Version { get; set; }
}

public sealed record SignConsentResult(long? SignatureId, int? Version, Dictionary<string, string[]> Errors);

/// <summary>
/// The member signs the current participant consent: they tick, type their name, and the signature keeps the
/// version, the SHA-256 of the exact text they read, the time and the typed name. Signatures are never changed.
/// </summary>
public sealed partial class SignConsent(
    PeerCircleDb db, MemberDocuments documents, MemberConsent consent, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public async Task<SignConsentResult> HandleAsync(string userId, SignConsentForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        var current = await documents.CurrentAsync(MemberConsent.ParticipantConsent, cancellationToken);
        if (current is null)
        {
            errors["consent-agree"] = [text["There is no consent to sign yet. Please try again later."]];
            return new SignConsentResult(null, null, errors);
        }
        if (form.Version != current.Number.ToString(CultureInfo.InvariantCulture))
        {
            errors["consent-agree"] = [text["We updated the consent while you were reading. Please read the new version below, then sign it."]];
            return new SignConsentResult(null, null, errors);
        }
        var standing = await consent.StandingAsync(userId, cancellationToken);
        if (standing.SignedCurrent)
        {
            // A second post of the same form (a refresh, another tab) signs nothing new.
            return new SignConsentResult(standing.SignatureId, current.Number, errors);
        }
        if (form.Agreed != "true")
        {
            errors["consent-agree"] = [text["Please tick the box to say you have read the consent and agree to it."]];
        }
        var typed = Tidy(form.TypedName);
        var fullName = await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).SingleAsync(cancellationToken);
        if (typed.Length == 0)
        {
            errors["consent-name"] = [text["Please type your full name to sign."]];
        }
        else if (typed.Length > AccountLimits.NameMax)
        {
            errors["consent-name"] = [text["Please keep your name under {0} characters.", AccountLimits.NameMax]];
        }
        else if (!SameName(typed, fullName))
        {
            errors["consent-name"] = [text["The name you typed is not the same as the name on your account, {0}. Please type it that way. If your name has changed, you can update it in My details first.", fullName]];
        }
        if (errors.Count > 0)
        {
            return new SignConsentResult(null, null, errors);
        }

        var signature = new ConsentSignature
        {
            UserId = userId,
            DocumentSlug = MemberConsent.ParticipantConsent,
            Version = current.Number,
            TextSha256 = current.TextSha256,
            TypedName = typed,
            SignedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.ConsentSignatures.Add(signature);
        audit.StageChange(AuditActions.ConsentSigned, "Member", userId,
            string.Create(CultureInfo.InvariantCulture, $"{MemberConsent.ParticipantConsent} v{current.Number}"));
        await db.SaveChangesAsync(cancellationToken);
        return new SignConsentResult(signature.Id, current.Number, errors);
    }

    /// <summary>Names match when they differ only in capital letters or spaces.</summary>
    public static bool SameName(string typed, string fullName) =>
        string.Equals(Tidy(typed), Tidy(fullName), StringComparison.OrdinalIgnoreCase);

    private static string Tidy(string? name) => Spaces().Replace(name ?? "", " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
