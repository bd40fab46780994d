using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Training;

namespace PeerCircle.Web.Features.Training;

public sealed class StoryPlanForm
{
    public string? Purpose { get; set; }
    public string? WhatToShare { get; set; }
    public string? KeepPrivate { get; set; }
    public string? HowItServesTheGroup { get; set; }
    public string[]? PurposeChecks { get; set; }
}

/// <summary>The story planning worksheet: saved privately for the facilitator who wrote it.</summary>
public sealed class PlanMyStory(PeerCircleDb db, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int TextMax = 2000;

    /// <summary>Questions to ask yourself before sharing your own story with a group.</summary>
    public static readonly IReadOnlyList<(string Key, string Question)> PurposeQuestions =
    [
        ("for-them", "Will sharing this help the members, not mainly me?"),
        ("calm", "Am I calm enough to tell this part of my story today?"),
        ("brief", "Can I say it in two minutes or less, then turn back to the group?"),
        ("no-advice", "Can I share what worked for me without telling anyone what to do?"),
        ("their-own", "Will it leave room for members whose path looks different from mine?"),
    ];

    public Task<StoryPlan?> GetAsync(string facilitatorId, CancellationToken cancellationToken) =>
        db.StoryPlans.AsNoTracking().FirstOrDefaultAsync(p => p.FacilitatorId == facilitatorId, cancellationToken);

    public async Task<Dictionary<string, string[]>> SaveAsync(string facilitatorId, StoryPlanForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>();
        var fields = new (string Name, string? Value)[]
        {
            ("Purpose", form.Purpose), ("WhatToShare", form.WhatToShare), ("KeepPrivate", form.KeepPrivate), ("HowItServesTheGroup", form.HowItServesTheGroup),
        };
        foreach (var (name, value) in fields.Where(f => f.Value is { Length: > TextMax }))
        {
            errors[name] = [text["Please keep this under {0} characters.", TextMax]];
        }
        if (fields.All(f => string.IsNullOrWhiteSpace(f.Value)))
        {
            errors["Purpose"] = [text["Please write at least one part of your plan before saving."]];
        }
        var checks = (form.PurposeChecks ?? []).Distinct().ToList();
        if (checks.Any(c => PurposeQuestions.All(q => q.Key != c)))
        {
            errors["PurposeChecks"] = [text["Please choose from the questions listed."]];
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        var plan = await db.StoryPlans.FirstOrDefaultAsync(p => p.FacilitatorId == facilitatorId, cancellationToken);
        if (plan is null)
        {
            plan = new StoryPlan { FacilitatorId = facilitatorId };
            db.StoryPlans.Add(plan);
        }
        plan.Purpose = form.Purpose?.Trim() ?? "";
        plan.WhatToShare = form.WhatToShare?.Trim() ?? "";
        plan.KeepPrivate = form.KeepPrivate?.Trim() ?? "";
        plan.HowItServesTheGroup = form.HowItServesTheGroup?.Trim() ?? "";
        plan.PurposeChecks = string.Join(',', PurposeQuestions.Select(q => q.Key).Where(checks.Contains));
        plan.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }
}
