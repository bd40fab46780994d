using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.BrowserTests.Infrastructure;
using PeerCircle.Data;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Safety.Cases;

namespace PeerCircle.BrowserTests.Features.Safety;

[Collection(BrowserCollection.Name)]
public sealed class CaseQueueTests(BrowserFixture fixture)
{
    private const string MemberEmail = "member38@demo.local";

    [Fact]
    public async Task ANewCase_AppearsInTheOpenQueueLive_AndTheClinicianWorksItThrough()
    {
        await using var clinician = await fixture.NewVisitorAsync();
        await clinician.SignInWithCodeAsync("clinician2@demo.local");
        await clinician.VisitAsync("/clinician/cases");
        var page = clinician.Page;
        await Expect(page.GetByTestId("queue-live")).ToBeVisibleAsync();

        var (memberId, name) = await fixture.App.QueryAsync(async db =>
            await db.Users.Where(u => u.Email == MemberEmail).Select(u => new ValueTuple<string, string>(u.Id, u.DisplayName)).SingleAsync());
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SafetyNet>().StageAsync(
                new SignalRequest(memberId, SignalKind.CheckInDistress, CasePriority.Priority, "check-in", null, "Distress 9 of 10"), TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // No reload: the open queue shows the new case and the alert within moments.
        await Expect(page.GetByTestId("queue")).ToContainTextAsync(name);
        await Expect(page.GetByTestId("queue")).ToContainTextAsync("Distress 9 of 10");
        await Expect(page.GetByTestId("alerts")).ToBeVisibleAsync();
        await clinician.CheckAsync();

        await clinician.SubmitAsync(page.GetByTestId("queue").GetByRole(AriaRole.Link, new() { Name = name }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Safety case for {name}" })).ToBeVisibleAsync();
        await clinician.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge: I am picking this up" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have acknowledged the case.");
        await page.GetByLabel("Add a clinical note").FillAsync("Called; agreed to see the psycho-oncology team.");
        await clinician.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the note" }));
        await Expect(page.GetByTestId("notes")).ToContainTextAsync("psycho-oncology team");
        await page.GetByLabel("Connected to counseling or psycho-oncology").CheckAsync();
        await clinician.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Resolve the case" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The case is resolved.");
    }
}
