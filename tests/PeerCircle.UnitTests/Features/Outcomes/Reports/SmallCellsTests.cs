using PeerCircle.Web.Features.Outcomes.Reports;

namespace PeerCircle.UnitTests.Features.Outcomes.Reports;

/// <summary>Small-cell suppression: nothing under 11 is shown, and no hidden cell can be worked out from a total.</summary>
public class SmallCellsTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(10, false)]
    [InlineData(11, true)]
    [InlineData(200, true)]
    public void ElevenIsTheSmallestCountShown(int people, bool shown) => Assert.Equal(shown, SmallCells.MayShow(people));

    [Fact]
    public void OneSmallCellInAList_HidesASecondOne()
    {
        var table = SmallCells.SuppressList([40, 3, 25, 30]);

        Assert.Null(table.Cell(0, 1));
        // The smallest other cell goes too, so 3 cannot be found as 98 − 40 − 25 − 30.
        Assert.Null(table.Cell(0, 2));
        Assert.Equal(40, table.Cell(0, 0));
        Assert.Equal(98, table.RowTotal(0));
        AssertSafe(table);
    }

    [Theory]
    [InlineData(new[] { 40, 3, 0, 30 }, 3)]
    [InlineData(new[] { 0, 2, 50, 60 }, 2)]
    [InlineData(new[] { 4, 5, 12, 70 }, 2)]
    public void HiddenCellsAddingUpToFewerThanEleven_HideAnother(int[] counts, int cellAlsoHidden)
    {
        var table = SmallCells.SuppressList(counts);

        // Two small hidden cells are no cover for each other: the total minus the shown cells would give their sum,
        // which is under 11. So the smallest shown cell goes too.
        Assert.Null(table.Cell(0, cellAlsoHidden));
        Assert.NotNull(table.RowTotal(0));
        AssertSafe(table);
    }

    [Fact]
    public void AHiddenTotalWhoseCellsAreAllShown_GetsACellHiddenToo()
    {
        // Row 0's total (32) is hidden to cover row 2's in the column of totals; shown as 20 and 12 it could be added up.
        int[,] counts = { { 20, 12 }, { 60, 8 }, { 5, 0 }, { 1, 60 } };

        AssertSafe(SmallCells.Suppress(counts, rowTotals: true, columnTotals: true));
    }

    [Fact]
    public void ListWithoutATotal_HidesOnlyTheSmallCell()
    {
        var table = SmallCells.SuppressList([40, 3, 25], totalShown: false);

        Assert.Null(table.Cell(0, 1));
        Assert.Equal(25, table.Cell(0, 2));
        Assert.Null(table.RowTotal(0));
    }

    [Fact]
    public void SmallCellWithNoOtherCell_HidesTheTotal()
    {
        var table = SmallCells.SuppressList([5]);

        Assert.Null(table.Cell(0, 0));
        Assert.Null(table.RowTotal(0));
    }

    [Fact]
    public void TwoWayTable_ProtectsRowsAndColumns()
    {
        int[,] counts =
        {
            { 50, 4, 30 },
            { 20, 40, 35 },
            { 15, 22, 60 },
        };

        var table = SmallCells.Suppress(counts, rowTotals: true, columnTotals: true);

        Assert.Null(table.Cell(0, 1));
        AssertSafe(table);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomTables_ShowNothingUnderEleven_AndHiddenValuesAreCovered(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var rows = random.Next(1, 6);
            var columns = random.Next(1, 6);
            var counts = new int[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    counts[r, c] = random.Next(0, 4) == 0 ? random.Next(0, 11) : random.Next(0, 80);
                }
            }
            var rowTotals = random.Next(2) == 0;
            var columnTotals = random.Next(2) == 0;

            AssertSafe(SmallCells.Suppress(counts, rowTotals, columnTotals));
        }
    }

    /// <summary>
    /// No shown value under 11, and no line (a row with its shown total, a column with its shown total, the row totals
    /// or column totals with the grand total) with exactly one hidden value, which subtraction would reveal.
    /// </summary>
    private static void AssertSafe(SuppressedTable table)
    {
        for (var r = 0; r < table.Rows; r++)
        {
            for (var c = 0; c < table.Columns; c++)
            {
                Assert.True(table.Cell(r, c) is null or >= SmallCells.Minimum);
            }
            Assert.True(table.RowTotal(r) is null or >= SmallCells.Minimum);
        }
        for (var c = 0; c < table.Columns; c++)
        {
            Assert.True(table.ColumnTotal(c) is null or >= SmallCells.Minimum);
        }
        Assert.True(table.GrandTotal is null or >= SmallCells.Minimum);

        // A hidden total whose cells are all shown can be added up: it would cover nothing.
        for (var r = 0; r < table.Rows && table.RowTotalsShown; r++)
        {
            Assert.True(table.RowTotal(r) is not null || Enumerable.Range(0, table.Columns).Any(c => table.Cell(r, c) is null), $"row {r}'s hidden total can be added up");
        }
        for (var c = 0; c < table.Columns && table.ColumnTotalsShown; c++)
        {
            Assert.True(table.ColumnTotal(c) is not null || Enumerable.Range(0, table.Rows).Any(r => table.Cell(r, c) is null), $"column {c}'s hidden total can be added up");
        }
        for (var r = 0; r < table.Rows; r++)
        {
            if (table.RowTotal(r) is not null)
            {
                AssertCovered(Enumerable.Range(0, table.Columns).Where(c => table.Cell(r, c) is null).Select(c => table.Counts[r, c]));
            }
        }
        for (var c = 0; c < table.Columns; c++)
        {
            if (table.ColumnTotal(c) is not null)
            {
                AssertCovered(Enumerable.Range(0, table.Rows).Where(r => table.Cell(r, c) is null).Select(r => table.Counts[r, c]));
            }
        }
        if (table.GrandTotal is not null && table.RowTotalsShown)
        {
            AssertCovered(Enumerable.Range(0, table.Rows).Where(r => table.RowTotal(r) is null)
                .Select(r => Enumerable.Range(0, table.Columns).Sum(c => table.Counts[r, c])));
        }
        if (table.GrandTotal is not null && table.ColumnTotalsShown)
        {
            AssertCovered(Enumerable.Range(0, table.Columns).Where(c => table.ColumnTotal(c) is null)
                .Select(c => Enumerable.Range(0, table.Rows).Sum(r => table.Counts[r, c])));
        }
    }

    /// <summary>
    /// The hidden values of one line with a shown total: subtraction gives their sum, so there must be none, or at least
    /// two adding up to 11 or more.
    /// </summary>
    private static void AssertCovered(IEnumerable<int> hiddenValues)
    {
        var values = hiddenValues.ToList();
        if (values.Count == 0)
        {
            return;
        }
        Assert.True(values.Count >= 2, "A lone hidden value can be worked out from its total.");
        Assert.True(values.Sum() >= SmallCells.Minimum, $"Hidden values {string.Join(", ", values)} add up to fewer than 11.");
    }

    [Theory]
    [InlineData(new[] { 60, 45, 30, 15 }, new[] { true, true, true, true })]
    // 45 − 40 = 5 stopped between the first two points: 40 is hidden, and 45 − 22 = 23 is safe to show.
    [InlineData(new[] { 60, 45, 40, 22 }, new[] { true, true, false, true })]
    // 22 − 15 = 7: the last is hidden; so is any count under 11.
    [InlineData(new[] { 50, 22, 15, 4 }, new[] { true, true, false, false })]
    [InlineData(new[] { 9, 9, 8 }, new[] { false, false, false })]
    public void NestedCounts_ShowOnlyWhatLeavesEveryDifferenceElevenOrMore(int[] nested, bool[] expected)
    {
        var shown = SmallCells.ShowChain(nested);

        Assert.Equal(expected, shown);
        var visible = nested.Where((_, i) => shown[i]).Append(0).ToList();
        Assert.All(visible.Zip(visible.Skip(1)), pair => Assert.True(pair.First - pair.Second >= SmallCells.Minimum));
    }

    [Theory]
    [InlineData(11, 22, 0.5)]
    [InlineData(8, 12, null)]
    [InlineData(11, 21, null)]
    [InlineData(0, 40, null)]
    [InlineData(40, 40, null)]
    public void Shares_ShowOnlyWhenBothGroupsHaveElevenOrMore(int part, int whole, double? shown) =>
        Assert.Equal(shown, SmallCells.Share(part, whole));
}
