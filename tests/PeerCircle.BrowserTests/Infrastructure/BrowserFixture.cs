namespace PeerCircle.BrowserTests.Infrastructure;

/// <summary>
/// One running app and one headless Chromium, shared by every browser test to keep the run short on a small machine.
/// </summary>
/// <remarks>
/// <para>Contract:</para>
/// <list type="bullet">
/// <item>Chromium comes from the machine: <c>CHROMIUM_PATH</c>, else <c>/usr/bin/chromium</c>. Nothing is ever
/// downloaded. When it is missing, <see cref="SkipReason"/> says so, nothing is started, and
/// <see cref="NewVisitorAsync"/> skips the calling test with that reason.</item>
/// <item>The app's data is shared: a test that changes it (a new account, a new group) must use names no other test
/// relies on, and a test that reads lists must not assume nothing was added.</item>
/// <item>Each <see cref="Visitor"/> has its own browser context, so cookies and sign-ins never leak between tests.</item>
/// </list>
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPathVariable = "CHROMIUM_PATH";
    private const string DefaultChromiumPath = "/usr/bin/chromium";

    private BrowserTestApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Why browser tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    public BrowserTestApp App => _app ?? throw new InvalidOperationException(SkipReason ?? "The app has not started.");

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ChromiumPathVariable);
        var chromium = string.IsNullOrWhiteSpace(configured) ? DefaultChromiumPath : configured;
        if (!File.Exists(chromium))
        {
            SkipReason = $"Chromium not found at {chromium}; set {ChromiumPathVariable} to a Chromium executable to run the browser tests.";
            Console.WriteLine($"PeerCircle.BrowserTests: skipping every browser test. {SkipReason}");
            return;
        }

        _app = await BrowserTestApp.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A person with a fresh browser (no cookies) on the app, on a phone-sized screen when <paramref name="phone"/> is true;
    /// skips the calling test when there is no Chromium.
    /// </summary>
    public async Task<Visitor> NewVisitorAsync(bool phone = false)
    {
        if (SkipReason is not null || _browser is null)
        {
            var reason = SkipReason ?? "The browser did not start.";
            Console.WriteLine($"Skipped: {reason}");
            TestContext.Current.TestOutputHelper?.WriteLine($"Skipped: {reason}");
            TestContext.Current.SendDiagnosticMessage($"Skipped: {reason}");
            Assert.Skip(reason);
        }
        var context = await _browser.NewContextAsync(new()
        {
            BaseURL = App.Address.ToString(),
            Locale = "en-US",
            TimezoneId = "America/Chicago",
            // A common phone screen, with touch, for journeys members make on their phones.
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : null,
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(15_000);
        return new Visitor(App, context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
