using System.Xml.Linq;
using PolicyLoop.Reports.Html;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports.Tests.Html;

public sealed class HtmlReportWriterAnomaliesTests
{
    private static ForensicReport WithAnomalies() => ReportSamples.WithAnomalies();

    [Fact]
    public void Render_WithAnomalies_ShowsSectionAndMarker()
    {
        var html = HtmlReportWriter.Render(WithAnomalies());

        html.ShouldContain("<h2>Anomalies</h2>");
        html.ShouldContain("1 alert on 1 scope");
        html.ShouldContain("<circle");
        html.ShouldContain("<td>spike</td>");
    }

    [Fact]
    public void Render_ScopeAndReasonFromLogs_AreEncoded()
    {
        var html = HtmlReportWriter.Render(WithAnomalies());

        html.ShouldNotContain("rule=<script>");
        html.ShouldNotContain("above <script>");
    }

    [Fact]
    public void Render_BandChart_IsWellFormedSvg()
    {
        var html = HtmlReportWriter.Render(WithAnomalies());

        var start = html.IndexOf("<svg viewBox=\"-4", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length;
        Should.NotThrow(() => XElement.Parse(html[start..end]));
    }

    [Fact]
    public void Serialize_WithAnomalies_RoundTrips()
    {
        var json = ReportJson.Serialize(WithAnomalies());

        var back = ReportJson.Deserialize(json)!;
        back.Anomalies.ShouldNotBeNull();
        back.Anomalies.Charts[0].Points.Count.ShouldBe(20);
        back.Anomalies.Charts[0].Points[0].Expected.ShouldBeNull();
        back.Anomalies.Charts[0].Alerts[0].Kind.ShouldBe("spike");
    }

    [Fact]
    public void Render_WithoutAnomalies_OmitsSection()
    {
        HtmlReportWriter.Render(ReportSamples.Hostile()).ShouldNotContain("<h2>Anomalies</h2>");
    }
}
