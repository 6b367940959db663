using System.Globalization;
using System.Text;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports.Html;

/// <summary>The review section: precision per rule, with bars for the 95% intervals.</summary>
public static partial class HtmlReportWriter
{
    private static void AppendReview(StringBuilder html, ForensicReport report)
    {
        if (report.Review is not { } review)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture,
            $"<h2>Review: false positives per rule</h2>\n<p>From {ReportFormat.Count(review.LabelledEvents)} labelled events. "
            + $"Bars show the 95% interval; the mark is the estimate. Shares use a Wilson interval; estimated false "
            + $"positives scale the randomly sampled labels up to all of the rule's rejects.</p>\n");
        html.Append("<table><thead><tr><th>rule</th><th class=\"n\">rejects</th><th class=\"n\">reviewed</th>"
            + "<th class=\"n\">false positives</th><th>false-positive share</th><th>estimated false positives</th>"
            + "<th class=\"n\">more reviews needed</th></tr></thead><tbody>\n");
        foreach (var rule in review.Rules)
        {
            var share = rule.FalsePositiveShare is { } value
                ? IntervalBar(value, rule.ShareLow, rule.ShareHigh, 1)
                    + $"{ReportFormat.Percent(value)} ({ReportFormat.Percent(rule.ShareLow)} to {ReportFormat.Percent(rule.ShareHigh)})"
                : "not reviewed";
            var estimate = rule.EstimatedFalsePositives is { } count && rule.Rejects > 0
                ? IntervalBar(count, rule.EstimateLow, rule.EstimateHigh, rule.Rejects)
                    + string.Create(CultureInfo.InvariantCulture, $"{count:F0} ({rule.EstimateLow:F0} to {rule.EstimateHigh:F0})")
                : "no random sample";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><code>{SafeText.Html(rule.RuleId)}</code></td><td class=\"n\">{ReportFormat.Count(rule.Rejects)}</td>"
                + $"<td class=\"n\">{ReportFormat.Count(rule.Reviewed)}</td><td class=\"n\">{ReportFormat.Count(rule.FalsePositives)}</td>"
                + $"<td>{share}</td><td>{estimate}</td><td class=\"n\">{ReportFormat.Count(rule.MoreNeeded)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    /// <summary>An interval from low to high on a scale of 0 to <paramref name="scale"/>, with a mark at the value.</summary>
    private static string IntervalBar(double value, double low, double high, double scale)
    {
        var left = Percent(low / scale);
        var width = Percent(Math.Max(0, high - low) / scale);
        var mark = Percent(value / scale);
        return $"<span class=\"ci\"><span style=\"left:{left}%;width:{width}%\"></span><i style=\"left:{mark}%\"></i></span>";
    }

    private static string Percent(double fraction) =>
        (Math.Clamp(fraction, 0, 1) * 100).ToString("F1", CultureInfo.InvariantCulture);
}
