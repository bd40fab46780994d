using System.Text.RegularExpressions;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Groups;

[Collection(BrowserCollection.Name)]
public sealed class DirectoryTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Search_ForCaregivers_ShowsOnlyGroupsForCaregiversOrForEveryone()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.VisitAsync("/groups");

        await page.GetByLabel("Who it is for").SelectOptionAsync(new SelectOptionValue { Label = "Caregivers and family" });
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Search" }));

        await Expect(page.GetByLabel("Who it is for")).ToHaveValueAsync("caregivers");
        var cards = Results(page);
        await Expect(cards.First).ToBeVisibleAsync();
        foreach (var card in await cards.AllAsync())
        {
            // Groups for everyone affected by cancer welcome caregivers too, so they belong in these results.
            var audience = await card.Locator(".badge").First.TextContentAsync();
            Assert.True(audience is "Caregivers and family" or "Everyone affected by cancer",
                $"A group for \"{audience}\" is listed for caregivers: {await card.GetByRole(AriaRole.Heading).TextContentAsync()}");
        }
        await Expect(GroupCard(page, "Caregivers Evening Circle")).ToHaveCountAsync(1);
        await Expect(GroupCard(page, "Blood Cancer Caregivers Phoenix")).ToHaveCountAsync(1);
        await Expect(GroupCard(page, "Breast Cancer Survivors Circle")).ToHaveCountAsync(0);
        await Expect(GroupCard(page, "After Loss: Bereavement Group")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Search_NearZip60614Within50Miles_ListsChicagoFirstWithDistanceThenRemoteGroups()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.VisitAsync("/groups");

        await page.GetByLabel("Near ZIP code").FillAsync("60614");
        await page.GetByLabel("Within").SelectOptionAsync(new SelectOptionValue { Label = "50 miles" });
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Search" }));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("near 60614");
        var first = Results(page).First;
        await Expect(first).ToContainTextAsync(new Regex(@"\d+(\.\d)? miles away"));
        await Expect(first).ToContainTextAsync("Chicago, IL");
        await Expect(GroupCard(page, "Breast Cancer Survivors Circle")).ToContainTextAsync("miles away");
        await Expect(GroupCard(page, "Caregivers Evening Circle")).ToContainTextAsync("Meets remotely");
        await Expect(GroupCard(page, "Prostate Cancer Phone Group")).ToContainTextAsync("Meets remotely");
        // In-person groups far away are left out; Houston is about 940 miles from Chicago.
        await Expect(GroupCard(page, "Grupo de Apoyo: Juntos")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Search_ThreeDigitZip_AsksForAFiveDigitZipCode()
    {
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.VisitAsync("/groups");

        await page.GetByLabel("Near ZIP code").FillAsync("123");
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Search" }), expectedStatus: 400);

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please enter a 5-digit US ZIP code");
        await Expect(page.GetByLabel("Near ZIP code")).ToHaveValueAsync("123");
        await Expect(page.GetByLabel("Near ZIP code")).ToHaveAccessibleDescriptionAsync(new Regex("Please enter a 5-digit US ZIP code"));
        await Expect(Results(page)).ToHaveCountAsync(0);
    }

    private static ILocator Results(IPage page) => page.GetByRole(AriaRole.Main).Locator("ol > li");

    private static ILocator GroupCard(IPage page, string name) =>
        Results(page).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true }) });
}
