using System.Text.RegularExpressions;
using System.Xml.Linq;
using PolicyLoop.Reports.Html;

namespace PolicyLoop.Reports.Tests.Html;

public sealed partial class HtmlReportWriterTests
{
    private static readonly string Html = HtmlReportWriter.Render(ReportSamples.Hostile());

    [Fact]
    public void Render_ScriptTagInLogText_IsEncoded()
    {
        Html.ShouldNotContain("<script");
        Html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public void Render_QuoteInLogText_CannotLeaveAttribute()
    {
        Html.ShouldNotContain("\" onmouseover=\"");
        Html.ShouldContain("&quot; onmouseover=&quot;alert(2)");
    }

    [Fact]
    public void Render_ControlAndBidiCharacters_AreShownAsEscapes()
    {
        Html.ShouldNotContain("\u001b");
        Html.ShouldNotContain("\u202e");
        Html.ShouldContain(@"curl\x1b[31m/8\u202e");
    }

    [Fact]
    public void Render_Document_ForbidsScriptsAndExternalResources()
    {
        Html.ShouldContain("Content-Security-Policy");
        Html.ShouldContain("default-src 'none'");
        ExternalReference().IsMatch(Html).ShouldBeFalse();
    }

    [Fact]
    public void Render_Charts_AreWellFormedSvg()
    {
        var charts = InlineSvg().Matches(Html);

        charts.Count.ShouldBe(2);
        foreach (Match chart in charts)
        {
            var svg = XElement.Parse(chart.Value);
            svg.Descendants().Count(element => element.Name.LocalName == "polyline").ShouldBe(2);
        }
    }

    [Fact]
    public void Render_Examples_ShowClauseAndMarkedText()
    {
        Html.ShouldContain("<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark> at offset 10");
        Html.ShouldContain("path.matches(&quot;(?i)&lt;script&quot;)");
    }

    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.NonBacktracking)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex InlineSvg();
}
