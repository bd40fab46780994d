using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Meetings;

[Collection(BrowserCollection.Name)]
public sealed class MeetingPlanPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Facilitator_PlansTheNextMeetingWithATopic()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.SignInWithCodeAsync("facilitator3@demo.local");

        await visitor.VisitAsync("/facilitator");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Cancel or move a meeting of After Loss: Bereavement Group" }));
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Plan this meeting" }).First);
        await Expect(page.GetByLabel("Confidentiality reminder")).ToHaveValueAsync("5");
        await page.GetByLabel("Planned topic", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "holidays-and-anniversaries" });
        await page.GetByLabel("Notes for your co-facilitator").FillAsync("Tom, please bring the memory cards.");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }));

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The plan is saved.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Read the brief and questions for" })).ToBeVisibleAsync();
    }
}
