using System.Globalization;
using System.Text;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports.Html;

/// <summary>The table sections of <see cref="HtmlReportWriter"/>.</summary>
public static partial class HtmlReportWriter
{
    private static void AppendRules(StringBuilder html, ForensicReport report)
    {
        html.Append("<h2>Rejects per rule</h2>\n");
        if (report.Rules.Count == 0)
        {
            html.Append("<p>No rule matched.</p>\n");
            return;
        }

        html.Append("<table><thead><tr><th>rule</th><th>action</th><th class=\"n\">rejects</th><th>share of rejects</th>"
            + "<th class=\"n\">other matches</th><th class=\"n\">errors</th></tr></thead><tbody>\n");
        foreach (var rule in report.Rules)
        {
            var width = (rule.ShareOfRejects * 100).ToString("F1", CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><code>{SafeText.Html(rule.RuleId)}</code><div class=\"detail\">{SafeText.Html(rule.Description)}</div></td>"
                + $"<td>{SafeText.Html(rule.Action)}</td><td class=\"n\">{ReportFormat.Count(rule.Rejects)}</td>"
                + $"<td><div class=\"bar\"><span style=\"width:{width}%\"></span></div>{ReportFormat.Percent(rule.ShareOfRejects)}</td>"
                + $"<td class=\"n\">{ReportFormat.Count(rule.NonDecidingMatches)}</td><td class=\"n\">{ReportFormat.Count(rule.EvaluationErrors)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void AppendTopValues(StringBuilder html, ForensicReport report)
    {
        html.Append("<h2>What rejected requests have in common</h2>\n<div class=\"columns\">");
        AppendRanked(html, "Clients", report.TopClients);
        AppendRanked(html, "User agents", report.TopUserAgents);
        AppendRanked(html, "Paths", report.TopPaths);
        html.Append("</div>\n");
    }

    private static void AppendRanked(StringBuilder html, string heading, IReadOnlyList<RankedValue> values)
    {
        html.Append(CultureInfo.InvariantCulture, $"<div><h3>{SafeText.Html(heading)}</h3>");
        if (values.Count == 0)
        {
            html.Append("<p>No rejects.</p></div>");
            return;
        }

        html.Append("<table><thead><tr><th>value</th><th class=\"n\">rejects</th><th class=\"n\">share</th></tr></thead><tbody>");
        foreach (var value in values)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><code>{SafeText.Html(value.Value, 90)}</code></td><td class=\"n\">{ReportFormat.Count(value.Count)}</td>"
                + $"<td class=\"n\">{ReportFormat.Percent(value.Share)}</td></tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static void AppendExamples(StringBuilder html, ForensicReport report)
    {
        var withExamples = report.Rules.Where(rule => rule.Examples.Count > 0).ToList();
        if (withExamples.Count == 0)
        {
            return;
        }

        html.Append("<h2>Examples per rule</h2>\n");
        foreach (var rule in withExamples)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3><code>{SafeText.Html(rule.RuleId)}</code></h3>");
            html.Append("<table class=\"examples\"><thead><tr><th>time (UTC)</th><th>client</th><th>request</th>"
                + "<th>user agent</th><th class=\"n\">status</th><th>clause and matched text</th></tr></thead><tbody>");
            foreach (var example in rule.Examples)
            {
                AppendExample(html, example);
            }

            html.Append("</tbody></table>\n");
        }
    }

    private static void AppendExample(StringBuilder html, ExampleEvent example)
    {
        var status = example.Status?.ToString(CultureInfo.InvariantCulture) ?? "";
        var match = example.MatchedText is null
            ? ""
            : $"<div>matched <mark>{SafeText.Html(example.MatchedText, 80)}</mark>"
                + (example.MatchOffset is { } offset ? $" at offset {offset.ToString(CultureInfo.InvariantCulture)}" : "")
                + "</div>";
        html.Append(CultureInfo.InvariantCulture,
            $"<tr><td>{example.Time:yyyy-MM-dd HH:mm:ss}</td><td><code>{SafeText.Html(example.ClientIp)}</code></td>"
            + $"<td><code>{SafeText.Html(example.Method)} {SafeText.Html(example.Path, 100)}</code></td>"
            + $"<td>{SafeText.Html(example.UserAgent, 80)}</td><td class=\"n\">{status}</td>"
            + $"<td><code>{SafeText.Html(example.Clause, 120)}</code>{match}"
            + $"<div class=\"detail\">event {SafeText.Html(example.EventId)}</div></td></tr>");
    }
}
