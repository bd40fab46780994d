using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using OtpNet;

namespace PeerCircle.BrowserTests.Infrastructure;

/// <summary>
/// One person in their own browser. Every page they reach through <see cref="VisitAsync"/> or
/// <see cref="SubmitAsync"/> is checked the same way before the test sees it.
/// </summary>
/// <remarks>
/// The checks on every page: the HTTP status is below 400 (or exactly the expected one), the header's
/// "Get help now" link leads to /help, axe-core finds no WCAG 2.2 A/AA or best-practice violation, and nothing on the
/// page (a stylesheet, a blocked script or style) failed to load.
/// </remarks>
public sealed class Visitor : IAsyncDisposable
{
    private static readonly AxeRunOptions AxeOptions = new()
    {
        RunOnly = RunOnlyOptions.Tags("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"),
        // Only violations fail a test; leaving out the node details of passes keeps each check quick.
        ResultTypes = [ResultType.Violations],
    };

    private readonly BrowserTestApp _app;
    private readonly IBrowserContext _context;
    private readonly List<string> _loadProblems = [];

    internal Visitor(BrowserTestApp app, IBrowserContext context, IPage page)
    {
        _app = app;
        _context = context;
        Page = page;
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Request.IsNavigationRequest)
            {
                _loadProblems.Add($"{response.Status} for {response.Request.Method} {response.Url}");
            }
        };
        Page.Console += (_, message) =>
        {
            // "Failed to load resource" repeats a status already seen above, or an expected error page.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _loadProblems.Add($"console error: {message.Text}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Opens a path on the app and checks the page; <paramref name="expectedStatus"/> null means any status below 400.</summary>
    public async Task<IResponse> VisitAsync(string path, int? expectedStatus = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var response = await Page.GotoAsync(path);
        return await CheckPageAsync(response, expectedStatus, $"GET {path}");
    }

    /// <summary>Clicks something that submits a form or follows a link, waits for the page it leads to, and checks it.</summary>
    public async Task<IResponse> SubmitAsync(ILocator control, int? expectedStatus = null)
    {
        ArgumentNullException.ThrowIfNull(control);
        // The run-and-wait form starts listening before the click, so a fast answer cannot be missed.
#pragma warning disable CS0612 // Deprecated for bare waits; the run-and-wait form is the one way to learn the status of a form post's page.
        var response = await Page.RunAndWaitForNavigationAsync(() => control.ClickAsync());
#pragma warning restore CS0612
        return await CheckPageAsync(response, expectedStatus, $"submitting from {Page.Url}");
    }

    /// <summary>Signs in through /account/login with the e-mail and password fields and the "Sign in" button.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await VisitAsync("/account/login");
        await Page.GetByLabel("E-mail address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await SubmitAsync(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
    }

    /// <summary>Signs a demo staff account in: password, then the current code from the demo authenticator secret.</summary>
    public async Task SignInWithCodeAsync(string email)
    {
        await SignInAsync(email, BrowserTestApp.DemoPassword);
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login-2fa"));
        await Page.GetByLabel("6-digit code").FillAsync(CurrentCode());
        await SubmitAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
    }

    /// <summary>What the demo staff's authenticator app shows right now.</summary>
    public static string CurrentCode() =>
        new Totp(Base32Encoding.ToBytes(BrowserTestApp.DemoTotpSecret)).ComputeTotp(DateTime.UtcNow);

    private async Task<IResponse> CheckPageAsync(IResponse? response, int? expectedStatus, string what)
    {
        Assert.True(response is not null, $"{what} did not load a page.");
        if (expectedStatus is { } expected)
        {
            Assert.True(response.Status == expected, $"{what} answered {response.Status} at {Page.Url}; expected {expected}.");
        }
        else
        {
            Assert.True(response.Status < 400, $"{what} answered {response.Status} at {Page.Url}.");
        }
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await CheckAsync();
        return response;
    }

    /// <summary>Checks the page as it is now (after a live update, say): crisis help in the header, axe, and nothing failed to load.</summary>
    public async Task CheckAsync()
    {
        var helpNow = Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Get help now", Exact = true });
        await Expect(helpNow).ToBeVisibleAsync();
        await Expect(helpNow).ToHaveAttributeAsync("href", "/help");

        var axe = await Page.RunAxe(AxeOptions);
        if (axe.Violations.Length > 0)
        {
            Assert.Fail(DescribeViolations(Page.Url, axe.Violations));
        }

        if (_loadProblems.Count > 0)
        {
            var problems = string.Join(Environment.NewLine, _loadProblems);
            _loadProblems.Clear();
            Assert.Fail($"On {Page.Url} something did not load:{Environment.NewLine}{problems}");
        }
    }

    private static string DescribeViolations(string url, AxeResultItem[] violations)
    {
        var message = new StringBuilder($"axe found {violations.Length} accessibility violation(s) on {url}:");
        foreach (var violation in violations)
        {
            message.AppendLine().Append(" - ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ")
                .Append(violation.Help).Append(' ').Append(violation.HelpUrl);
            foreach (var node in violation.Nodes)
            {
                message.AppendLine().Append("     at ").Append(node.Target).Append("  ").Append(node.Html);
            }
        }
        return message.ToString();
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
