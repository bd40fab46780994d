namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>
/// A table of counts after small-cell suppression: which cells, row totals, column totals and the grand total may be
/// shown. A hidden value is shown as "hidden" (or left out of a chart, with a note).
/// </summary>
public sealed class SuppressedTable
{
    internal SuppressedTable(int[,] counts, bool[,] hidden, bool[] rowTotalHidden, bool[] columnTotalHidden, bool grandTotalHidden,
        bool rowTotalsShown, bool columnTotalsShown)
    {
        Counts = counts;
        HiddenCells = hidden;
        RowTotalHidden = rowTotalHidden;
        ColumnTotalHidden = columnTotalHidden;
        GrandTotalHidden = grandTotalHidden;
        RowTotalsShown = rowTotalsShown;
        ColumnTotalsShown = columnTotalsShown;
    }

    public int[,] Counts { get; }
    public int Rows => Counts.GetLength(0);
    public int Columns => Counts.GetLength(1);
    public bool RowTotalsShown { get; }
    public bool ColumnTotalsShown { get; }
    private bool[,] HiddenCells { get; }
    private bool[] RowTotalHidden { get; }
    private bool[] ColumnTotalHidden { get; }
    private bool GrandTotalHidden { get; }

    public bool IsHidden(int row, int column) => HiddenCells[row, column];

    /// <summary>The count, or null when it must not be shown.</summary>
    public int? Cell(int row, int column) => HiddenCells[row, column] ? null : Counts[row, column];

    public int? RowTotal(int row) => !RowTotalsShown || RowTotalHidden[row] ? null : RowSum(row);

    public int? ColumnTotal(int column) => !ColumnTotalsShown || ColumnTotalHidden[column] ? null : ColumnSum(column);

    public int? GrandTotal => GrandTotalHidden || !(RowTotalsShown || ColumnTotalsShown) ? null : Enumerable.Range(0, Rows).Sum(RowSum);

    private int RowSum(int row) => Enumerable.Range(0, Columns).Sum(c => Counts[row, c]);

    private int ColumnSum(int column) => Enumerable.Range(0, Rows).Sum(r => Counts[r, column]);
}

/// <summary>
/// Small-cell suppression, the rule for every aggregate PeerCircle shows or exports: a number based on fewer than
/// <see cref="Minimum"/> people is hidden and marked "hidden", as is any cell hidden to cover it (one marker for both, so the marker does not tell which is small). Where totals are shown, a hidden cell must not
/// be derivable by subtraction, so a row or column with a shown total never has exactly one hidden value, and its hidden
/// values always add up to 11 or more (a hidden 0 beside a hidden 3 is no cover): another cell (the smallest one left)
/// is hidden too, or, when there is none, the total is hidden (complementary suppression, repeated until nothing
/// changes). Pure.
/// </summary>
public static class SmallCells
{
    public const int Minimum = 11;

    /// <summary>True when a value based on this many people may be shown.</summary>
    public static bool MayShow(int people) => people >= Minimum;

    /// <summary>A count that may be shown, or null.</summary>
    public static int? Show(int people) => MayShow(people) ? people : null;

    /// <summary>A value (mean, share…) based on some people that may be shown, or null.</summary>
    public static T? Show<T>(int people, T value) where T : struct => MayShow(people) ? value : null;

    /// <summary>
    /// The share <paramref name="part"/> / <paramref name="whole"/>, or null unless both the part and the rest are 11 or
    /// more: a share of a shown total gives away both groups' sizes ("67 % of 12" is 8 and 4).
    /// </summary>
    public static double? Share(int part, int whole) => MayShow(part) && MayShow(whole - part) ? (double)part / whole : null;

    /// <summary>
    /// Counts that each hold the next ("joined", "still coming after 4 weeks", "after 8 weeks"…): which may be shown.
    /// The difference of two shown counts is a group of people too ("stopped between 4 and 8 weeks"), so, from the
    /// first, a count is shown only when it is 11 or more and at least 11 fewer than the last one shown; the others are
    /// hidden. Every difference that can be worked out is then 11 or more.
    /// </summary>
    public static bool[] ShowChain(IReadOnlyList<int> nested)
    {
        ArgumentNullException.ThrowIfNull(nested);
        var shown = new bool[nested.Count];
        int? last = null;
        for (var i = 0; i < nested.Count; i++)
        {
            if (last is { } above && nested[i] > above)
            {
                throw new ArgumentException("Each count must hold the next.", nameof(nested));
            }
            if (MayShow(nested[i]) && (last is not { } previous || MayShow(previous - nested[i])))
            {
                shown[i] = true;
                last = nested[i];
            }
        }
        return shown;
    }

