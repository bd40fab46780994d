using PeerCircle.Data.Members;
using QRCoder;

namespace PeerCircle.Web.Features.Recruitment;

/// <summary>The QR code printed on a group's flyer: it opens the group's page, marked as coming from a flyer.</summary>
public static class FlyerQrCode
{
    /// <summary>The exact text the QR code encodes.</summary>
    public static string TargetUrl(string publicBaseUrl, string slug) =>
        ReferralLinks.GroupPage(publicBaseUrl, slug, ReferralSource.Flyer);

    /// <summary>
    /// An SVG image of the code for <paramref name="text"/>, black on white with the quiet zone scanners need. It
    /// scales to whatever box the page gives it, so it stays sharp on paper.
    /// </summary>
    public static string Svg(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var generator = new QRCodeGenerator();
        // Medium error correction survives a creased or slightly smudged flyer and keeps the code small.
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
