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
        AppendTemplates(html, section);
    }

    private static void AppendTemplates(StringBuilder html, Model.Patterns.PatternSection section)
    {
        if (section.Templates.Count == 0)
        {
            return;
        }

        html.Append("<h3>Message templates of the rejects</h3>\n<p>The free text of each reject (its reason, its ");
        html.Append("content, or else its raw line) grouped into templates; <code>&lt;*&gt;</code> marks a variable part.</p>\n");
        html.Append("<table><thead><tr><th>rule</th><th>templates</th><th>template</th><th>rejects</th><th>share</th>");
        html.Append("<th>text</th></tr></thead><tbody>\n");
        foreach (var rule in section.Templates)
        {
            foreach (var row in rule.Top)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{SafeText.Html(rule.RuleId)}</td><td class=\"n\">{ReportFormat.Count(rule.TemplateCount)}</td>"
                    + $"<td>{SafeText.Html(row.TemplateId)}</td><td class=\"n\">{ReportFormat.Count(row.Rejects)}</td>"
                    + $"<td class=\"n\">{ReportFormat.Percent(row.Share)}</td><td><code>{SafeText.Html(row.Template, 300)}</code></td></tr>\n");
            }
        }

        html.Append("</tbody></table>\n");
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
