using System.Diagnostics;
using System.Reflection;

namespace PeerCircle.Web.Infrastructure;

/// <summary>
/// What <c>dotnet run</c> from the source tree starts as: a Debug build that nobody gave an environment runs as
/// Development (demo data) on http://localhost:5080. A <c>Properties/launchSettings.json</c> would do the same, but then
/// <c>dotnet run</c> prints "Using launch settings from …" on standard output, which would spoil commands whose output
/// is read by another program (<c>risk-check</c>). Release builds, published deployments and the test hosts are left alone.
/// </summary>
internal static class DevelopmentDefaults
{
    [Conditional("DEBUG")]
    public static void Apply()
    {
        if (Assembly.GetEntryAssembly() != typeof(DevelopmentDefaults).Assembly)
        {
            return;
        }
        if (IsUnset("ASPNETCORE_ENVIRONMENT") && IsUnset("DOTNET_ENVIRONMENT"))
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Development");
        }
        if (IsUnset("ASPNETCORE_URLS") && IsUnset("ASPNETCORE_HTTP_PORTS") && IsUnset("ASPNETCORE_HTTPS_PORTS") && IsUnset("DOTNET_URLS"))
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://localhost:5080");
        }
    }

    private static bool IsUnset(string name) => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name));
}
