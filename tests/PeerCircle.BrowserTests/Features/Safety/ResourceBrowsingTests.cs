using System.Text.RegularExpressions;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Safety;

/// <summary>
/// A member looks for help outside PeerCircle at /resources: by kind of help, language and ZIP code, with the crisis
/// lines always on top. The local service they find is one a coordinator adds through the directory's form first.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResourceBrowsingTests(BrowserFixture fixture)
{
    // Only this test adds or reads this resource; it serves 25 miles around the Texas Medical Center in Houston.
    private const string LocalRides = "Bayou City Rides to Treatment";
    private const string MemberEmail = "member39@demo.local";

    [Fact]
    public async Task AMember_BrowsesByKindLanguageAndZip_AndTheCrisisLinesStayOnTop()
    {
        await AddLocalRideServiceAsync();

        await using var member = await fixture.NewVisitorAsync(phone: true);
        var page = member.Page;
        await member.SignInAsync(MemberEmail, BrowserTestApp.DemoPassword);
        await member.VisitAsync("/me");
        await member.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Help and resources outside PeerCircle: money, rides, counseling, grief and more" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Help and resources", Level = 1 })).ToBeVisibleAsync();
        await ExpectCrisisLinesOnTopAsync(member);
        await PhoneLayout.ExpectFitsTheScreenAsync(page);
        // With no ZIP code in their profile, only help that serves the whole country is listed.
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Road To Recovery");
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(LocalRides);

        // Rides, in Spanish, near the Texas Medical Center: the local service first, then the national one.
        await page.GetByLabel("Kind of help").SelectOptionAsync(new SelectOptionValue { Label = "Rides and transportation" });
        await page.GetByLabel("Language").SelectOptionAsync(new SelectOptionValue { Label = "Spanish" });
        await page.GetByLabel("Your ZIP code, to include help near you").FillAsync("77030");
        await member.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show resources" }));
        await ExpectCrisisLinesOnTopAsync(member);
        await Expect(page.GetByText("Showing help across the country, in TX, and near ZIP 77030.")).ToBeVisibleAsync();
        var found = ResultHeadings(page);
        await Expect(found).ToHaveTextAsync([LocalRides, "Road To Recovery"]);
        await PhoneLayout.ExpectFitsTheScreenAsync(page);
        var local = page.GetByRole(AriaRole.Article, new() { Name = LocalRides });
        await Expect(local).ToContainTextAsync("Within 25 miles of ZIP 77030");
        await Expect(local.GetByRole(AriaRole.Link, new() { Name = "713-555-0188" })).ToHaveAttributeAsync("href", "tel:7135550188");
        // The filters keep what the member chose.
        await Expect(page.GetByLabel("Kind of help")).ToHaveValueAsync("transportation");
        await Expect(page.GetByLabel("Language")).ToHaveValueAsync("es");

        // From Chicago, the Houston service is out of reach; the national one still helps.
        await page.GetByLabel("Your ZIP code, to include help near you").FillAsync("60611");
        await member.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show resources" }));
        await Expect(found).ToHaveTextAsync(["Road To Recovery"]);

        // A language no transportation service lists: a kind word instead of an empty page, crisis lines still on top.
        await page.GetByLabel("Language").SelectOptionAsync(new SelectOptionValue { Label = "Vietnamese" });
        await member.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show resources" }));
        await Expect(found).ToHaveCountAsync(0);
        await Expect(page.GetByText("We did not find a resource that matches.", new() { Exact = false })).ToBeVisibleAsync();
        await ExpectCrisisLinesOnTopAsync(member);

        // A mistyped ZIP code is explained, and the page still shows help across the country.
        await page.GetByLabel("Language").SelectOptionAsync(new SelectOptionValue { Label = "Any language" });
        await page.GetByLabel("Your ZIP code, to include help near you").FillAsync("7703");
        await member.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show resources" }));
        var zip = page.GetByLabel("Your ZIP code, to include help near you");
        await Expect(zip).ToHaveAccessibleDescriptionAsync(new Regex("^Please enter a five-digit ZIP code, like 77030."));
        await Expect(zip).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(found).ToHaveTextAsync(["Road To Recovery"]);

        // All kinds of help: grief support is there, and no crisis line is repeated below the crisis box.
        await page.GetByLabel("Kind of help").SelectOptionAsync(new SelectOptionValue { Label = "All kinds of help" });
        await page.GetByLabel("Your ZIP code, to include help near you").FillAsync("");
        await member.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show resources" }));
        await Expect(found.Filter(new() { HasText = "The Dougy Center" })).ToHaveCountAsync(1);
        await Expect(found.Filter(new() { HasText = "988 Suicide & Crisis Lifeline" })).ToHaveCountAsync(0);
    }

    /// <summary>The names of the resources listed below the crisis box, in order.</summary>
    private static ILocator ResultHeadings(IPage page) =>
        page.Locator("main > article > h3");

    /// <summary>The crisis box is the first section of the page, and 988 is the first line in it.</summary>
    private static async Task ExpectCrisisLinesOnTopAsync(Visitor member)
    {
        var page = member.Page;
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToHaveTextAsync("If you need help right now");
        var crisis = page.GetByRole(AriaRole.Region, new() { Name = "If you need help right now" });
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Article).First).ToHaveAccessibleNameAsync("988 Suicide & Crisis Lifeline");
        await Expect(crisis.GetByRole(AriaRole.Article).Filter(new() { HasText = "Crisis Text Line" })).ToHaveCountAsync(1);
        await Expect(crisis.GetByRole(AriaRole.Link, new() { Name = "988", Exact = true }).First).ToHaveAttributeAsync("href", "tel:988");
        await Expect(crisis.GetByRole(AriaRole.Article).First).ToHaveAccessibleNameAsync("988 Suicide & Crisis Lifeline");
    }

    /// <summary>The coordinator adds a local ride service through the directory's own form (once per app run).</summary>
    private async Task AddLocalRideServiceAsync()
    {
        await using var coordinator = await fixture.NewVisitorAsync();
        var page = coordinator.Page;
        await coordinator.SignInWithCodeAsync("coordinator@demo.local");
        await coordinator.VisitAsync("/coordinator");
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Resource directory" }));
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Add a resource" }));
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(LocalRides);
        await page.GetByLabel("Kind of help").SelectOptionAsync(new SelectOptionValue { Label = "Rides and transportation" });
        await page.GetByLabel("What they offer").FillAsync("Volunteer drivers take patients to and from treatment at the Texas Medical Center.");
        await page.GetByLabel("How to reach them, in plain words", new() { Exact = false }).FillAsync("Call on weekdays, 8 to 5, at least two days before your appointment.");
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("713-555-0188");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Near a ZIP code" }).CheckAsync();
        await page.GetByLabel("ZIP code at the center", new() { Exact = false }).FillAsync("77030");
        await page.GetByLabel("Miles around that ZIP code").FillAsync("25");
        await page.GetByLabel("Spanish").CheckAsync();
        await page.GetByLabel("Cost", new() { Exact = true }).FillAsync("Free");
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the resource" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Edit {LocalRides}", Level = 1 })).ToBeVisibleAsync();
    }
}
