using Microsoft.EntityFrameworkCore;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Consent;

[Collection(BrowserCollection.Name)]
public sealed class ConsentTests(BrowserFixture fixture)
{
    // No other browser test signs in as this member.
    private const string MemberEmail = "member35@demo.local";
    private const string MemberName = "Michelle Flores";

    [Fact]
    public async Task Member_ReadsAndSignsTheConsent_ThenDownloadsTheirSignedCopy()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.SignInAsync(MemberEmail, BrowserTestApp.DemoPassword);

        await visitor.VisitAsync("/me");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Before you join a group, please read and sign our consent.");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Read and sign the consent" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Joining PeerCircle: your consent", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "When a facilitator must tell someone" })).ToBeVisibleAsync();

        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign the consent" }));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please tick the box to say you have read the consent and agree to it.");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please type your full name to sign.");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "I have read this and I agree" }).CheckAsync();
        await page.GetByLabel("Type your full name to sign").FillAsync(MemberName);
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign the consent" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You signed version 1 of our consent.");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download your signed copy" }).ClickAsync());
        var copy = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        var signature = await fixture.App.QueryAsync(db => db.ConsentSignatures.SingleAsync(
            s => s.UserId == db.Users.Where(u => u.Email == MemberEmail).Select(u => u.Id).Single()));
        Assert.StartsWith("Welcome. We are glad you are here.", copy, StringComparison.Ordinal);
        Assert.Contains($"Signed by: {MemberName}", copy, StringComparison.Ordinal);
        Assert.Contains($"SHA-256 of the text above the line: {signature.TextSha256}", copy, StringComparison.Ordinal);
        Assert.EndsWith(".txt", download.SuggestedFilename, StringComparison.Ordinal);

        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Continue where you left off" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My PeerCircle", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("please read and sign our consent");
    }
}
