using Microsoft.Extensions.DependencyInjection;
using PeerCircle.BrowserTests.Infrastructure;
using PeerCircle.Web.Features.Training;

namespace PeerCircle.BrowserTests.Features.Training;

[Collection(BrowserCollection.Name)]
public sealed class PracticeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Facilitator_PracticesAReflectiveReplyAndRewritesAClosedQuestion()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        var drills = fixture.App.Services.GetRequiredService<ListeningDrills>();
        var reflect = drills.Reflect[0];
        var open = drills.Open[0];
        await visitor.SignInWithCodeAsync("facilitator3@demo.local");
        await visitor.VisitAsync("/academy/practice");

        var drill = page.Locator($"section:has(h3#drill-{reflect.Key})");
        var wrong = reflect.Choices.First(c => !c.Best);
        await drill.GetByLabel(wrong.Text, new() { Exact = true }).CheckAsync();
        await visitor.SubmitAsync(drill.GetByRole(AriaRole.Button, new() { Name = "Check" }));
        var after = page.Locator($"section:has(h3#drill-{reflect.Key})");
        await Expect(after).ToContainTextAsync(wrong.Why);
        await Expect(after).ToContainTextAsync(reflect.Choices.First(c => c.Best).Why);

        var rewrite = page.Locator($"section:has(h3#open-{open.Key})");
        await rewrite.GetByLabel("Your open question").FillAsync("Did it go well?");
        await visitor.SubmitAsync(rewrite.GetByRole(AriaRole.Button, new() { Name = "Get feedback" }));
        await Expect(page.Locator($"section:has(h3#open-{open.Key})").GetByRole(AriaRole.Status)).ToContainTextAsync("This still invites a yes or no.");
    }
}
