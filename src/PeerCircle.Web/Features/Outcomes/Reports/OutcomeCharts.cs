using System.Globalization;
using System.Xml.Linq;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>One point of a chart; a null value is suppressed (fewer than 11 people) and left out of the chart.</summary>
public sealed record ChartPoint(string Label, double? Value);

/// <summary>
/// Server-side charts as accessible inline SVG, drawn by OxyPlot's <see cref="SvgExporter"/>. The SVG is parsed as
/// XML and made fit for the page: every <c>style</c> attribute becomes SVG presentation attributes (the site's
/// Content-Security-Policy allows no inline styles), and the root gets <c>role="img"</c>, a <c>&lt;title&gt;</c> and a
/// <c>&lt;desc&gt;</c> it is labelled by. The data table beside each chart is the accessible source.
/// </summary>
public static class OutcomeCharts
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly OxyColor Ink = OxyColor.FromRgb(0x1a, 0x1a, 0x1a);
    private static readonly OxyColor Bar = OxyColor.FromRgb(0x1f, 0x4e, 0x79);
    private const string Font = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif";

    /// <summary>Horizontal bars, one per shown point.</summary>
    public static string Bars(string id, string title, string description, IReadOnlyList<ChartPoint> points, string valueAxisTitle)
    {
        ArgumentNullException.ThrowIfNull(points);
        var shown = points.Where(p => p.Value is not null).ToList();
        var model = NewModel();
        var categories = new CategoryAxis { Position = AxisPosition.Left, Key = "c", TextColor = Ink, TicklineColor = Ink, AxislineColor = Ink };
        categories.Labels.AddRange(shown.Select(p => p.Label));
        model.Axes.Add(categories);
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Bottom, Key = "v", Title = valueAxisTitle, TextColor = Ink, TitleColor = Ink, TicklineColor = Ink,
            AxislineColor = Ink, MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = OxyColor.FromRgb(0x70, 0x70, 0x70),
            MinimumPadding = 0, AbsoluteMinimum = shown.Any(p => p.Value < 0) ? double.MinValue : 0,
        });
        var series = new BarSeries { FillColor = Bar, StrokeColor = Bar, XAxisKey = "v", YAxisKey = "c" };
        series.Items.AddRange(shown.Select(p => new BarItem(p.Value!.Value)));
        model.Series.Add(series);
        return Render(model, id, title, description, 640, Math.Max(160, 60 + 36 * shown.Count));
    }

    /// <summary>A line over categories (months, say); suppressed points are left out and the line joins the others.</summary>
    public static string Line(string id, string title, string description, IReadOnlyList<ChartPoint> points, string valueAxisTitle)
    {
        ArgumentNullException.ThrowIfNull(points);
        var model = NewModel();
        var categories = new CategoryAxis { Position = AxisPosition.Bottom, TextColor = Ink, TicklineColor = Ink, AxislineColor = Ink, Angle = -45 };
        categories.Labels.AddRange(points.Select(p => p.Label));
        model.Axes.Add(categories);
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Left, Title = valueAxisTitle, TextColor = Ink, TitleColor = Ink, TicklineColor = Ink, AxislineColor = Ink,
            MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = OxyColor.FromRgb(0x70, 0x70, 0x70), AbsoluteMinimum = 0, Minimum = 0,
        });
        var series = new LineSeries { Color = Bar, StrokeThickness = 2, MarkerType = MarkerType.Circle, MarkerSize = 4, MarkerFill = Bar };
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } value)
            {
                series.Points.Add(new DataPoint(i, value));
            }
        }
        model.Series.Add(series);
        return Render(model, id, title, description, 640, 320);
    }

    private static PlotModel NewModel() => new()
    {
        DefaultFont = Font,
        DefaultFontSize = 13,
        TextColor = Ink,
        PlotAreaBorderColor = Ink,
        Background = OxyColors.White,
        IsLegendVisible = false,
    };

    private static string Render(PlotModel model, string id, string title, string description, double width, double height)
    {
        var exporter = new SvgExporter { Width = width, Height = height, IsDocument = false };
        using var stream = new MemoryStream();
        exporter.Export(model, stream);
        stream.Position = 0;
        var svg = XElement.Load(stream);
        return Accessible(svg, id, title, description).ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// Makes an SVG safe for the page and for screen readers: no style attributes (turned into presentation attributes),
    /// no scripts or style elements, role="img" labelled by its own title and description, and a viewBox so it scales.
    /// </summary>
    public static XElement Accessible(XElement svg, string id, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(svg);
        svg.Descendants().Where(e => e.Name.LocalName is "script" or "style" or "foreignObject").ToList().ForEach(e => e.Remove());
        foreach (var element in svg.DescendantsAndSelf())
        {
            if (element.Attribute("style") is { } style)
            {
                foreach (var declaration in style.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var colon = declaration.IndexOf(':', StringComparison.Ordinal);
                    if (colon <= 0)
                    {
                        continue;
                    }
                    var name = declaration[..colon].Trim().ToLowerInvariant();
                    var value = declaration[(colon + 1)..].Trim();
                    if (PresentationAttributes.Contains(name) && element.Attribute(name) is null)
                    {
                        element.SetAttributeValue(name, value);
                    }
                }
                style.Remove();
            }
            foreach (var handler in element.Attributes().Where(a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                handler.Remove();
            }
        }
        var ns = svg.Name.Namespace == XNamespace.None ? Svg : svg.Name.Namespace;
        if (svg.Attribute("viewBox") is null && double.TryParse(svg.Attribute("width")?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            && double.TryParse(svg.Attribute("height")?.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var h))
        {
            svg.SetAttributeValue("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {w} {h}"));
        }
        svg.SetAttributeValue("width", null);
        svg.SetAttributeValue("height", null);
        svg.SetAttributeValue("id", id);
        svg.SetAttributeValue("class", "chart");
        svg.SetAttributeValue("role", "img");
        svg.SetAttributeValue("aria-labelledby", $"{id}-title {id}-desc");
        svg.Elements().Where(e => e.Name.LocalName is "title" or "desc").ToList().ForEach(e => e.Remove());
        svg.AddFirst(new XElement(ns + "title", new XAttribute("id", $"{id}-title"), title),
            new XElement(ns + "desc", new XAttribute("id", $"{id}-desc"), description));
        return svg;
    }

    /// <summary>CSS properties OxyPlot writes that SVG also accepts as presentation attributes of the same name.</summary>
    private static readonly HashSet<string> PresentationAttributes = new(StringComparer.Ordinal)
    {
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linejoin", "stroke-linecap",
        "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity", "font-family", "font-size", "font-weight",
        "font-style", "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "text-decoration", "visibility",
        "clip-rule", "color", "shape-rendering", "text-rendering",
    };
}
