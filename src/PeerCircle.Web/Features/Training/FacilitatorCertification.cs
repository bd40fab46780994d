using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;

namespace PeerCircle.Web.Features.Training;

/// <summary>Reads a facilitator's training record and applies <see cref="CertificationRules"/> at the current time.</summary>
public sealed class FacilitatorCertification(PeerCircleDb db, CurriculumLibrary curriculum, TimeProvider time)
{
    public async Task<CertificationStatus> StatusAsync(string facilitatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facilitatorId);
        var passes = await db.ModuleAttempts.AsNoTracking()
            .Where(a => a.UserId == facilitatorId && a.Passed)
            .Select(a => new { a.ModuleSlug, a.AttemptedAtUtc })
            .ToListAsync(cancellationToken);
        var ratings = await db.CompetencyRatings.AsNoTracking()
            .Where(r => r.FacilitatorId == facilitatorId && r.CoordinatorRating != null && r.SignedOffAtUtc != null)
            .Select(r => new { r.CompetencyKey, Rating = r.CoordinatorRating!.Value, At = r.SignedOffAtUtc!.Value })
            .ToListAsync(cancellationToken);
        var rolePlays = await db.RolePlaySignOffs.AsNoTracking()
            .Where(r => r.FacilitatorId == facilitatorId)
            .Select(r => r.SignedOffAtUtc)
            .ToListAsync(cancellationToken);
        var signatures = await db.PolicySignatures.AsNoTracking()
            .Where(s => s.UserId == facilitatorId)
            .Select(s => new { s.PolicySlug, s.PolicyVersion, s.SignedAtUtc })
            .ToListAsync(cancellationToken);

        var current = curriculum.Policies.ToDictionary(p => p.Slug, p => p.Version);
        var facts = new CertificationFacts(
            passes.GroupBy(p => p.ModuleSlug).ToDictionary(g => g.Key, g => (IReadOnlyList<DateTime>)[.. g.Select(p => p.AttemptedAtUtc)]),
            ratings.ToDictionary(r => r.CompetencyKey, r => (r.Rating, r.At)),
            rolePlays,
            signatures.Where(s => current.TryGetValue(s.PolicySlug, out var version) && s.PolicyVersion == version)
                .GroupBy(s => s.PolicySlug).ToDictionary(g => g.Key, g => g.Max(s => s.SignedAtUtc)));
        return CertificationRules.Evaluate(curriculum, facts, time.GetUtcNow().UtcDateTime);
    }
}
