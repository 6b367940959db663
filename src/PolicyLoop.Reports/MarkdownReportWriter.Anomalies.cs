using System.Globalization;
using System.Text;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports;

/// <summary>
/// The anomalies section in Markdown: per scope, the reject rate as a sparkline with a caret under
/// each alert bucket, then a table of the alerts with observed and expected rate and the band.
/// </summary>
public static partial class MarkdownReportWriter
{
    /// <summary>Widest sparkline; longer histories are drawn one character per group of buckets.</summary>
    private const int SparklineWidth = 96;

    private static void AppendAnomalies(StringBuilder md, ForensicReport report)
    {
        if (report.Anomalies is not { } section)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture,
            $"\n### Anomalies\n\n{ReportFormat.Count(section.AlertCount, "alert")} on {ReportFormat.Count(section.Charts.Count, "scope")}, "
            + $"{section.BucketWidth.TotalMinutes:0.#}-minute buckets. The line is the reject rate; ^ marks an alert.\n");
        foreach (var chart in section.Charts)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n**{SafeText.Markdown(chart.Scope)}**\n\n");
            AppendSparkline(md, chart);
            AppendAlertTable(md, chart);
        }
    }

    private static void AppendSparkline(StringBuilder md, AnomalyChart chart)
    {
        var points = chart.Points;
        if (points.Count == 0)
        {
            return;
        }

        var group = (points.Count + SparklineWidth - 1) / SparklineWidth;
        var rates = points.Chunk(group).Select(c => c.Max(p => p.Rate)).ToArray();
        var marks = new char[rates.Length];
        Array.Fill(marks, ' ');
        foreach (var alert in chart.Alerts)
        {
            var index = IndexOf(points, alert.BucketStart);
            if (index >= 0)
            {
                marks[index / group] = '^';
            }
        }

        md.Append(CultureInfo.InvariantCulture,
            $"```text\n{Sparkline.Draw(rates)}\n{new string(marks).TrimEnd()}\n```\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"{points[0].Start:yyyy-MM-dd HH:mm} to {points[^1].Start:yyyy-MM-dd HH:mm} UTC, "
            + $"peak rate {ReportFormat.Percent(points.Max(p => p.Rate))}.\n\n");
    }

    private static void AppendAlertTable(StringBuilder md, AnomalyChart chart)
    {
        if (chart.Alerts.Count == 0)
        {
            return;
        }

        md.Append("| bucket | detector | kind | observed | expected | band | reason |\n|---|---|---|---:|---:|---|---|\n");
        foreach (var alert in chart.Alerts)
        {
            var index = IndexOf(chart.Points, alert.BucketStart);
            var band = index >= 0 && chart.Points[index] is { Lower: { } lower, Upper: { } upper }
                ? $"{ReportFormat.Percent(lower)} to {ReportFormat.Percent(upper)}"
                : "none yet";
            md.Append(CultureInfo.InvariantCulture,
                $"| {alert.BucketStart:yyyy-MM-dd HH:mm} | {SafeText.Markdown(alert.Detector)} | {SafeText.Markdown(alert.Kind)} | "
                + $"{ReportFormat.Percent(alert.Observed)} | {ReportFormat.Percent(alert.Expected)} | {band} | "
                + $"{SafeText.Markdown(alert.Reason)} |\n");
        }
    }

    private static int IndexOf(IReadOnlyList<BaselinePoint> points, DateTime start)
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
}
