using System.Xml.Linq;
using PeerCircle.Web.Features.Outcomes.Reports;

namespace PeerCircle.UnitTests.Features.Outcomes.Reports;

/// <summary>Charts are OxyPlot SVG made fit for the page: no inline styles (the CSP forbids them), labelled for screen readers.</summary>
public class OutcomeChartsTests
{
    private static readonly ChartPoint[] Points = [new("Patients and survivors", 24), new("Caregivers", null), new("Bereaved relatives", 13)];

    [Fact]
    public void Bars_HaveNoStyleAttributes_AndAreLabelled()
    {
        var svg = XElement.Parse(OutcomeCharts.Bars("roles", "People served by role", "Patients and survivors: 24; Caregivers: fewer than 11", Points, "People"));

        AssertEmbeddable(svg, "roles", "People served by role");
        // The bars and text keep their look as presentation attributes.
        Assert.Contains(svg.Descendants(), e => e.Attribute("fill") is not null);
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Attribute("font-size") is not null);
        // The suppressed point is not drawn.
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value == "Caregivers");
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value == "Bereaved relatives");
    }

    [Fact]
    public void Line_HasNoStyleAttributes_AndAreLabelled()
    {
        var svg = XElement.Parse(OutcomeCharts.Line("attendance", "People attending each month", "Jan: 12", [new("Jan", 12), new("Feb", null), new("Mar", 15)], "People"));

        AssertEmbeddable(svg, "attendance", "People attending each month");
    }

    [Fact]
    public void Accessible_TurnsStylesIntoAttributes_AndDropsScripts()
    {
        var svg = XElement.Parse("""<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><script>alert(1)</script><rect style="fill:#ff0000;stroke-width:2;behavior:url(x)" onclick="x()" /></svg>""");

        var result = OutcomeCharts.Accessible(svg, "c", "Title", "Description");

        var rect = result.Descendants().Single(e => e.Name.LocalName == "rect");
        Assert.Equal("#ff0000", rect.Attribute("fill")?.Value);
        Assert.Equal("2", rect.Attribute("stroke-width")?.Value);
        Assert.Null(rect.Attribute("behavior"));
        Assert.Null(rect.Attribute("onclick"));
        Assert.DoesNotContain(result.Descendants(), e => e.Name.LocalName == "script");
        Assert.Equal("0 0 100 50", result.Attribute("viewBox")?.Value);
        AssertEmbeddable(result, "c", "Title");
    }

    private static void AssertEmbeddable(XElement svg, string id, string title)
    {
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Name.LocalName == "style");
        Assert.Equal("img", svg.Attribute("role")?.Value);
        Assert.Equal($"{id}-title {id}-desc", svg.Attribute("aria-labelledby")?.Value);
        var first = svg.Elements().First();
        Assert.Equal("title", first.Name.LocalName);
        Assert.Equal($"{id}-title", first.Attribute("id")?.Value);
        Assert.Equal(title, first.Value);
        Assert.Equal("desc", svg.Elements().ElementAt(1).Name.LocalName);
    }
}
