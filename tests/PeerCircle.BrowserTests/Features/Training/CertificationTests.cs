using Microsoft.Extensions.DependencyInjection;
using PeerCircle.BrowserTests.Infrastructure;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.BrowserTests.Features.Training;

[Collection(BrowserCollection.Name)]
public sealed class CertificationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Coordinator_SignsOffACompetencyForAFacilitatorInTraining()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        var competency = fixture.App.Services.GetRequiredService<CurriculumLibrary>().Competencies[^1];
        await visitor.SignInWithCodeAsync("coordinator@demo.local");

        await visitor.VisitAsync("/coordinator");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Facilitator training" }));
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Aisha Rahman" })).ToContainTextAsync("In training");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Aisha Rahman" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aisha Rahman", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel($"Your rating for {competency.Title}").SelectOptionAsync(new SelectOptionValue { Label = "4 · Strong" });
        await page.GetByLabel($"Notes on {competency.Title}").FillAsync("Asked for a debrief after a hard meeting.");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save sign-offs" }));

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Sign-offs saved" })).ToContainTextAsync("Sign-offs saved: 1.");
        await Expect(page.GetByLabel($"Your rating for {competency.Title}")).ToHaveValueAsync("4");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Coordinator sign-off on");
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync($"Coordinator sign-off on “{competency.Title}”");
    }

    [Fact]
    public async Task FacilitatorInTraining_SeesWhatIsLeftAndSignsTheBoundaryPolicy()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.SignInWithCodeAsync("facilitator4@demo.local");

        await visitor.VisitAsync("/academy/certification");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Certified.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Facilitator boundary policy" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("You signed this on");
    }
}
