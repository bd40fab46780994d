using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PeerCircle.BrowserTests.Infrastructure;

namespace PeerCircle.BrowserTests.Features.Accounts;

[Collection(BrowserCollection.Name)]
public sealed partial class RegistrationTests(BrowserFixture fixture)
{
    private const string GoodPassword = "maple harbor lantern ninety";

    [Fact]
    public async Task Register_Adult_ConfirmsTheEmailLinkAndSignsIn()
    {
        const string email = "ana.torres@example.com";
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.VisitAsync("/account/register");

        await FillRegistrationAsync(page, email, "1980-04-02", GoodPassword);
        await visitor.SubmitAsync(CreateButton(page));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Please check your e-mail", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(email);

        var message = Assert.Single(fixture.App.ReadOutbox(), m => m.To.Mailboxes.Any(to => to.Address == email));
        Assert.Equal("Please confirm your e-mail address", message.Subject);
        var body = message.TextBody ?? "";
        var link = ConfirmationLink().Match(body);
        Assert.True(link.Success, $"The confirmation e-mail has no confirmation link:\n{body}");

        await visitor.VisitAsync(fixture.App.Served(link.Value));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you, your e-mail is confirmed", Level = 1 })).ToBeVisibleAsync();

        await visitor.SubmitAsync(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your e-mail address is confirmed. Please sign in.");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(GoodPassword);
        await visitor.SubmitAsync(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }));

        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "My PeerCircle" }))
            .ToBeVisibleAsync();
    }

    [Fact]
    public async Task Register_YoungerThan18_ShowsTheAdultsOnlyMessageAndCreatesNoAccount()
    {
        const string email = "sam.young@example.com";
        var seventeenYearsAgo = DateTime.Today.AddYears(-17).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.VisitAsync("/account/register");

        await FillRegistrationAsync(page, email, seventeenYearsAgo, GoodPassword);
        await visitor.SubmitAsync(CreateButton(page));

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("PeerCircle groups are for adults 18 and older.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Please check your e-mail" })).ToHaveCountAsync(0);
        Assert.False(await AccountExistsAsync(email));
        Assert.DoesNotContain(fixture.App.ReadOutbox(), m => m.To.Mailboxes.Any(to => to.Address == email));
    }

    [Fact]
    public async Task Register_TooShortPassword_SaysHowLongItMustBe()
    {
        const string email = "lee.short@example.com";
        await using var visitor = await fixture.NewVisitorAsync();
        var page = visitor.Page;
        await visitor.VisitAsync("/account/register");

        await FillRegistrationAsync(page, email, "1975-11-20", "short pass");
        await visitor.SubmitAsync(CreateButton(page));

        const string advice = "Please use a password of at least 12 characters.";
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(advice);
        // The message sits by the field too, and the field points to it, so a screen reader hears it there.
        await Expect(page.GetByLabel("Choose a password")).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(advice)));
        await Expect(page.GetByLabel("E-mail address")).ToHaveValueAsync(email);
        Assert.False(await AccountExistsAsync(email));
    }

    private static async Task FillRegistrationAsync(IPage page, string email, string dateOfBirth, string password)
    {
        await page.GetByLabel("Your name").FillAsync("Ana Torres");
        await page.GetByLabel("Name to show in groups").FillAsync("Ana T.");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Date of birth").FillAsync(dateOfBirth);
        await page.GetByLabel("Choose a password").FillAsync(password);
        await page.GetByLabel("Type the password again").FillAsync(password);
    }

    private static ILocator CreateButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Create my account" });

    private Task<bool> AccountExistsAsync(string email) =>
        fixture.App.QueryAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

    [GeneratedRegex(@"https?://\S+/account/confirm-email\?\S+")]
    private static partial Regex ConfirmationLink();
}
