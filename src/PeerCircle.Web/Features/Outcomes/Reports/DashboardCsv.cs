using System.Globalization;
using System.Text.RegularExpressions;
using PeerCircle.Web.Features.Safety.Resources;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>
/// The dashboard as CSV: de-identified aggregates only (section, row, measure, value), every number already through
/// small-cell suppression ("hidden" where hidden: fewer than 11 people, or hidden so such a number cannot be worked out). Safe to open in a spreadsheet: a cell that starts with
/// = + - @ (or a tab or carriage return) gets a leading apostrophe, so it is never run as a formula; plain numbers,
/// negative ones too, stay numbers.
/// </summary>
public static partial class DashboardCsv
{
    public const string Hidden = "hidden";
    public static readonly string[] Header = ["section", "row", "measure", "value"];

    public static string Write(DashboardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rows = new List<string?[]>
        {
            Row("filter", "dates", "from", data.Filter.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Row("filter", "dates", "to", data.Filter.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Row("filter", "group", "id", data.Filter.GroupId?.ToString() ?? "all"),
            Row("people served", "all", "people", Count(data.PeopleServed)),
        };
        AddTable(rows, "people served by role", data.ByRole);
        AddTable(rows, "people served by cancer type", data.ByCancerType);
        AddTable(rows, "people served by modality", data.ByModality);
        AddTable(rows, "people served by language", data.ByLanguage);
        AddTable(rows, "people served by distance", data.ByDistance);
        foreach (var m in data.TimeToFirstMeeting)
        {
            var month = Month(m.Year, m.Month);
            rows.Add(Row("days from sign-up to first meeting", month, "people", Count(m.People)));
            rows.Add(Row("days from sign-up to first meeting", month, "median days", Number(m.MedianDays)));
        }
        foreach (var r in data.Retention)
        {
            var label = string.Create(CultureInfo.InvariantCulture, $"{r.Weeks} weeks");
            rows.Add(Row("retention", label, "joined", Count(r.Joined)));
            rows.Add(Row("retention", label, "still attending", Count(r.StillAttending)));
            rows.Add(Row("retention", label, "share", Number(r.Share, 3)));
        }
        foreach (var a in data.Attendance)
        {
            var month = Month(a.Year, a.Month);
            rows.Add(Row("attendance", month, "people", Count(a.People)));
            rows.Add(Row("attendance", month, "attendances", Count(a.Attendances)));
        }
        AddTable(rows, "facilitator pipeline", data.FacilitatorPipeline);
        foreach (var s in data.Safety)
        {
            rows.Add(Row("safety cases", s.Priority.ToString(), "cases", Count(s.Cases)));
            rows.Add(Row("safety cases", s.Priority.ToString(), "acknowledged on time", Number(s.AcknowledgedOnTime, 3)));
            rows.Add(Row("safety cases", s.Priority.ToString(), "resolved on time", Number(s.ResolvedOnTime, 3)));
        }
        rows.Add(Row("safety cases", "total", "cases", Count(data.SafetyCases)));
        rows.Add(Row("referrals", "all", "members referred", Count(data.Referrals.MembersReferred)));
        rows.Add(Row("referrals", "all", "members connected", Count(data.Referrals.MembersConnected)));
        rows.Add(Row("referrals", "all", "referrals made", Count(data.Referrals.Referrals)));
        rows.Add(Row("referrals", "all", "referrals connected", Count(data.Referrals.ReferralsConnected)));
        foreach (var b in data.Benefits)
        {
            var label = (b.Instrument is { } instrument ? $"{instrument.Key} v{instrument.Version} " : "")
                + string.Create(CultureInfo.InvariantCulture, $"{b.Scale} day {b.DaysAfterJoining}");
            rows.Add(Row("benefits", label, "members with both", Count(b.Pairs)));
            rows.Add(Row("benefits", label, "mean change", Stat(b.Summary, s => s.MeanChange)));
            rows.Add(Row("benefits", label, "95% CI low", Stat(b.Summary, s => s.CiLow)));
            rows.Add(Row("benefits", label, "95% CI high", Stat(b.Summary, s => s.CiHigh)));
            rows.Add(Row("benefits", label, "effect size (Cohen's dz)", Stat(b.Summary, s => s.EffectSize)));
            rows.Add(Row("benefits", label, "Wilcoxon signed-rank p", Stat(b.Summary, s => s.Wilcoxon.PValue, 4)));
            rows.Add(Row("benefits", label, "share improved", Number(b.ShareImproved, 3)));
            foreach (var dose in b.Doses)
            {
                rows.Add(Row("benefits by dose", label, DoseName(dose.Band) + " people", Count(dose.N)));
                rows.Add(Row("benefits by dose", label, DoseName(dose.Band) + " mean change", Number(dose.MeanChange)));
            }
        }
        foreach (var w in data.Wellbeing)
        {
            var month = Month(w.Year, w.Month);
            rows.Add(Row("facilitator well-being", month, "facilitators", Count(w.Facilitators)));
            rows.Add(Row("facilitator well-being", month, "check-ins", Count(w.CheckIns)));
            rows.Add(Row("facilitator well-being", month, "mean energy (0-10)", Number(w.MeanEnergy)));
            rows.Add(Row("facilitator well-being", month, "mean stress (0-10)", Number(w.MeanStress)));
        }
        foreach (var f in data.Feedback)
        {
            var month = Month(f.Year, f.Month);
            rows.Add(Row("session feedback", month, "members", Count(f.Members)));
            rows.Add(Row("session feedback", month, "responses", Count(f.Responses)));
            rows.Add(Row("session feedback", month, "share helpful", Number(f.Helpful, 3)));
            rows.Add(Row("session feedback", month, "share felt heard", Number(f.FeltHeard, 3)));
            rows.Add(Row("session feedback", month, "share felt safe", Number(f.FeltSafe, 3)));
        }
        return Csv.Write(Header, rows.Select(r => (IReadOnlyList<string?>)[.. r.Select(Safe)]));
    }

    public static string DoseName(DoseBand band) => band switch
    {
        DoseBand.OneToThree => "1-3 meetings",
        DoseBand.FourToSeven => "4-7 meetings",
        DoseBand.EightOrMore => "8 or more meetings",
        _ => "no meetings recorded",
    };

    /// <summary>
    /// A cell a spreadsheet will not run as a formula. A plain number ("-0.42", a mean change that went down) is left as
    /// it is: it cannot run, and with an apostrophe in front a spreadsheet or a statistics package would read it as text.
    /// </summary>
    public static string Safe(string? value)
    {
        var text = value ?? "";
        if (PlainNumber().IsMatch(text))
        {
            return text;
        }
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    [GeneratedRegex(@"\A-?[0-9]+(\.[0-9]+)?(E-?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();

    private static void AddTable(List<string?[]> rows, string section, CountTable table)
    {
        foreach (var row in table.Rows)
        {
            rows.Add(Row(section, row.Label, "people", Count(row.Count)));
        }
        if (table.HasTotal)
        {
            rows.Add(Row(section, "total", "people", Count(table.Total)));
        }
    }

    private static string?[] Row(string section, string row, string measure, string value) => [section, row, measure, value];

    private static string Count(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : Hidden;

    private static string Number(double? value, int digits = 2) =>
        value is { } v ? Math.Round(v, digits).ToString(CultureInfo.InvariantCulture) : Hidden;

    /// <summary>A statistic of a shown row ("not available" when it cannot be computed, such as an effect size when nobody changed).</summary>
    private static string Stat(PairedSummary? summary, Func<PairedSummary, double?> statistic, int digits = 2) =>
        summary is null ? Hidden : statistic(summary) is { } v ? Math.Round(v, digits).ToString(CultureInfo.InvariantCulture) : "not available";

    private static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");
}
