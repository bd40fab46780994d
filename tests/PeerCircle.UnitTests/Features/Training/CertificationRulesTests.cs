using PeerCircle.Web.Features.Training;

namespace PeerCircle.UnitTests.Features.Training;

public class CertificationRulesTests
{
    private static readonly CurriculumLibrary Curriculum = CurriculumLibrary.LoadShipped();
    private static readonly DateTime Finished = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static CertificationFacts Complete(DateTime at, Dictionary<string, IReadOnlyList<DateTime>>? extraPasses = null)
    {
        var passes = Curriculum.Modules.Where(m => m.Required)
            .ToDictionary(m => m.Slug, m => (IReadOnlyList<DateTime>)[at.AddDays(-10)]);
        foreach (var (slug, dates) in extraPasses ?? [])
        {
            passes[slug] = [.. passes[slug], .. dates];
        }
        return new CertificationFacts(
            passes,
            Curriculum.Competencies.ToDictionary(c => c.Key, _ => (3, at)),
            [at.AddDays(-5), at.AddDays(-4)],
            Curriculum.Policies.ToDictionary(p => p.Slug, _ => at.AddDays(-1)));
    }

    [Fact]
    public void EverythingDone_IsCertifiedFromTheLastStepForOneYear()
    {
        var status = CertificationRules.Evaluate(Curriculum, Complete(Finished), Finished.AddDays(30));

        Assert.Equal(CertificationState.Certified, status.State);
        Assert.Equal(Finished, status.CertifiedAtUtc);
        Assert.Equal(Finished.AddDays(365), status.ExpiresAtUtc);
        Assert.True(status.MayLeadGroups);
        Assert.Empty(status.Missing);
    }

    [Fact]
    public void OneModuleOneSignOffAndOneRolePlayShort_ListsEachMissingStepInPlainWords()
    {
        var complete = Complete(Finished);
        var module = Curriculum.Modules.First(m => m.Required);
        var competency = Curriculum.Competencies[0];
        var facts = complete with
        {
            ModulePasses = complete.ModulePasses.Where(p => p.Key != module.Slug).ToDictionary(),
            CompetencySignOffs = complete.CompetencySignOffs.ToDictionary(c => c.Key, c => c.Key == competency.Key ? (2, c.Value.SignedOffAtUtc) : c.Value),
            RolePlaySignOffs = [Finished],
        };

        var status = CertificationRules.Evaluate(Curriculum, facts, Finished);

        Assert.Equal(CertificationState.InTraining, status.State);
        Assert.False(status.MayLeadGroups);
        Assert.Equal(
            [$"Pass the module “{module.Title}”", $"Coordinator sign-off on “{competency.Title}”", "Live role-plays signed off: 1 of 2"],
            status.Missing);
    }

    [Fact]
    public void AfterTwelveMonthsWithoutRefreshers_HasExpiredAndNamesTheRefresherModules()
    {
        var status = CertificationRules.Evaluate(Curriculum, Complete(Finished), Finished.AddDays(366));

        Assert.Equal(CertificationState.Expired, status.State);
        Assert.False(status.MayLeadGroups);
        Assert.Equal(Curriculum.Modules.Count(m => m.Refresher), status.Missing.Count);
        Assert.All(status.Missing, m => Assert.StartsWith("Refresh the module", m, StringComparison.Ordinal));
    }

    [Fact]
    public void PassingEveryRefresherAgain_RenewsForAYearFromTheLastOfThem()
    {
        var refreshers = Curriculum.Modules.Where(m => m.Refresher).Select(m => m.Slug).ToList();
        Assert.NotEmpty(refreshers);
        var renewedOn = Finished.AddDays(330);
        var facts = Complete(Finished, refreshers.ToDictionary(s => s, s => (IReadOnlyList<DateTime>)[s == refreshers[0] ? renewedOn.AddDays(-20) : renewedOn]));

        var status = CertificationRules.Evaluate(Curriculum, facts, Finished.AddDays(400));

        Assert.Equal(CertificationState.Certified, status.State);
        Assert.Equal(renewedOn.AddDays(-20).AddDays(365), status.ExpiresAtUtc);
    }

    [Fact]
    public void RefreshingOnlySomeRefreshers_DoesNotRenew()
    {
        var refreshers = Curriculum.Modules.Where(m => m.Refresher).Select(m => m.Slug).ToList();
        var facts = Complete(Finished, new() { [refreshers[0]] = [Finished.AddDays(300)] });

        var status = CertificationRules.Evaluate(Curriculum, facts, Finished.AddDays(366));

        Assert.Equal(CertificationState.Expired, status.State);
    }
}
