using PeerCircle.Web.Features.Outcomes.Reports;

namespace PeerCircle.UnitTests.Features.Outcomes.Reports;

/// <summary>A benefit row is shown only for 11 or more members, and its dose bands cannot give away a small band.</summary>
public class BenefitRowTests
{
    [Fact]
    public void TenPairs_AreHidden()
    {
        var row = BenefitAnalysis.Row(1, "hope", "Hope", true, 56, [(1.0, DoseBand.FourToSeven, 10)]);

        Assert.True(row.Suppressed);
        Assert.Null(row.Pairs);
        Assert.All(row.Doses, d => Assert.Null(d.MeanChange));
    }

    [Fact]
    public void ElevenPairs_AreShown_AndALoneSmallBandTakesAnotherWithIt()
    {
        // 14 with no meetings, 12 with 4–7, 11 with 8 or more, 3 with 1–3: hiding the 3 alone would leave it as
        // 40 − 14 − 12 − 11.
        var row = BenefitAnalysis.Row(1, "hope", "Hope", true, 56, [
            (0.0, DoseBand.NoneRecorded, 14), (1.0, DoseBand.FourToSeven, 12), (2.0, DoseBand.EightOrMore, 11), (-1.0, DoseBand.OneToThree, 3),
        ]);

        Assert.False(row.Suppressed);
        Assert.Equal(40, row.Pairs);
        Assert.Equal(23, row.Summary!.Improved);
        var shown = row.Doses.Where(d => d.N is not null).ToList();
        var hidden = row.Doses.Where(d => d.N is null).ToList();
        Assert.Equal([DoseBand.OneToThree, DoseBand.EightOrMore], hidden.Select(d => d.Band).Order());
        Assert.All(shown, d => Assert.True(d.N >= 11));
        Assert.Contains(row.Doses, d => d.Band == DoseBand.FourToSeven && d.N == 12 && d.MeanChange == 1.0);
    }

    [Theory]
    [InlineData(null, DoseBand.NoneRecorded)]
    [InlineData(0, DoseBand.NoneRecorded)]
    [InlineData(1, DoseBand.OneToThree)]
    [InlineData(3, DoseBand.OneToThree)]
    [InlineData(4, DoseBand.FourToSeven)]
    [InlineData(7, DoseBand.FourToSeven)]
    [InlineData(8, DoseBand.EightOrMore)]
    public void DoseBands(int? meetings, DoseBand band) => Assert.Equal(band, BenefitAnalysis.BandOf(meetings));

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("-12", "-12")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("-0.5)*cmd|' /C calc'!A0", "'-0.5)*cmd|' /C calc'!A0")]
    [InlineData("-", "'-")]
    [InlineData("-1\n", "'-1\n")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("hidden", "hidden")]
    [InlineData("12", "12")]
    public void CsvCells_CannotRunAsFormulas(string value, string written) => Assert.Equal(written, DashboardCsv.Safe(value));
}
