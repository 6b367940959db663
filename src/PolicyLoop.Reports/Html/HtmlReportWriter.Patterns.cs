using System.Globalization;
using System.Text;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports.Html;

/// <summary>The patterns section: segments over-represented among each rule's rejects, and checked suggestions.</summary>
public static partial class HtmlReportWriter
{
    private static void AppendPatterns(StringBuilder html, ForensicReport report)
    {
        if (report.Patterns is not { } section)
        {
            return;
        }

        html.Append("<h2>Patterns</h2>\n<p>Segments over-represented among each rule's rejects compared with allowed ");
        html.Append("traffic, by risk ratio with a 95% interval.</p>\n");
        if (section.Segments.Count > 0)
        {
            html.Append("<table><thead><tr><th>rule</th><th>segment</th><th>rejects</th><th>share</th>");
            html.Append("<th>allowed</th><th>risk ratio (95% CI)</th></tr></thead><tbody>\n");
            foreach (var finding in section.Segments)
            {
                var segment = string.Join(" and ", finding.Items.Select(item => $"{item.Attribute} {item.Value}"));
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{SafeText.Html(finding.RuleId)}</td><td>{SafeText.Html(segment, 300)}</td>"
                    + $"<td class=\"n\">{ReportFormat.Count(finding.Target)}</td>"
                    + $"<td class=\"n\">{ReportFormat.Percent(finding.TargetShare)}</td>"
                    + $"<td class=\"n\">{ReportFormat.Count(finding.Comparison)}</td>"
                    + $"<td class=\"n\">{finding.RiskRatio:0.#} ({finding.RiskRatioLow:0.#} to {finding.RiskRatioHigh:0.#})</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        AppendSuggestions(html, section);
    }

    private static void AppendSuggestions(StringBuilder html, Model.Patterns.PatternSection section)
    {
        if (section.Suggestions.Count == 0)
        {
            return;
        }

        html.Append("<h3>Suggestions, replayed against the policy</h3>\n<ol>\n");
        foreach (var suggestion in section.Suggestions)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<li><p><b>{SafeText.Html(suggestion.Kind)}</b> for <code>{SafeText.Html(suggestion.RuleId)}</code>: "
                + $"{SafeText.Html(suggestion.Reason, 600)}</p>"
                + $"<p><code>{SafeText.Html(suggestion.Condition, 600)}</code></p>"
                + $"<p>Replay: {ReportFormat.Count(suggestion.NewlyAllowed)} newly allowed, "
                + $"{ReportFormat.Count(suggestion.NewlyRejected)} newly rejected, "
                + $"{ReportFormat.Count(suggestion.OtherChanges)} rejected by another rule or with another action.</p></li>\n");
        }

        html.Append("</ol>\n");
        html.Append(HtmlPage.Notes(section.Notes));
    }
}
