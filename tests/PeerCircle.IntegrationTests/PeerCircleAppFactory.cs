using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using MimeKit;
using Npgsql;
using OtpNet;
using PeerCircle.Data;

namespace PeerCircle.IntegrationTests;

/// <summary>
/// The one way integration tests host PeerCircle: the real app, in memory, on a database of its own.
/// </summary>
/// <remarks>
/// <para>Contract:</para>
/// <list type="bullet">
/// <item>Every instance gets a fresh, empty database that the app migrates and demo-seeds at start-up, exactly as it
/// does in production. For <see cref="DatabaseProvider.Sqlite"/> it is a file in a temporary folder. For
/// <see cref="DatabaseProvider.Postgres"/> it is a uniquely named database created on the server that the environment
/// variable <c>PEERCIRCLE_TEST_POSTGRES</c> names (an Npgsql connection string whose user may CREATE DATABASE).</item>
/// <item>Disposing stops the app, drops the PostgreSQL database and deletes the temporary folder.</item>
/// <item>Configuration is set in memory and nothing else is read from the machine: the provider and connection
/// strings, an e-mail pickup folder inside the temporary folder (see <see cref="ReadOutbox"/>), the demo program with
/// the fixed <see cref="DemoPassword"/> and <see cref="DemoTotpSecret"/>, account rate limits high enough never to
/// trip, and <c>App:PublicBaseUrl</c> = <see cref="PublicBaseUrl"/>. The environment is Development.</item>
/// <item><see cref="StartAsync"/> returns a started app; its <see cref="WebApplicationFactory{T}.Services"/> and
/// clients are safe to share between tests that run in parallel.</item>
/// </list>
/// </remarks>
public sealed partial class PeerCircleAppFactory : WebApplicationFactory<Program>
{
    /// <summary>Names an Npgsql connection string; when set, tests also run against PostgreSQL.</summary>
    public const string PostgresVariable = "PEERCIRCLE_TEST_POSTGRES";

    public const string PublicBaseUrl = "http://localhost";

    /// <summary>Every demo account's password.</summary>
    public const string DemoPassword = "demo-circle-test-password";

    /// <summary>The base32 authenticator secret of every demo staff account.</summary>
    public const string DemoTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public const string CoordinatorEmail = "coordinator@demo.local";
    public const string FacilitatorEmail = "facilitator@demo.local";
    public const string ClinicianEmail = "clinician@demo.local";
    public const string MemberEmail = "member@demo.local";

    private readonly string _folder;
    private readonly string _connectionString;

