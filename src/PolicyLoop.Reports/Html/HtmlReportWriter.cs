using System.Globalization;
using System.Text;
using PolicyLoop.Reports.Charts;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports.Html;

/// <summary>
/// Renders a forensic report as one self-contained HTML file: inline CSS, charts as inline SVG,
/// no scripts, and a content security policy that forbids them. Every log-derived string goes
/// through <see cref="SafeText.Html"/>.
/// </summary>
public static partial class HtmlReportWriter
{
    public static string Render(ForensicReport report)
    {
        var html = new StringBuilder(64 * 1024);
        AppendHead(html, report);
        AppendSummary(html, report);
        AppendTimeline(html, report);
        AppendAnomalies(html, report);
        AppendRules(html, report);
        AppendReview(html, report);
        AppendTopValues(html, report);
        AppendPatterns(html, report);
        AppendExamples(html, report);
        html.Append(HtmlPage.Notes(report.Notes));
        html.Append(HtmlPage.Tail);
        return html.ToString();
    }

    private static void AppendHead(StringBuilder html, ForensicReport report)
    {
        html.Append(HtmlPage.Head(report.Title));
        var policy = report.PolicyId is null
            ? ""
            : $"Policy <code>{SafeText.Html(report.PolicyId)}</code> version <code>{SafeText.Html(report.PolicyVersion)}</code>. ";
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"meta\">{policy}Generated {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC.</p>\n");
    }

    private static void AppendSummary(StringBuilder html, ForensicReport report)
    {
        var totals = report.Totals;
        var span = totals.FirstEvent is { } first && totals.LastEvent is { } last
            ? $"{first:yyyy-MM-dd HH:mm} to {last:yyyy-MM-dd HH:mm} UTC"
            : "no events";
        html.Append("<section class=\"cards\">");
        AppendCard(html, "events", ReportFormat.Count(totals.Events), span);
        AppendCard(html, "rejects by the policy", ReportFormat.Count(totals.Rejects), ReportFormat.Percent(totals.RejectRate) + " of events");
        AppendCard(html, "rejects in the logs", ReportFormat.Count(totals.LoggedRejects), "as the source decided");
        AppendCard(html, "evaluation errors", ReportFormat.Count(totals.EvaluationErrors), "conditions that could not be evaluated");
        html.Append("</section>\n");
    }

    private static void AppendCard(StringBuilder html, string label, string value, string detail) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"card\"><div class=\"label\">{SafeText.Html(label)}</div><div class=\"value\">{value}</div>"
            + $"<div class=\"detail\">{SafeText.Html(detail)}</div></div>");

    private static void AppendTimeline(StringBuilder html, ForensicReport report)
    {
        if (report.Timeline.Count == 0)
        {
            return;
        }

        var times = report.Timeline.Select(bucket => bucket.Start).ToList();
        var traffic = new SvgLineChart
        {
            Title = "Events and rejects per bucket",
            Times = times,
            Series =
            [
                new ChartSeries("events", "#4a6fa5", [.. report.Timeline.Select(bucket => (double)bucket.Events)]),
                new ChartSeries("rejects by the policy", "#c0392b", [.. report.Timeline.Select(bucket => (double)bucket.Rejects)]),
            ],
        };
        var rate = new SvgLineChart
        {
            Title = "Reject rate per bucket",
            Times = times,
            FormatY = ReportFormat.Percent,
            Series =
            [
                new ChartSeries("policy reject rate", "#c0392b", [.. report.Timeline.Select(bucket => bucket.RejectRate)]),
                new ChartSeries("logged reject rate", "#7f8c8d",
                    [.. report.Timeline.Select(bucket => bucket.Events == 0 ? 0 : (double)bucket.LoggedRejects / bucket.Events)]),
            ],
        };
        html.Append("<h2>Traffic and rejects over time</h2>\n<figure>");
        html.Append(traffic.Render());
        html.Append("</figure>\n<figure>");
        html.Append(rate.Render());
        html.Append("</figure>\n");
    }

}
