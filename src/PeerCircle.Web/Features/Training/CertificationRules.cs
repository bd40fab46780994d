namespace PeerCircle.Web.Features.Training;

/// <summary>Everything that decides whether a facilitator is certified, as plain facts.</summary>
public sealed record CertificationFacts(
    IReadOnlyDictionary<string, IReadOnlyList<DateTime>> ModulePasses,
    IReadOnlyDictionary<string, (int Rating, DateTime SignedOffAtUtc)> CompetencySignOffs,
    IReadOnlyList<DateTime> RolePlaySignOffs,
    IReadOnlyDictionary<string, DateTime> CurrentPolicySignatures);

public enum CertificationState { InTraining, Certified, Expired }

public sealed record CertificationStatus(CertificationState State, DateTime? CertifiedAtUtc, DateTime? ExpiresAtUtc, IReadOnlyList<string> Missing)
{
    public bool MayLeadGroups => State == CertificationState.Certified;

    /// <summary>The missing steps in one line, with modules and sign-offs counted rather than listed.</summary>
    public string Summary()
    {
        var modules = Missing.Count(m => m.StartsWith(CertificationRules.ModuleStep, StringComparison.Ordinal));
        var signOffs = Missing.Count(m => m.StartsWith(CertificationRules.SignOffStep, StringComparison.Ordinal));
        var parts = new List<string>();
        if (modules > 0)
        {
            parts.Add(modules == 1 ? Missing.First(m => m.StartsWith(CertificationRules.ModuleStep, StringComparison.Ordinal)) : $"{modules} modules to pass");
        }
        if (signOffs > 0)
        {
            parts.Add(signOffs == 1 ? Missing.First(m => m.StartsWith(CertificationRules.SignOffStep, StringComparison.Ordinal)) : $"{signOffs} competencies to sign off");
        }
        parts.AddRange(Missing.Where(m => !m.StartsWith(CertificationRules.ModuleStep, StringComparison.Ordinal)
            && !m.StartsWith(CertificationRules.SignOffStep, StringComparison.Ordinal)));
        return string.Join("; ", parts);
    }
}

/// <summary>
/// The program's certification rule: every required module passed (80% or more), every competency signed off by a
/// coordinator at "meets" or above, the live role-plays done, and the confidentiality pledge and boundary policy
/// signed. It lasts 12 months from the later of certification and the last full set of refresher modules.
/// </summary>
public static class CertificationRules
{
    public const int RequiredRolePlays = 2;
    public const string ModuleStep = "Pass the module";
    public const string SignOffStep = "Coordinator sign-off on";
    public const int MeetsRating = 3;
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(365);

    public static CertificationStatus Evaluate(CurriculumLibrary curriculum, CertificationFacts facts, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(curriculum);
        ArgumentNullException.ThrowIfNull(facts);
        var missing = new List<string>();
        var completedAt = new List<DateTime>();

        foreach (var module in curriculum.Modules.Where(m => m.Required))
        {
            if (facts.ModulePasses.TryGetValue(module.Slug, out var passes) && passes.Count > 0)
            {
                completedAt.Add(passes.Min());
            }
            else
            {
                missing.Add($"{ModuleStep} “{module.Title}”");
            }
        }
        foreach (var competency in curriculum.Competencies)
        {
            if (facts.CompetencySignOffs.TryGetValue(competency.Key, out var signOff) && signOff.Rating >= MeetsRating)
            {
                completedAt.Add(signOff.SignedOffAtUtc);
            }
            else
            {
                missing.Add($"{SignOffStep} “{competency.Title}”");
            }
        }
        if (facts.RolePlaySignOffs.Count >= RequiredRolePlays)
        {
            completedAt.Add(facts.RolePlaySignOffs.Order().ElementAt(RequiredRolePlays - 1));
        }
        else
        {
            missing.Add($"Live role-plays signed off: {facts.RolePlaySignOffs.Count} of {RequiredRolePlays}");
        }
        foreach (var policy in curriculum.Policies)
        {
            if (facts.CurrentPolicySignatures.TryGetValue(policy.Slug, out var signedAt))
            {
                completedAt.Add(signedAt);
            }
            else
            {
                missing.Add($"Sign the {policy.Title.ToLowerInvariant()}");
            }
        }

        if (missing.Count > 0)
        {
            return new CertificationStatus(CertificationState.InTraining, null, null, missing);
        }
        var certifiedAt = completedAt.Max();
        var expiresAt = RenewedAt(curriculum, facts, certifiedAt) + ValidFor;
        return expiresAt > nowUtc
            ? new CertificationStatus(CertificationState.Certified, certifiedAt, expiresAt, missing)
            : new CertificationStatus(CertificationState.Expired, certifiedAt, expiresAt,
                [.. curriculum.Modules.Where(m => m.Refresher).Select(m => $"Refresh the module “{m.Title}”")]);
    }

    /// <summary>The last time every refresher module had been passed again after certification, or the certification itself.</summary>
    private static DateTime RenewedAt(CurriculumLibrary curriculum, CertificationFacts facts, DateTime certifiedAt)
    {
        var refreshers = curriculum.Modules.Where(m => m.Refresher).ToList();
        if (refreshers.Count == 0)
        {
            return certifiedAt;
        }
        var renewals = new List<DateTime>();
        foreach (var module in refreshers)
        {
            var later = facts.ModulePasses.TryGetValue(module.Slug, out var passes)
                ? passes.Where(p => p > certifiedAt).DefaultIfEmpty(DateTime.MinValue).Max()
                : DateTime.MinValue;
            if (later == DateTime.MinValue)
            {
                return certifiedAt;
            }
            renewals.Add(later);
        }
        return renewals.Min();
    }
}
