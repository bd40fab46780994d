using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeerCircle.Web;

namespace PeerCircle.UnitTests;

/// <summary>
/// The app's real string table, as pages and endpoints get it. With no translation for the current
/// culture it returns the English key, formatted, which is what these tests read.
/// </summary>
internal static class TestText
{
    public static IStringLocalizer<SharedResource> English { get; } = new StringLocalizer<SharedResource>(
        new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));
}
