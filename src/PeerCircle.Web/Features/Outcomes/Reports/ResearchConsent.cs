using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Members;
using PeerCircle.Web.Features.Consent;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>The research-use choice, as posted: "true" when the member ticked yes.</summary>
public sealed class ResearchChoiceForm
{
    public string? Agreed { get; set; }

    /// <summary>The version the member read, so a version published while they read is never agreed to unseen.</summary>
    public string? Version { get; set; }
}

/// <summary>Where a member stands on research use: agreed (and not taken back since) or not.</summary>
public sealed record ResearchStanding(bool Agreed, DateTime? AgreedAtUtc, DateTime? WithdrawnAtUtc);

/// <summary>
/// The optional research-use consent: a member document ("research-use", content/consent/research-use.md) a member
/// agrees to with a tick (a <see cref="ConsentSignature"/> with its version and the SHA-256 of the text) and takes
/// back at any time (a <see cref="ConsentWithdrawal"/>). It has no effect on taking part in groups. Agreeing also
/// gives the member a stable random research pseudonym, kept with their account as an Identity user token, which
/// goes when the account goes.
/// </summary>
public sealed class ResearchConsent(PeerCircleDb db, MemberDocuments documents, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const string Slug = "research-use";
    public const string TokenProvider = "PeerCircle";
    public const string TokenName = "ResearchPseudonym";

    public async Task<ResearchStanding> StandingAsync(string userId, CancellationToken cancellationToken)
    {
        var agreedAt = await db.ConsentSignatures.AsNoTracking()
            .Where(s => s.UserId == userId && s.DocumentSlug == Slug)
            .MaxAsync(s => (DateTime?)s.SignedAtUtc, cancellationToken);
        var withdrawnAt = await db.ConsentWithdrawals.AsNoTracking()
            .Where(w => w.UserId == userId && w.DocumentSlug == Slug)
            .MaxAsync(w => (DateTime?)w.WithdrawnAtUtc, cancellationToken);
        var agreed = agreedAt is { } at && (withdrawnAt is null || withdrawnAt < at);
        return new ResearchStanding(agreed, agreedAt, withdrawnAt);
    }

    /// <summary>
    /// The members whose latest yes is later than any taking back (there is a yes with no taking back at or after it):
    /// a query, so it runs inside other queries.
    /// </summary>
    public IQueryable<string> ConsentingMemberIds() =>
        db.ConsentSignatures.AsNoTracking()
            .Where(s => s.DocumentSlug == Slug
                && !db.ConsentWithdrawals.Any(w => w.UserId == s.UserId && w.DocumentSlug == Slug && w.WithdrawnAtUtc >= s.SignedAtUtc))
            .Select(s => s.UserId)
            .Distinct();

    /// <summary>Records a yes (or nothing, when they already said yes). Returns a problem to show, or null.</summary>
    public async Task<string?> AgreeAsync(string userId, ResearchChoiceForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var current = await documents.CurrentAsync(Slug, cancellationToken);
        if (current is null)
        {
            return text["This choice is not ready yet. Please come back later."];
        }
        if (form.Version != current.Number.ToString(CultureInfo.InvariantCulture))
        {
            return text["We updated this page while you were reading. Please read it again below, then choose."];
        }
        if ((await StandingAsync(userId, cancellationToken)).Agreed)
        {
            return null;
        }
        if (form.Agreed != "true")
        {
            return text["Please tick the box if you want to say yes. If you would rather not, you do not need to do anything."];
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.ConsentSignatures.Add(new ConsentSignature
        {
            UserId = userId, DocumentSlug = Slug, Version = current.Number, TextSha256 = current.TextSha256,
            // Agreed with a tick box, not a typed signature.
            TypedName = "",
            SignedAtUtc = now,
        });
        await EnsurePseudonymAsync(userId, cancellationToken);
        audit.StageChange(AuditActions.OutcomesResearchConsentGiven, "Member", userId, string.Create(CultureInfo.InvariantCulture, $"{Slug} v{current.Number}"));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Records taking the yes back. Returns a problem to show, or null.</summary>
    public async Task<string?> WithdrawAsync(string userId, CancellationToken cancellationToken)
    {
        var standing = await StandingAsync(userId, cancellationToken);
        if (!standing.Agreed)
        {
            return null;
        }
        var version = await db.ConsentSignatures.AsNoTracking()
            .Where(s => s.UserId == userId && s.DocumentSlug == Slug)
            .OrderByDescending(s => s.SignedAtUtc).Select(s => s.Version).FirstAsync(cancellationToken);
        db.ConsentWithdrawals.Add(new ConsentWithdrawal { UserId = userId, DocumentSlug = Slug, Version = version, WithdrawnAtUtc = time.GetUtcNow().UtcDateTime });
        audit.StageChange(AuditActions.OutcomesResearchConsentWithdrawn, "Member", userId, string.Create(CultureInfo.InvariantCulture, $"{Slug} v{version}"));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The pseudonym of every consenting member, giving one to any who lack it (saved in one go).</summary>
    public async Task<IReadOnlyDictionary<string, string>> PseudonymsOfConsentingMembersAsync(CancellationToken cancellationToken)
    {
        var consenting = ConsentingMemberIds();
        var existing = await db.UserTokens.AsNoTracking()
            .Where(t => t.LoginProvider == TokenProvider && t.Name == TokenName && consenting.Contains(t.UserId))
            .ToDictionaryAsync(t => t.UserId, t => t.Value ?? "", cancellationToken);
        var missing = await consenting
            .Where(id => !db.UserTokens.Any(t => t.UserId == id && t.LoginProvider == TokenProvider && t.Name == TokenName))
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, string>(existing, StringComparer.Ordinal);
        foreach (var userId in missing)
        {
            var pseudonym = FhirExports.NewPseudonym();
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = TokenProvider, Name = TokenName, Value = pseudonym });
            result[userId] = pseudonym;
        }
        if (missing.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return result;
    }

    private async Task EnsurePseudonymAsync(string userId, CancellationToken cancellationToken)
    {
        var has = await db.UserTokens.AnyAsync(t => t.UserId == userId && t.LoginProvider == TokenProvider && t.Name == TokenName, cancellationToken);
        if (!has)
        {
            db.UserTokens.Add(new IdentityUserToken<string>
            {
                UserId = userId, LoginProvider = TokenProvider, Name = TokenName, Value = FhirExports.NewPseudonym(),
            });
        }
    }
}
