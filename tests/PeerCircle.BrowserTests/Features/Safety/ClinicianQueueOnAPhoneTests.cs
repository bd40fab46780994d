using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Safety;

/// <summary>The live clinician queue on a phone: it fits the screen and shows no "reconnecting" notice while connected.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClinicianQueueOnAPhoneTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheQueue_OnAPhone_FitsAndDoesNotSayItIsReconnecting()
    {
        await using var clinician = await fixture.NewVisitorAsync(phone: true);
        var page = clinician.Page;
        // Only reads the queue; the cases other tests open there are theirs.
        await clinician.SignInWithCodeAsync("clinician2@demo.local");
        await clinician.VisitAsync("/clinician/cases");
        await Expect(page.GetByTestId("queue-live")).ToBeVisibleAsync();
        await Expect(page.GetByText("The connection dropped for a moment. Reconnecting…")).ToBeHiddenAsync();
        await Expect(page.GetByText("The live connection was lost.")).ToBeHiddenAsync();
        await PhoneLayout.ExpectFitsTheScreenAsync(page);
        await clinician.CheckAsync();
    }
}
