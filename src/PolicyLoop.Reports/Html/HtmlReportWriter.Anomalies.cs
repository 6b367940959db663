using System.Globalization;
using System.Text;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports.Html;

/// <summary>The anomalies section: per scope, the rate chart with its baseline band, alert markers and an alert table.</summary>
public static partial class HtmlReportWriter
{
    private const double ChartWidth = 720;
    private const double ChartHeight = 200;

    private static void AppendAnomalies(StringBuilder html, ForensicReport report)
    {
        if (report.Anomalies is not { } section)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Anomalies</h2>\n<p>{ReportFormat.Count(section.AlertCount, "alert")} on {ReportFormat.Count(section.Charts.Count, "scope")}, ");
        html.Append(CultureInfo.InvariantCulture, $"{section.BucketWidth.TotalMinutes:0.#}-minute buckets. ");
        html.Append("The shaded band is the expected reject rate, and circles mark alerts.</p>\n");
        foreach (var chart in section.Charts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{SafeText.Html(chart.Scope)}</h3>\n<figure>");
            html.Append(RenderBandChart(chart));
            html.Append("</figure>\n");
            AppendAlertTable(html, chart);
        }
    }

    private static string RenderBandChart(AnomalyChart chart)
    {
        var points = chart.Points;
        var max = Math.Max(1e-9, points.Max(p => Math.Max(p.Rate, p.Upper ?? 0)));
        double X(int i) => points.Count < 2 ? 0 : i * ChartWidth / (points.Count - 1);
        double Y(double v) => ChartHeight - (v / max * ChartHeight);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg viewBox=\"-4 -4 {ChartWidth + 8} {ChartHeight + 8}\" role=\"img\" aria-label=\"reject rate and baseline band\">");
        var upper = Enumerable.Range(0, points.Count).Where(i => points[i].Upper is not null)
            .Select(i => Point(X(i), Y(points[i].Upper!.Value)));
        var lower = Enumerable.Range(0, points.Count).Where(i => points[i].Lower is not null).Reverse()
            .Select(i => Point(X(i), Y(points[i].Lower!.Value)));
        svg.Append(CultureInfo.InvariantCulture, $"<polygon fill=\"#d6e4f0\" points=\"{string.Join(' ', upper.Concat(lower))}\"/>");
        var rate = Enumerable.Range(0, points.Count).Select(i => Point(X(i), Y(points[i].Rate)));
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#c0392b\" stroke-width=\"1.2\" points=\"{string.Join(' ', rate)}\"/>");
        foreach (var alert in chart.Alerts)
        {
            var index = FindBucket(points, alert.BucketStart);
            if (index >= 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(index):0.#}\" cy=\"{Y(points[index].Rate):0.#}\" r=\"4\" ");
                svg.Append(CultureInfo.InvariantCulture, $"fill=\"none\" stroke=\"#000\"><title>{SafeText.Html(alert.Kind)} ");
                svg.Append(CultureInfo.InvariantCulture, $"({SafeText.Html(alert.Detector)})</title></circle>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static int FindBucket(IReadOnlyList<BaselinePoint> points, DateTime start)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Start == start)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Point(double x, double y) => string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#}");

    private static void AppendAlertTable(StringBuilder html, AnomalyChart chart)
    {
        html.Append("<table><thead><tr><th>bucket</th><th>detector</th><th>kind</th><th>observed</th><th>expected</th><th>reason</th></tr></thead><tbody>");
        foreach (var alert in chart.Alerts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{alert.BucketStart:yyyy-MM-dd HH:mm}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{SafeText.Html(alert.Detector)}</td><td>{SafeText.Html(alert.Kind)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{ReportFormat.Percent(alert.Observed)}</td><td>{ReportFormat.Percent(alert.Expected)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{SafeText.Html(alert.Reason)}</td></tr>");
        }

        html.Append("</tbody></table>\n");
    }
}
