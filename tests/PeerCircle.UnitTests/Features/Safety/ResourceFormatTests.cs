using PeerCircle.Web.Features.Safety.Resources;

namespace PeerCircle.UnitTests.Features.Safety;

public class ResourceFormatTests
{
    [Theory]
    [InlineData("77030", "TX")]
    [InlineData("10001", "NY")]
    [InlineData("02139", "MA")]
    [InlineData("60611", "IL")]
    [InlineData("94110", "CA")]
    [InlineData("99501", "AK")]
    [InlineData("20500", "DC")]
    [InlineData("abcde", null)]
    [InlineData("7703", null)]
    public void ZipCodes_BelongToTheirState(string zip, string? state) => Assert.Equal(state, UsStates.OfZip(zip));

    [Fact]
    public void Csv_KeepsCommasQuotesAndLineBreaks()
    {
        var text = Csv.Write(["a", "b"], [["one, two", "say \"hi\"\nthen go"], [null, "plain"]]);
        var rows = Csv.Read(text)!;
        Assert.Equal(3, rows.Count);
        Assert.Equal(["one, two", "say \"hi\"\nthen go"], rows[1]);
        Assert.Equal(["", "plain"], rows[2]);
        Assert.Null(Csv.Read("a,\"never ends"));
    }
}
