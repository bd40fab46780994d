using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace PeerCircle.Benchmarks.LiveRunner;

/// <summary>What one check-in POST did: when it was sent (epoch ms, this machine's clock) and how long its answer took.</summary>
public sealed record CheckInPost(BenchMember Member, int Distress, long SentEpochMs, double ResponseMs, string? Error);

/// <summary>
/// One member in their own HttpClient with its own cookies, as a browser without JavaScript would be: signs in through
/// /account/login and posts the check-in form with the antiforgery token from the page.
/// </summary>
public sealed partial class MemberClient : IDisposable
{
    private readonly HttpClient _client;
    private string? _checkInToken;

    public MemberClient(Uri baseAddress, BenchMember member)
    {
        Member = member;
        _client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            UseProxy = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
    }

    public BenchMember Member { get; }

    public string CheckInPath(string slug) => $"/me/groups/{slug}/check-in";

    public async Task SignInAsync(string password, CancellationToken cancellationToken)
    {
        var html = await GetPageAsync("/account/login", cancellationToken);
        using var response = await PostAsync("/account/login", "login", html,
            [new("Form.Email", Member.Email), new("Form.Password", password)], cancellationToken);
        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            || location.Contains("/account/login", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Signing in {Member.Email} answered {(int)response.StatusCode} (to '{location}').");
        }
    }

    /// <summary>Opens the check-in page, as the member does before choosing a number; keeps its antiforgery token.</summary>
    public async Task OpenCheckInAsync(string slug, CancellationToken cancellationToken)
    {
        var html = await GetPageAsync(CheckInPath(slug), cancellationToken);
        if (!html.Contains("name=\"CheckIn.Distress\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Member.Email}: the check-in page for {slug} has no check-in form (is the meeting open?).");
        }
        _checkInToken = AntiforgeryToken(html);
    }

    /// <summary>Posts the check-in form; notes the send time just before the request goes out and times the whole answer.</summary>
    public async Task<CheckInPost> CheckInAsync(string slug, int distress, string? feeling, string? note, CancellationToken cancellationToken)
    {
        var token = _checkInToken ?? throw new InvalidOperationException("Open the check-in page first.");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("CheckIn.Distress", distress.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("CheckIn.FeelingWord", feeling ?? ""),
            new("CheckIn.Note", note ?? ""),
            new("__RequestVerificationToken", token),
            new("_handler", "check-in"),
        };
        using var content = new FormUrlEncodedContent(fields);
        var sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _client.PostAsync(new Uri(CheckInPath(slug), UriKind.Relative), content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            string? error = null;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                error = $"{(int)response.StatusCode}";
            }
            else if (!body.Contains("Thank you for checking in", StringComparison.Ordinal))
            {
                error = "200 without the thank-you (a validation message?)";
            }
            return new CheckInPost(Member, distress, sent, elapsed, error);
        }
        catch (HttpRequestException ex)
        {
            return new CheckInPost(Member, distress, sent, clock.Elapsed.TotalMilliseconds, ex.Message);
        }
    }

    private async Task<string> GetPageAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{Member.Email}: GET {path} answered {(int)response.StatusCode}.");
        }
        return html;
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string handler, string pageHtml,
        IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var body = new List<KeyValuePair<string, string>>(fields)
        {
            new("__RequestVerificationToken", AntiforgeryToken(pageHtml)),
            new("_handler", handler),
        };
        using var content = new FormUrlEncodedContent(body);
        return await _client.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
    }

    private static string AntiforgeryToken(string html)
    {
        var input = AntiforgeryInput().Match(html);
        var value = input.Success ? ValueAttribute().Match(input.Value) : Match.Empty;
        return value.Success
            ? WebUtility.HtmlDecode(value.Groups[1].Value)
            : throw new InvalidOperationException("The page has no __RequestVerificationToken input.");
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ValueAttribute();
}
