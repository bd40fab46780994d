using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using OtpNet;

namespace PeerCircle.Benchmarks.Outcomes;

/// <summary>The bench's coordinator as a browser without JavaScript: signs in with password and authenticator code, then GETs pages.</summary>
public sealed partial class CoordinatorClient : IDisposable
{
    private readonly HttpClient _client;

    public CoordinatorClient(Uri baseAddress)
    {
        _client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            UseProxy = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(30),
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(10),
        };
        _client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
    }

    public async Task SignInAsync(string email, string password, string totpSecret, CancellationToken cancellationToken)
    {
        var login = await GetOkAsync("/account/login", cancellationToken);
        using (var response = await PostAsync("/account/login", "login", login,
            [new("Form.Email", email), new("Form.Password", password)], cancellationToken))
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            if (!location.Contains("/account/login-2fa", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Signing in {email} answered {(int)response.StatusCode} (to '{location}'), not the code page.");
            }
        }
        var codePage = await GetOkAsync("/account/login-2fa", cancellationToken);
        var code = new Totp(Base32Encoding.ToBytes(totpSecret)).ComputeTotp(DateTime.UtcNow);
        using (var response = await PostAsync("/account/login-2fa", "login-2fa", codePage, [new("Form.Code", code)], cancellationToken))
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
                || location.Contains("/account/login", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The authenticator code for {email} answered {(int)response.StatusCode} (to '{location}').");
            }
        }
    }

    /// <summary>GETs a page and reads all of it: status, milliseconds to the last byte, body.</summary>
    public async Task<(HttpStatusCode Status, double Ms, string Body)> TimedGetAsync(string path, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var ms = clock.Elapsed.TotalMilliseconds;
        // A redirect's body is empty: say where it pointed.
        return (response.StatusCode, ms, response.Headers.Location is { } to ? $"(redirect to {to})" : body);
    }

    private async Task<string> GetOkAsync(string path, CancellationToken cancellationToken)
    {
        var (status, _, body) = await TimedGetAsync(path, cancellationToken);
        return status == HttpStatusCode.OK ? body : throw new InvalidOperationException($"GET {path} answered {(int)status}.");
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