    private PeerCircleAppFactory(DatabaseProvider provider, string folder, string connectionString)
    {
        Provider = provider;
        _folder = folder;
        _connectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string OutboxFolder => Path.Combine(_folder, "outbox");
    public string TextOutboxFolder => Path.Combine(_folder, "outbox-texts");

    /// <summary>Why PostgreSQL tests are skipped, or null when <c>PEERCIRCLE_TEST_POSTGRES</c> is set.</summary>
    public static string? PostgresSkipReason =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable))
            ? $"{PostgresVariable} is not set; .ci/run sets it to a throw-away PostgreSQL cluster."
            : null;

    /// <summary>Creates the database, starts the app (which migrates and seeds it) and returns once it serves requests.</summary>
    public static async Task<PeerCircleAppFactory> StartAsync(DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("peercircle-tests-").FullName;
        string connectionString;
        if (provider == DatabaseProvider.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException(PostgresSkipReason);
            }
            connectionString = new NpgsqlConnectionStringBuilder(server)
            {
                Database = $"peercircle_test_{Guid.NewGuid():N}",
            }.ConnectionString;
            await using var db = CreateDb(provider, connectionString);
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync(cancellationToken);
        }
        else
        {
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "peercircle.db") }.ConnectionString;
        }

        var app = new PeerCircleAppFactory(provider, folder, connectionString);
        try
        {
            // Start-up migrates and seeds synchronously; keep it off the test's thread.
            await Task.Run(app.StartServer, cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        // UseSetting, unlike ConfigureAppConfiguration, is visible to Program.cs before builder.Build().
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = Provider.ToString(),
            ["ConnectionStrings:Sqlite"] = Provider == DatabaseProvider.Sqlite ? _connectionString : "",
            ["ConnectionStrings:Postgres"] = Provider == DatabaseProvider.Postgres ? _connectionString : "",
            ["Email:PickupDirectory"] = OutboxFolder,
            ["Texts:PickupDirectory"] = TextOutboxFolder,
            ["Email:Smtp:Host"] = "",
            ["Demo:Seed"] = "true",
            ["Demo:Password"] = DemoPassword,
            ["Demo:TotpSecret"] = DemoTotpSecret,
            ["RateLimits:AccountPostsPerMinute"] = "100000",
            ["App:PublicBaseUrl"] = PublicBaseUrl,
            ["App:BehindProxy"] = "false",
            ["Reminders:Enabled"] = "false",
            ["Safety:BackgroundSweep"] = "false",
            ["Outcomes:BackgroundSweep"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that keeps cookies between requests and does not follow redirects, so tests see them.</summary>
    public HttpClient CreateClientWithCookies() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(PublicBaseUrl),
    });

    /// <summary>
    /// Signs a demo account in through the real pages, as a browser would: GET /account/login, post the form with its
    /// antiforgery token, and for staff with <paramref name="totp"/> post the current authenticator code to
    /// /account/login-2fa. Throws, quoting the page, unless each step ends in a redirect onward.
    /// </summary>
    /// <param name="client">A client from <see cref="CreateClientWithCookies"/>.</param>
    /// <param name="email">A demo account, e.g. <see cref="MemberEmail"/>; its password is <see cref="DemoPassword"/>.</param>
    /// <param name="totp">True for accounts with two-step sign-in (coordinators, facilitators, clinicians).</param>
    public async Task SignInAsync(HttpClient client, string email, bool totp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(email);

        var next = await PostFormAsync(client, "/account/login", "login", new()
        {
            ["Form.Email"] = email,
            ["Form.Password"] = DemoPassword,
        }, cancellationToken);

        var askedForCode = next.StartsWith("/account/login-2fa", StringComparison.OrdinalIgnoreCase);
        if (askedForCode != totp)
        {
            throw new InvalidOperationException(totp
                ? $"Signing in {email} did not ask for an authenticator code; it went to {next}."
                : $"Signing in {email} asked for an authenticator code; pass totp: true for staff accounts.");
        }
        if (!totp)
        {
            return;
        }

        var code = new Totp(Base32Encoding.ToBytes(DemoTotpSecret)).ComputeTotp(DateTime.UtcNow);
        var afterCode = await PostFormAsync(client, next, "login-2fa", new() { ["Form.Code"] = code }, cancellationToken);
        if (afterCode.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The authenticator code for {email} was not accepted; it went to {afterCode}.");
        }
    }

    /// <summary>Every e-mail the app has sent so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> ReadOutbox()
    {
        if (!Directory.Exists(OutboxFolder))
        {
            return [];
        }
        return Directory.GetFiles(OutboxFolder, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .ToList();
    }

    /// <summary>Every text message the app has sent so far, oldest first, as (number, message).</summary>
    public IReadOnlyList<(string To, string Body)> ReadTextOutbox()
    {
        if (!Directory.Exists(TextOutboxFolder))
        {
            return [];
        }
        return [.. Directory.GetFiles(TextOutboxFolder, "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => File.ReadAllText(path).Split("\n\n", 2))
            .Select(parts => (parts[0]["To: ".Length..], parts[1].TrimEnd('\n')))];
    }

    /// <summary>The id of the account with this e-mail address.</summary>
    public async Task<string> UserIdAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerCircleDb>().Users
            .Where(u => u.Email == email).Select(u => u.Id).SingleAsync(cancellationToken);
    }

    /// <summary>The hidden antiforgery token in a rendered form.</summary>
    public static string AntiforgeryToken(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var input = AntiforgeryInput().Match(html);
        var value = input.Success ? ValueAttribute().Match(input.Value) : Match.Empty;
        return value.Success
            ? WebUtility.HtmlDecode(value.Groups[1].Value)
            : throw new InvalidOperationException("The page has no __RequestVerificationToken input.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres)
        {
            await using var db = CreateDb(Provider, _connectionString);
            NpgsqlConnection.ClearAllPools();
            await db.Database.EnsureDeletedAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it is not.
        }
    }

    /// <summary>
    /// GETs a page and posts its Blazor form named <paramref name="handler"/> with the page's antiforgery token,
    /// as a browser would. Field names are as rendered, e.g. <c>Form.Name</c>; repeat a name for multi-selects.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        HttpClient client, string path, string handler, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var page = await client.GetAsync(path, cancellationToken);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)page.StatusCode}, not 200.");
        }
        var body = new List<KeyValuePair<string, string>>(fields)
        {
            new("__RequestVerificationToken", AntiforgeryToken(html)),
            new("_handler", handler),
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(body), cancellationToken);
    }

    /// <summary>The text a person would read in a page's main area, without markup.</summary>
    public static string VisibleTextOf(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var main = html.IndexOf("<main", StringComparison.Ordinal) is var start and >= 0 ? html[start..] : html;
        return WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(main, " "), " ").Trim());
    }

    /// <summary>GETs a page, posts its Blazor form, and returns where the response redirected to.</summary>
    private static async Task<string> PostFormAsync(
        HttpClient client, string path, string handler, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        using var response = await SubmitFormAsync(client, path, handler, fields, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            || response.Headers.Location is null)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(
                $"POST {path} answered {(int)response.StatusCode} instead of redirecting. The page said: {VisibleText(body)}");
        }
        var location = response.Headers.Location;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private static string VisibleText(string html)
    {
        var text = VisibleTextOf(html);
        return text.Length > 600 ? text[..600] + "…" : text;
    }

    private static PeerCircleDb CreateDb(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PeerCircleDb>();
        DatabaseSetup.Configure(options, provider, connectionString);
        return new PeerCircleDb(options.Options);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
