using System.Text.RegularExpressions;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Recruitment;

[Collection(BrowserCollection.Name)]
public sealed class FlyerAndRecruitmentTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Flyer_ForAnyone_IsAccessible_ShowsItsQrCode_AndPrintsWithoutTheSiteMenus()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;

        await visitor.VisitAsync("/groups/newly-diagnosed-first-steps/flyer");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Newly Diagnosed: First Steps", Level = 1 })).ToBeVisibleAsync();
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR code. Scan it with a phone camera to open this group's page." });
        await Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code image did not load.");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(new Regex(@"/groups/newly-diagnosed-first-steps\?ref=flyer"));
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Call or text 988");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the group page" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Newly Diagnosed: First Steps", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Coordinator_SharesAGroup_OpensItsFlyer_AndReadsTheRecruitmentReport()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.SignInWithCodeAsync("coordinator@demo.local");

        await visitor.VisitAsync("/groups/young-adult-survivors-chat");
        var share = page.GetByRole(AriaRole.Region, new() { Name = "Share this group" });
        await Expect(share).ToContainTextAsync("/groups/young-adult-survivors-chat?ref=oncologist");
        await visitor.SubmitAsync(share.GetByRole(AriaRole.Link, new() { Name = "Print a flyer" }));
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Online chat (typing), from anywhere.");

        await visitor.VisitAsync("/coordinator");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Recruitment", Exact = true }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recruitment", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Week by week" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(13);
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Young Adult Survivors Chat" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recruitment: Young Adult Survivors Chat", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("From (optional)").FillAsync("2030-02-01");
        await page.GetByLabel("To (optional)").FillAsync("2030-01-01");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show" }));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The end date is before the start date.");
    }
}
