using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Training;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Training;

/// <summary>Changes to a facilitator's training record: policy signatures, self-ratings and coordinator sign-offs.</summary>
public sealed class TrainingRecords(
    PeerCircleDb db, CurriculumLibrary curriculum, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int MinRating = 1;
    public const int MaxRating = 4;

    /// <summary>Signs the current version of a policy; the signature keeps a fingerprint of the exact text.</summary>
    public async Task<string?> SignPolicyAsync(string userId, string fullName, string policySlug, bool agreed, string? typedName, CancellationToken cancellationToken)
    {
        var policy = curriculum.Policies.FirstOrDefault(p => p.Slug == policySlug);
        if (policy is null)
        {
            return text["That policy does not exist."];
        }
        if (!agreed)
        {
            return text["Please tick the box to say you have read and agree to the policy."];
        }
        if (!string.Equals(typedName?.Trim(), fullName.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return text["Please type your full name exactly as it appears on your account: {0}.", fullName];
        }
        db.PolicySignatures.Add(new PolicySignature
        {
            UserId = userId, PolicySlug = policy.Slug, PolicyVersion = policy.Version, TextSha256 = PolicyText.Sha256(policy),
            TypedName = typedName!.Trim(), SignedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        audit.StageChange(AuditActions.PolicySigned, "Facilitator", userId, $"{policy.Slug} v{policy.Version}");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Saves the facilitator's own ratings, all or none.</summary>
    public async Task<string?> RateSelfAsync(string facilitatorId, IReadOnlyDictionary<string, string?> ratings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var chosen = ratings.Where(r => !string.IsNullOrEmpty(r.Value)).ToList();
        if (chosen.Count == 0)
        {
            return text["Please choose a rating for at least one competency."];
        }
        if (Check(chosen.Select(c => (c.Key, c.Value))) is { } problem)
        {
            return problem;
        }
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (key, rating) in chosen)
        {
            var record = await RecordAsync(facilitatorId, key, cancellationToken);
            record.SelfRating = ParseRating(rating);
            record.SelfRatedAtUtc = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Saves a coordinator's ratings and notes, all or none, and audits each sign-off.</summary>
    public async Task<(int Saved, string? Problem)> SignOffCompetenciesAsync(
        string facilitatorId, string coordinatorId, IReadOnlyDictionary<string, string?> ratings, IReadOnlyDictionary<string, string?> notes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(notes);
        var chosen = ratings.Where(r => !string.IsNullOrEmpty(r.Value)).ToList();
        if (chosen.Count == 0)
        {
            return (0, text["Please choose a rating for at least one competency."]);
        }
        if (Check(chosen.Select(c => (c.Key, c.Value))) is { } problem)
        {
            return (0, problem);
        }
        if (notes.Values.Any(n => n is { Length: > 2000 }))
        {
            return (0, text["Please keep notes under 2,000 characters."]);
        }
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (key, rating) in chosen)
        {
            var record = await RecordAsync(facilitatorId, key, cancellationToken);
            record.CoordinatorRating = ParseRating(rating);
            record.SignedOffById = coordinatorId;
            record.SignedOffAtUtc = now;
            record.Notes = notes.GetValueOrDefault(key) is { Length: > 0 } note && !string.IsNullOrWhiteSpace(note) ? note.Trim() : null;
            audit.StageChange(AuditActions.CompetencySignedOff, "Facilitator", facilitatorId, $"{key}: {rating}");
        }
        await db.SaveChangesAsync(cancellationToken);
        return (chosen.Count, null);
    }

    private string? Check(IEnumerable<(string Key, string? Rating)> ratings)
    {
        foreach (var (key, rating) in ratings)
        {
            if (curriculum.Competencies.All(c => c.Key != key))
            {
                return text["That competency does not exist."];
            }
            if (ParseRating(rating) is null)
            {
                return text["Please choose a rating from 1 (not yet) to 4 (strong)."];
            }
        }
        return null;
    }

    public async Task<string?> SignOffRolePlayAsync(string facilitatorId, string coordinatorId, string? scenario, string? notes, CancellationToken cancellationToken, long? workshopId = null)
    {
        var name = scenario?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            return text["Please name the role-play scenario (up to 200 characters)."];
        }
        if (notes is { Length: > 2000 })
        {
            return text["Please keep notes under 2,000 characters."];
        }
        db.RolePlaySignOffs.Add(new RolePlaySignOff
        {
            FacilitatorId = facilitatorId, Scenario = name, SignedOffById = coordinatorId, WorkshopId = workshopId,
            SignedOffAtUtc = time.GetUtcNow().UtcDateTime, Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
        });
        audit.StageChange(AuditActions.RolePlaySignedOff, "Facilitator", facilitatorId, name);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<CompetencyRating> RecordAsync(string facilitatorId, string competencyKey, CancellationToken cancellationToken)
    {
        var record = await db.CompetencyRatings.FirstOrDefaultAsync(r => r.FacilitatorId == facilitatorId && r.CompetencyKey == competencyKey, cancellationToken);
        if (record is null)
        {
            record = new CompetencyRating { FacilitatorId = facilitatorId, CompetencyKey = competencyKey };
            db.CompetencyRatings.Add(record);
        }
        return record;
    }

    private static int? ParseRating(string? rating) =>
        int.TryParse(rating, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= MinRating and <= MaxRating ? value : null;

    public static string RatingLabel(int? rating) => rating switch
    {
        1 => "Not yet",
        2 => "Growing",
        3 => "Meets",
        4 => "Strong",
        _ => "Not rated",
    };
}
