using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Supervision;

[Collection(BrowserCollection.Name)]
public sealed class SupervisionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Facilitator_AfterAHardCheckIn_AsksForADebrief_AndACoordinatorTakesIt()
    {
        await using (var facilitator = await fixture.NewVisitorAsync())
        {
            var page = facilitator.Page;
            await facilitator.SignInWithCodeAsync("facilitator2@demo.local");
            await facilitator.VisitAsync("/supervision");

            await page.GetByLabel("Energy, from 0 (empty) to 10 (full of energy)").FillAsync("3");
            await page.GetByLabel("Stress, from 0 (calm) to 10 (overwhelmed)").FillAsync("8");
            await page.GetByLabel("I have trouble sleeping").CheckAsync();
            await facilitator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save my check-in" }));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your check-in is saved.");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "It sounds like things are heavy right now" })).ToBeVisibleAsync();

            await page.GetByLabel("What would help? (optional)").FillAsync("A hard conversation about recurrence tonight.");
            await facilitator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ask for a debrief now" }));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your request is sent.");
        }

        await using var coordinator = await fixture.NewVisitorAsync();
        var coordinatorPage = coordinator.Page;
        await coordinator.SignInWithCodeAsync("coordinator@demo.local");
        await coordinator.VisitAsync("/supervision/debriefs");
        await coordinator.SubmitAsync(coordinatorPage.GetByRole(AriaRole.Button, new() { Name = "Take this request" }).First);
        await Expect(coordinatorPage.GetByRole(AriaRole.Status)).ToContainTextAsync("The request is yours.");
        await coordinator.SubmitAsync(coordinatorPage.GetByRole(AriaRole.Link, new() { Name = "Open" }).First);
        await Expect(coordinatorPage.GetByRole(AriaRole.Heading, new() { Name = "Debrief now request", Level = 1 })).ToBeVisibleAsync();
    }
}
