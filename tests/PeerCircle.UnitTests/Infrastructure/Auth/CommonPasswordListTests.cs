using PeerCircle.Data.Accounts;
using PeerCircle.Web.Infrastructure.Auth;

namespace PeerCircle.UnitTests.Infrastructure.Auth;

public class CommonPasswordListTests
{
    private static readonly CommonPasswordList Shipped = CommonPasswordList.LoadShipped();

    [Fact]
    public void TheListShipsBesideTheApp()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "content", "security", "common-passwords.txt")));
        Assert.True(Shipped.Count > 10_000, $"only {Shipped.Count} passwords loaded");
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("Password1234")]
    [InlineData(" password1234 ")]
    public void Contains_FindsAListedPasswordInAnyCase(string password)
    {
        Assert.True(Shipped.Contains(password));
    }

    [Fact]
    public void Contains_DoesNotFindAnUnrelatedPassphrase()
    {
        Assert.False(Shipped.Contains("lantern orchard velvet canoe"));
    }

    [Fact]
    public void CommentLinesAreNotPasswords()
    {
        Assert.False(Shipped.Contains("# Common passwords of 12 or more characters (shorter ones are refused by length anyway)."));
    }

    [Theory]
    [InlineData("Password1234")]
    [InlineData("margaret-garden-walks")]
    public async Task Validator_RefusesListedPasswordsAndOnesContainingTheEmailName(string password)
    {
        var validator = new CommonPasswordValidator(Shipped);
        var user = new PeerCircleUser { Email = "Margaret@example.org" };

        // The validator never uses the UserManager it is handed.
        var result = await validator.ValidateAsync(null!, user, password);

        Assert.False(result.Succeeded);
        Assert.Equal("CommonPassword", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Validator_AcceptsAnUnrelatedPassphrase()
    {
        var validator = new CommonPasswordValidator(Shipped);

        var result = await validator.ValidateAsync(null!, new PeerCircleUser { Email = "margaret@example.org" }, "lantern orchard velvet canoe");

        Assert.True(result.Succeeded);
    }
}
