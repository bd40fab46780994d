using System.Text.Json;
using Microsoft.Playwright;
using OtpNet;

namespace PeerCircle.Benchmarks.LiveRunner;

/// <summary>Something a facilitator's page saw, stamped with the page's Date.now() when it happened.</summary>
/// <param name="Kind"><c>checkin</c> (a person's badge shows a new "Check-in N/10"), <c>heading</c> (the stage heading
/// changed) or <c>click</c> (a button was clicked on this page).</param>
public sealed record PageEvent(string Kind, string? Name, int Value, long T);

/// <summary>
/// One facilitator with the meeting runner open in headless Chromium. A MutationObserver in the page notes the first
/// moment each person's check-in badge shows a new score, each change of the "Part X of 6" heading, and (in the
/// capture phase, before Blazor sees it) each button click; <see cref="PollAsync"/> collects those notes.
/// </summary>
public sealed class FacilitatorPage(string email, IBrowserContext context, IPage page) : IAsyncDisposable
{
    private const string ObserverScript = """
        () => {
          if (window.__bench) return;
          const events = [];
          const scores = new Map();
          let heading;
          const scan = () => {
            const t = Date.now();
            for (const person of document.querySelectorAll('[data-testid^="person-"]')) {
              const name = person.getAttribute('data-testid').slice('person-'.length);
              const head = person.querySelector('.runner-person-head');
              const match = /Check-in (\d+)\/10/.exec(head ? head.textContent : '');
              if (match) {
                const score = Number(match[1]);
                if (scores.get(name) !== score) {
                  scores.set(name, score);
                  events.push({ kind: 'checkin', name, value: score, t });
                }
              }
            }
            const title = document.getElementById('stage-title');
            const text = title ? title.textContent.trim() : null;
            if (text !== heading) {
              heading = text;
              events.push({ kind: 'heading', name: text, value: 0, t });
            }
          };
          scan();
          new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true });
          document.addEventListener('click', e => {
            const button = e.target instanceof Element ? e.target.closest('button') : null;
            if (button) events.push({ kind: 'click', name: button.textContent.trim(), value: 0, t: Date.now() });
          }, true);
          window.__bench = { drain: () => JSON.stringify(events.splice(0)) };
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<PageEvent> _seen = [];

    public string Email { get; } = email;
    public IPage Page { get; } = page;
    public IReadOnlyList<PageEvent> Seen => _seen;

    public static async Task<FacilitatorPage> OpenAsync(IBrowser browser, Uri baseAddress, string email)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            Locale = "en-US",
            TimezoneId = "America/Chicago",
        });
        context.SetDefaultTimeout(30_000);
        return new FacilitatorPage(email, context, await context.NewPageAsync());
    }

    /// <summary>Password, then the current code from the demo authenticator secret, through the real sign-in pages.</summary>
    public async Task SignInAsync(string password, string totpSecret)
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByLabel("E-mail address").FillAsync(Email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains("/account/login-2fa", StringComparison.Ordinal));
        var totp = new Totp(Base32Encoding.ToBytes(totpSecret));
        long lastStep = -1;
        for (var attempt = 1; ; attempt++)
        {
            // A code is good for one 30-second step; a second try uses the next step's code, as a person would.
            long step;
            while ((step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30) == lastStep)
            {
                await Task.Delay(250);
            }
            lastStep = step;
            await Page.GetByLabel("6-digit code").FillAsync(totp.ComputeTotp(DateTime.UtcNow));
            await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            try
            {
                await Page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 15_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                var said = await Page.GetByRole(AriaRole.Main).InnerTextAsync();
                Console.WriteLine($"  {Email}: the code was not taken (page at {Page.Url} says: {said.ReplaceLineEndings(" ")[..Math.Min(200, said.Length)]}); trying the next one.");
                if (!Page.Url.Contains("/account/login-2fa", StringComparison.Ordinal))
                {
                    throw;
                }
            }
        }
    }

    /// <summary>The lead's way in: the "Run the meeting of … now" link on the facilitator's home page. Returns its path.</summary>
    public async Task<string> FindRunnerPathAsync(string groupName)
    {
        await Page.GotoAsync("/facilitator");
        var link = Page.GetByRole(AriaRole.Link, new() { Name = $"Run the meeting of {groupName} now" });
        var href = await link.GetAttributeAsync("href")
            ?? throw new InvalidOperationException($"{Email}'s home page has no link to run {groupName}.");
        return href;
    }

    /// <summary>Opens the runner, waits for the live connection to draw "Ready when you are" (or a part), starts observing.</summary>
    public async Task OpenRunnerAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        if (response is null || response.Status != 200)
        {
            throw new InvalidOperationException($"{Email}: GET {path} answered {response?.Status}.");
        }
        await Page.Locator("#stage-title").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await Page.EvaluateAsync(ObserverScript);
    }

    public Task<string?> HeadingAsync() => Page.Locator("#stage-title").TextContentAsync();

    /// <summary>Collects what the page has noted since the last poll.</summary>
    public async Task PollAsync()
    {
        var json = await Page.EvaluateAsync<string>("() => window.__bench.drain()");
        _seen.AddRange(JsonSerializer.Deserialize<List<PageEvent>>(json, Json) ?? []);
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
