using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using PeerCircle.Web.Features.Calendars;

namespace PeerCircle.UnitTests.Features.Calendars;

public class PersonalCalendarLinkTests
{
    [Fact]
    public void HashOf_AWellFormedToken_IsTheSha256OfItsBytes_InLowerCaseHex()
    {
        var bytes = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var token = WebEncoders.Base64UrlEncode(bytes);

        var hash = PersonalCalendarLink.HashOf(token);

        Assert.Equal(43, token.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), hash);
        Assert.Equal(64, hash!.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void HashOf_AnythingElse_IsNull(string? token) => Assert.Null(PersonalCalendarLink.HashOf(token));
}
