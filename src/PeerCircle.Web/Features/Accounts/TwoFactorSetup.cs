using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using PeerCircle.Data.Accounts;
using QRCoder;

namespace PeerCircle.Web.Features.Accounts;

/// <summary>Authenticator-app (TOTP) enrolment: the shared key, its QR code, and checking the first code.</summary>
public sealed class TwoFactorSetup(UserManager<PeerCircleUser> users)
{
    public sealed record Enrolment(string SharedKey, string QrCodeDataUri);

    public async Task<Enrolment> GetOrCreateKeyAsync(PeerCircleUser user, string issuer)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.");
        }
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(user.Email ?? user.Id)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return new Enrolment(FormatKey(key), "data:image/png;base64," + Convert.ToBase64String(png));
    }

    public async Task<bool> ConfirmAsync(PeerCircleUser user, string? code)
    {
        ArgumentNullException.ThrowIfNull(user);
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6)
        {
            return false;
        }
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits);
        if (valid)
        {
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return valid;
    }

    /// <summary>Groups of four letters are easier to type into a phone.</summary>
    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
