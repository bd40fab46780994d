using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerCircle.BrowserTests.Infrastructure;
using PeerCircle.Data;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Features.Safety.Cases;

namespace PeerCircle.BrowserTests.Features.Safety;

/// <summary>
/// The live clinician queue on a phone with a case in it: the table scrolls inside its own region, the page fits the
/// screen, and no "reconnecting" notice shows while connected.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClinicianQueueOnAPhoneTests(BrowserFixture fixture)
{
    // No other browser test uses this member.
    private const string MemberEmail = "member26@demo.local";

    [Fact]
    public async Task TheQueue_WithACase_OnAPhone_FitsAndDoesNotSayItIsReconnecting()
    {
        var (memberId, name) = await fixture.App.QueryAsync(async db =>
            await db.Users.Where(u => u.Email == MemberEmail).Select(u => new ValueTuple<string, string>(u.Id, u.DisplayName)).SingleAsync());
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SafetyNet>().StageAsync(
                new SignalRequest(memberId, SignalKind.CheckInDistress, CasePriority.Routine, "check-in", null,
                    "Distress 5 of 10 — a long week of scans and a lot of worry about the results"),
                TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var clinician = await fixture.NewVisitorAsync(phone: true);
        var page = clinician.Page;
        await clinician.SignInWithCodeAsync("clinician2@demo.local");
        await clinician.VisitAsync("/clinician/cases");
        await Expect(page.GetByTestId("queue-live")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("queue")).ToContainTextAsync(name);
        await Expect(page.GetByText("The connection dropped for a moment. Reconnecting…")).ToBeHiddenAsync();
        await Expect(page.GetByText("The live connection was lost.")).ToBeHiddenAsync();
        await PhoneLayout.ExpectFitsTheScreenAsync(page);
        await clinician.CheckAsync();
    }
}
