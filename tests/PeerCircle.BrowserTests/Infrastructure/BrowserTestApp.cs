using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PeerCircle.Data;

namespace PeerCircle.BrowserTests.Infrastructure;

/// <summary>
/// PeerCircle served over real HTTP on a spare local port, so a browser can reach it.
/// </summary>
/// <remarks>
/// <para>Contract:</para>
/// <list type="bullet">
/// <item>Each instance has its own temporary folder holding a fresh SQLite database (migrated and demo-seeded by the
/// app at start-up, as in production) and the e-mail pickup folder (see <see cref="ReadOutbox"/>).</item>
/// <item>Configuration is set in memory: the demo program with <see cref="DemoPassword"/> and
/// <see cref="DemoTotpSecret"/>, account rate limits high enough never to trip, environment Development (so there is
/// no HTTPS redirect), and links in e-mail built on <see cref="PublicBaseUrl"/>, which is not the served address:
/// tests move such links onto <see cref="Address"/> themselves.</item>
/// <item><see cref="StartAsync"/> returns once Kestrel listens; disposing stops it and deletes the folder.</item>
/// </list>
/// </remarks>
public sealed class BrowserTestApp : WebApplicationFactory<Program>
{
    public const string PublicBaseUrl = "http://peercircle.test";

    /// <summary>Every demo account's password.</summary>
    public const string DemoPassword = "browser-tests-demo-pass";

    /// <summary>The base32 authenticator secret of every demo staff account.</summary>
    public const string DemoTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private readonly string _folder = Directory.CreateTempSubdirectory("peercircle-browser-").FullName;

    private BrowserTestApp()
    {
    }

    /// <summary>Where the app listens, like <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1");

    public string OutboxFolder => Path.Combine(_folder, "outbox");

    public static async Task<BrowserTestApp> StartAsync()
    {
        var app = new BrowserTestApp();
        try
        {
            // Port 0: the OS picks a free port, so parallel runs on one machine do not collide.
            app.UseKestrel(0);
            // Start-up migrates and seeds synchronously; keep it off the test's thread.
            await Task.Run(app.StartServer);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            app.Address = new Uri(addresses.First());
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
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Sqlite"] = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "peercircle.db") }.ConnectionString,
            ["Email:PickupDirectory"] = OutboxFolder,
            ["Texts:PickupDirectory"] = Path.Combine(_folder, "outbox-texts"),
            ["Email:Smtp:Host"] = "",
            ["Demo:Seed"] = "true",
            ["Demo:Password"] = DemoPassword,
            ["Demo:TotpSecret"] = DemoTotpSecret,
            ["RateLimits:AccountPostsPerMinute"] = "1000",
            ["App:PublicBaseUrl"] = PublicBaseUrl,
            ["App:BehindProxy"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A database context on the app's database, for checking what a page did (or did not) store.</summary>
    public async Task<T> QueryAsync<T>(Func<PeerCircleDb, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PeerCircleDb>());
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

    /// <summary>An absolute link from an e-mail, moved onto the served address.</summary>
    public string Served(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var original = new Uri(link);
        return new Uri(Address, original.PathAndQuery).ToString();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it is not.
        }
    }
}
