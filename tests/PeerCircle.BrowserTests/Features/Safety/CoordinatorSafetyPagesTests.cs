using System.Globalization;
using System.Text.RegularExpressions;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Safety;

/// <summary>
/// A coordinator goes through the safety oversight pages from the program overview, as they would: overdue cases, the
/// on-call roster (adding and removing a shift), the confidentiality-break log, response times, and the resource
/// directory with its yearly review, import and exports.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoordinatorSafetyPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task OverdueCases_OnCallRoster_ConfidentialityLog_AndResponseTimes()
    {
        await using var coordinator = await fixture.NewVisitorAsync();
        var page = coordinator.Page;
        await coordinator.SignInWithCodeAsync("coordinator@demo.local");

        await coordinator.VisitAsync("/coordinator");
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Overdue safety cases" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overdue safety cases", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Safety e-mails not sent yet" })).ToBeVisibleAsync();

        // A shift 40 days ahead, so it never changes who gets the cases other tests open today; then taken off again.
        await coordinator.VisitAsync("/coordinator");
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "On-call roster" }));
        var day = DateTime.UtcNow.Date.AddDays(40);
        await page.GetByLabel("Clinician", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "James Whitfield, RN" });
        await page.GetByLabel("Start date").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time").FillAsync("08:00");
        await page.GetByLabel("End date").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("End time").FillAsync("06:00");
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add the shift" }));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The shift must end after it starts.");
        await page.GetByLabel("End date").FillAsync(day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add the shift" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The shift is added.");
        var shift = page.GetByRole(AriaRole.Table, new() { Name = "Current and upcoming shifts" }).GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "James Whitfield, RN" });
        await Expect(shift).ToHaveCountAsync(1);
        await coordinator.SubmitAsync(shift.GetByRole(AriaRole.Button));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The shift is removed.");
        await Expect(shift).ToHaveCountAsync(0);

        // The confidentiality-break log: record one through the form, find it listed, and read it.
        await coordinator.VisitAsync("/coordinator");
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Confidentiality-break log" }));
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Record a confidentiality break" }));
        await page.GetByLabel("Abuse or neglect reporting").CheckAsync();
        await page.GetByLabel("Member's e-mail address (optional)").FillAsync("member21@demo.local");
        await page.GetByLabel("What you shared").FillAsync("That the member's father, whom she cares for, is left alone without food for days.");
        await page.GetByLabel("Who you shared it with").FillAsync("Adult Protective Services (coordinator pages test)");
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the record" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The record is saved in the confidentiality-break log.");
        await coordinator.VisitAsync("/coordinator");
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Confidentiality-break log" }));
        await page.GetByLabel("Exception", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Abuse or neglect reporting" });
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Adult Protective Services (coordinator pages test)" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Nancy Harris");
        await coordinator.SubmitAsync(row.GetByRole(AriaRole.Link));
        await Expect(page.GetByText("left alone without food for days", new() { Exact = false })).ToBeVisibleAsync();
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Confidentiality-break log" }));

        await coordinator.VisitAsync("/coordinator");
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Safety response times" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Safety response times", Level = 1 })).ToBeVisibleAsync();
        // The report's months are the program's (Eastern), which begin up to five hours after UTC's.
        var eastern = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        var thisMonth = eastern.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-US"));
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = thisMonth })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheResourceDirectory_AddsAResource_ReviewsItAndImportsAndExports()
    {
        // Only this test adds this resource; it serves Oregon only and was last checked two years ago.
        const string Name = "Willamette Cancer Legal Clinic";
        await using var coordinator = await fixture.NewVisitorAsync();
        var page = coordinator.Page;
        await coordinator.SignInWithCodeAsync("coordinator@demo.local");
        await coordinator.VisitAsync("/coordinator");
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Resource directory" }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resource directory", Level = 1 })).ToBeVisibleAsync();

        // The exports download, and the import form explains a missing file.
        foreach (var export in new[] { "Export as Open Referral HSDS CSV (zip)", "Export as Open Referral HSDS JSON" })
        {
            var href = await page.GetByRole(AriaRole.Link, new() { Name = export }).GetAttributeAsync("href");
            var response = await page.APIRequest.GetAsync(href!);
            Assert.True(response.Ok, $"{export} answered {response.Status}.");
        }
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Import from an HSDS file" }));
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please choose a file to upload.");
        await page.GetByLabel("HSDS file (.json or .zip)").SetInputFilesAsync(new FilePayload
        {
            Name = "not-a-directory.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes("{\"services\": [oops"),
        });
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was imported.");
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Resource directory" }));

        // A new resource: the empty form says what to fix, then it is saved.
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Add a resource" }));
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the resource" }));
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(Name);
        await page.GetByLabel("Kind of help").SelectOptionAsync(new SelectOptionValue { Label = "Legal help" });
        await page.GetByLabel("What they offer").FillAsync("Free legal advice for people with cancer about work, insurance and wills.");
        await page.GetByLabel("How to reach them, in plain words", new() { Exact = false }).FillAsync("Fill in the form on the website; a volunteer lawyer calls back within a week.");
        await page.GetByLabel("Website", new() { Exact = true }).FillAsync("https://legal-clinic.example.org");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Some states" }).CheckAsync();
        await page.GetByLabel("States served", new() { Exact = false }).FillAsync("OR");
        await page.GetByLabel("Cost", new() { Exact = true }).FillAsync("Free");
        var twoYearsAgo = DateTime.UtcNow.Date.AddYears(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("Details last checked on").FillAsync(twoYearsAgo);
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the resource" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Review due");

        // The directory flags it, and the review lists it until it is marked reviewed.
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Resource directory" }));
        var listed = page.GetByRole(AriaRole.Row).Filter(new() { HasText = Name });
        await Expect(listed).ToContainTextAsync("In OR");
        await Expect(listed).ToContainTextAsync("Review due");
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Resource review \(\d+ due\)$") }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resource review", Level = 1 })).ToBeVisibleAsync();
        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Mark reviewed today: {Name}" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Marked as reviewed today.");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = Name })).ToHaveCountAsync(0);

        await coordinator.SubmitAsync(page.GetByRole(AriaRole.Link, new() { Name = "Resource directory" }));
        await Expect(listed).Not.ToContainTextAsync("Review due");
        await coordinator.SubmitAsync(listed.GetByRole(AriaRole.Link, new() { Name = Name }));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Edit {Name}", Level = 1 })).ToBeVisibleAsync();
    }
}
