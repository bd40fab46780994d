using Microsoft.Extensions.Configuration;
using PeerCircle.Web.Features.Accounts;

namespace PeerCircle.UnitTests.Features.Accounts;

public class AccountLinksTests
{
    [Theory]
    [InlineData("/groups")]
    [InlineData("/groups/breast-cancer-survivors-circle?tab=meetings")]
    [InlineData("/")]
    public void SafeReturnUrl_KeepsSameSitePaths(string returnUrl)
    {
        Assert.Equal(returnUrl, AccountLinks.SafeReturnUrl(returnUrl));
    }

    [Theory]
    [InlineData("//evil.com")]
    [InlineData("//evil.com/account/login")]
    [InlineData("/\\evil.com")]
    [InlineData("http://x")]
    [InlineData("https://evil.com/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("groups")]
    [InlineData("")]
    [InlineData(null)]
    public void SafeReturnUrl_SendsAnythingElseHome(string? returnUrl)
    {
        Assert.Equal("/", AccountLinks.SafeReturnUrl(returnUrl));
    }

    [Fact]
    public void Links_AreBuiltFromThePublicBaseUrlWithTheTokenBase64UrlEncoded()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "https://circle.example.org/" })
            .Build();
        var links = new AccountLinks(configuration);

        var link = links.ConfirmEmail("user 1", "a+b/c=");

        Assert.Equal("https://circle.example.org/account/confirm-email?userId=user%201&code=YStiL2M9", link);
        Assert.Equal("https://circle.example.org/account/login", links.SignIn);
    }

    [Fact]
    public void Decode_UndoesEncode_AndRefusesGarbage()
    {
        Assert.Equal("a+b/c=", AccountLinks.Decode(AccountLinks.Encode("a+b/c=")));
        Assert.Null(AccountLinks.Decode("!!!"));
        Assert.Null(AccountLinks.Decode(null));
    }
}
