using System.Globalization;
using System.Text;
using PolicyLoop.Reports.Charts;
using PolicyLoop.Reports.Html;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Reports.Replay;

/// <summary>Renders a replay report as one self-contained HTML file with the same safety rules as the forensic report.</summary>
public static partial class ReplayHtmlWriter
{
    public static string Render(ReplayReport report)
    {
        var html = new StringBuilder(64 * 1024);
        var title = $"Replay of {report.Candidate} against {report.Baseline}";
        html.Append(HtmlPage.Head(title));
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"meta\">Generated {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC.</p>\n");
        AppendCounts(html, report.Counts);
        AppendTimeline(html, report);
        AppendRuleChanges(html, report);
        AppendProblems(html, report);
        AppendSegments(html, "Newly rejected: what they have in common", report.NewlyRejectedSegments);
        AppendSegments(html, "Newly allowed: what they have in common", report.NewlyAllowedSegments);
        AppendSamples(html, report.Samples);
        AppendReview(html, report.Review);
        html.Append(HtmlPage.Notes(report.Notes));
        html.Append(HtmlPage.Tail);
        return html.ToString();
    }

    private static void AppendCounts(StringBuilder html, ReplayCounts counts)
    {
        html.Append("<section class=\"cards\">");
        Card(html, "events considered", counts.Considered, "");
        Card(html, "unchanged", counts.Unchanged, $"{ReportFormat.Count(counts.RuleChanged)} now decided by another rule");
        Card(html, "newly rejected", counts.AllowToReject, ReportFormat.Percent(counts.NewlyRejectedShare) + " of events");
        Card(html, "newly allowed", counts.RejectToAllow, ReportFormat.Percent(counts.NewlyAllowedShare) + " of events");
        Card(html, "action changed", counts.ActionChanged, "rejected by both, differently");
        Card(html, "evaluation errors", counts.Errors, "events not compared");
        html.Append("</section>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Rejects: {ReportFormat.Count(counts.BaselineRejects)} by the baseline, "
            + $"{ReportFormat.Count(counts.CandidateRejects)} by the candidate. Considered = unchanged + changed + errors: "
            + $"{ReportFormat.Count(counts.Considered)} = {ReportFormat.Count(counts.Unchanged)} + "
            + $"{ReportFormat.Count(counts.Changed)} + {ReportFormat.Count(counts.Errors)}.</p>\n");
    }

    private static void Card(StringBuilder html, string label, long value, string detail) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"card\"><div class=\"label\">{SafeText.Html(label)}</div>"
            + $"<div class=\"value\">{ReportFormat.Count(value)}</div><div class=\"detail\">{SafeText.Html(detail)}</div></div>");

    private static void AppendTimeline(StringBuilder html, ReplayReport report)
    {
        if (report.Timeline.Count == 0)
        {
            return;
        }

        static double Rate(long rejects, long events) => events == 0 ? 0 : (double)rejects / events;
        var chart = new SvgLineChart
        {
            Title = "Reject rate per bucket",
            Times = [.. report.Timeline.Select(bucket => bucket.Start)],
            FormatY = ReportFormat.Percent,
            Series =
            [
                new ChartSeries("candidate", "#c0392b", [.. report.Timeline.Select(b => Rate(b.CandidateRejects, b.Events))]),
                new ChartSeries("baseline", "#2c7fb8", [.. report.Timeline.Select(b => Rate(b.BaselineRejects, b.Events))]),
                new ChartSeries("logged", "#7f8c8d", [.. report.Timeline.Select(b => Rate(b.LoggedRejects, b.Events))]),
            ],
        };
        html.Append("<h2>Would-be reject rate over time</h2>\n<figure>").Append(chart.Render()).Append("</figure>\n");
    }
}
