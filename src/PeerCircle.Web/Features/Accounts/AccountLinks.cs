using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PeerCircle.Web.Features.Accounts;

/// <summary>Absolute links that go out in e-mail, built from <c>App:PublicBaseUrl</c>.</summary>
public sealed class AccountLinks(IConfiguration configuration)
{
    private readonly string _baseUrl = (configuration["App:PublicBaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5080").TrimEnd('/');

    public string ConfirmEmail(string userId, string token) =>
        $"{_baseUrl}/account/confirm-email?userId={Uri.EscapeDataString(userId)}&code={Encode(token)}";

    public string SetPassword(string userId, string token) =>
        $"{_baseUrl}/account/set-password?userId={Uri.EscapeDataString(userId)}&code={Encode(token)}";

    public string SignIn => $"{_baseUrl}/account/login";

    public string Help => $"{_baseUrl}/help";

    /// <summary>The absolute address of a page of this site, e.g. <c>To("/me")</c>.</summary>
    public string To(string path) => _baseUrl + path;

    /// <summary>Identity tokens carry characters that do not survive URLs; they travel base64url-encoded.</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Only same-site paths are followed after sign-in, so a link cannot bounce someone to another site.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
