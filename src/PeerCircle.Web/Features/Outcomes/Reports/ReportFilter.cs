using System.Globalization;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>
/// The dashboard's filters, read from the query string as text: a date range (<c>from</c>, <c>to</c>, yyyy-MM-dd,
/// both days included) and a group (its id). Anything that does not parse falls back to the default and is named in
/// <see cref="Problems"/>, so a hand-edited link never errors. By default: the 12 months up to today.
/// </summary>
public sealed record ReportFilter(DateOnly From, DateOnly To, Guid? GroupId, IReadOnlyList<string> Problems)
{
    /// <summary>The longest range a report covers.</summary>
    public const int MaxYears = 10;

    public DateTime FromUtc => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The end of the range, exclusive: the start of the day after <see cref="To"/>.</summary>
    public DateTime ToUtc => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static ReportFilter Parse(string? from, string? to, string? group, DateTime nowUtc)
    {
        var problems = new List<string>();
        var today = DateOnly.FromDateTime(nowUtc);
        var defaultFrom = today.AddMonths(-12).AddDays(1);
        var start = ParseDate(from, defaultFrom, "The start date was not a date like 2026-01-31, so the report starts 12 months ago.", problems);
        var end = ParseDate(to, today, "The end date was not a date like 2026-12-31, so the report ends today.", problems);
        if (end < start)
        {
            problems.Add("The end date was before the start date, so the two were swapped.");
            (start, end) = (end, start);
        }
        if (start < end.AddYears(-MaxYears))
        {
            // A mistyped year (0206 for 2026) would otherwise ask for thousands of months.
            problems.Add("The report covers at most 10 years, so it starts 10 years before the end date.");
            start = end.AddYears(-MaxYears).AddDays(1);
        }
        Guid? groupId = null;
        if (!string.IsNullOrWhiteSpace(group))
        {
            if (Guid.TryParse(group.Trim(), out var parsed))
            {
                groupId = parsed;
            }
            else
            {
                problems.Add("That group was not found, so the report shows all groups.");
            }
        }
        return new ReportFilter(start, end, groupId, problems);
    }

    /// <summary>The query string for these filters, for links and the exports.</summary>
    public string QueryString =>
        string.Create(CultureInfo.InvariantCulture, $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}") + (GroupId is { } g ? $"&group={g}" : "");

    private static DateOnly ParseDate(string? value, DateOnly fallback, string problem, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        problems.Add(problem);
        return fallback;
    }
}