    /// <summary>Suppresses a list of counts whose total is shown beside them (one row with its total).</summary>
    public static SuppressedTable SuppressList(IReadOnlyList<int> counts, bool totalShown = true)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var table = new int[1, counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            table[0, i] = counts[i];
        }
        return Suppress(table, rowTotals: totalShown, columnTotals: false);
    }

    /// <summary>Suppresses a table of counts, with row totals and/or column totals (and then a grand total) shown.</summary>
    public static SuppressedTable Suppress(int[,] counts, bool rowTotals, bool columnTotals)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        // The table with its margins as one grid: the last column holds row totals, the last row column totals.
        var grid = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (counts[r, c] < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(counts), "Counts cannot be negative.");
                }
                grid[r, c] = counts[r, c];
                grid[r, columns] += counts[r, c];
                grid[rows, c] += counts[r, c];
                grid[rows, columns] += counts[r, c];
            }
        }
        var shown = new bool[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                var isRowTotal = c == columns;
                var isColumnTotal = r == rows;
                shown[r, c] = (isRowTotal, isColumnTotal) switch
                {
                    (false, false) => true,
                    (true, false) => rowTotals,
                    (false, true) => columnTotals,
                    _ => rowTotals || columnTotals,
                };
            }
        }
        var hidden = new bool[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                hidden[r, c] = shown[r, c] && grid[r, c] < Minimum;
            }
        }

        // Each line (a row with its total, a column with its total) is an equation: total = sum of its cells. With
        // exactly one unknown it can be solved, so add a second unknown until no line has exactly one.
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var r = 0; r <= rows; r++)
            {
                if ((r < rows && rowTotals) || (r == rows && columnTotals && rowTotals))
                {
                    changed |= Protect(grid, hidden, Enumerable.Range(0, columns + 1).Select(c => (r, c)).ToList());
                }
            }
            for (var c = 0; c <= columns; c++)
            {
                if ((c < columns && columnTotals) || (c == columns && rowTotals && columnTotals))
                {
                    changed |= Protect(grid, hidden, Enumerable.Range(0, rows + 1).Select(r => (r, c)).ToList());
                }
            }
            // Without column totals the grand total still adds up the row totals (and the other way round).
            if (rowTotals && !columnTotals)
            {
                changed |= Protect(grid, hidden, Enumerable.Range(0, rows + 1).Select(r => (r, columns)).ToList());
            }
            if (columnTotals && !rowTotals)
            {
                changed |= Protect(grid, hidden, Enumerable.Range(0, columns + 1).Select(c => (rows, c)).ToList());
            }
        }

        var cells = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cells[r, c] = hidden[r, c];
            }
        }
        var rowTotalHidden = Enumerable.Range(0, rows).Select(r => hidden[r, columns]).ToArray();
        var columnTotalHidden = Enumerable.Range(0, columns).Select(c => hidden[rows, c]).ToArray();
        return new SuppressedTable(counts, cells, rowTotalHidden, columnTotalHidden, hidden[rows, columns], rowTotals, columnTotals);
    }

    /// <summary>
    /// One line whose last position is its total. When the total is shown and its hidden values could be worked out or
    /// narrowed down (one hidden value, or hidden values adding up to fewer than 11: "73 − 40 − 30" says the hidden 3 and
    /// 0 are 3 between them), hides the smallest other cell, or the total when there is no other cell. True when
    /// something changed.
    /// </summary>
    private static bool Protect(int[,] grid, bool[,] hidden, List<(int Row, int Column)> line)
    {
        var total = line[^1];
        var cells = line.Take(line.Count - 1).ToList();
        var hiddenCells = cells.Where(p => hidden[p.Row, p.Column]).ToList();
        if (hidden[total.Row, total.Column])
        {
            // A hidden total whose cells are all shown can be added up, so it covers nothing: hide a cell of its line too.
            var smallest = cells.Where(p => !hidden[p.Row, p.Column]).OrderBy(p => grid[p.Row, p.Column]).ToList();
            if (hiddenCells.Count > 0 || smallest.Count == 0)
            {
                return false;
            }
            hidden[smallest[0].Row, smallest[0].Column] = true;
            return true;
        }
        if (hiddenCells.Count == 0 || (hiddenCells.Count > 1 && hiddenCells.Sum(p => grid[p.Row, p.Column]) >= Minimum))
        {
            return false;
        }
        var candidates = cells.Where(p => !hidden[p.Row, p.Column]).OrderBy(p => grid[p.Row, p.Column]).ToList();
        var chosen = candidates.Count > 0 ? candidates[0] : total;
        hidden[chosen.Row, chosen.Column] = true;
        return true;
    }
}
