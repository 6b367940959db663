using System.Globalization;
using System.Text;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports;

/// <summary>
/// Renders a forensic report as short Markdown: totals, rejects per rule, the top values and, when
/// computed, the anomalies.
/// </summary>
public static partial class MarkdownReportWriter
{
    private const int MaxRows = 10;

    public static string Render(ForensicReport report)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"## {SafeText.Markdown(report.Title)}\n\n");
        var totals = report.Totals;
        md.Append(CultureInfo.InvariantCulture,
            $"{ReportFormat.Count(totals.Events, "event")}; the policy rejects {ReportFormat.Count(totals.Rejects)} ({ReportFormat.Percent(totals.RejectRate)}); "
            + $"the logs show {ReportFormat.Count(totals.LoggedRejects, "reject")}; {ReportFormat.Count(totals.EvaluationErrors)} evaluation errors.\n\n");

        md.Append("| rule | action | rejects | share | other matches |\n|---|---|---:|---:|---:|\n");
        foreach (var rule in report.Rules.Take(MaxRows))
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {SafeText.Markdown(rule.RuleId)} | {rule.Action} | {ReportFormat.Count(rule.Rejects)} | "
                + $"{ReportFormat.Percent(rule.ShareOfRejects)} | {ReportFormat.Count(rule.NonDecidingMatches)} |\n");
        }

        var hidden = report.Rules.Skip(MaxRows).ToList();
        if (hidden.Count > 0)
        {
            md.Append('\n').Append(ReportFormat.HiddenRules(hidden, "index.html and report.json")).Append('\n');
        }

        AppendReview(md, report);
        AppendRanked(md, "Top clients among rejects", report.TopClients);
        AppendRanked(md, "Top user agents among rejects", report.TopUserAgents);
        AppendRanked(md, "Top paths among rejects", report.TopPaths);
        AppendPatterns(md, report);
        AppendAnomalies(md, report);
        return md.ToString();
    }

    private static void AppendReview(StringBuilder md, ForensicReport report)
    {
        if (report.Review is not { } review)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture,
            $"\n### Review: false positives per rule\n\nFrom {ReportFormat.Count(review.LabelledEvents)} labelled events; intervals are 95%.\n\n");
        md.Append("| rule | rejects | reviewed | false-positive share | estimated false positives |\n|---|---:|---:|---:|---:|\n");
        foreach (var rule in review.Rules.Take(MaxRows))
        {
            var share = rule.FalsePositiveShare is { } value
                ? $"{ReportFormat.Percent(value)} ({ReportFormat.Percent(rule.ShareLow)} to {ReportFormat.Percent(rule.ShareHigh)})"
                : "not reviewed";
            var estimate = rule.EstimatedFalsePositives is { } count
                ? string.Create(CultureInfo.InvariantCulture, $"{count:F0} ({rule.EstimateLow:F0} to {rule.EstimateHigh:F0})")
                : "no random sample";
            md.Append(CultureInfo.InvariantCulture,
                $"| {SafeText.Markdown(rule.RuleId)} | {ReportFormat.Count(rule.Rejects)} | {ReportFormat.Count(rule.Reviewed)} | {share} | {estimate} |\n");
        }
    }

    private static void AppendPatterns(StringBuilder md, ForensicReport report)
    {
        if (report.Patterns is not { } section)
        {
            return;
        }

        md.Append("\n**Patterns among rejects**\n\n");
        foreach (var finding in section.Segments)
        {
            md.Append(CultureInfo.InvariantCulture, $"- {SafeText.Markdown(finding.Text, 400)}\n");
        }

        foreach (var suggestion in section.Suggestions)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"- suggestion ({SafeText.Markdown(suggestion.Kind)}) for {SafeText.Markdown(suggestion.RuleId)}: "
                + $"{SafeText.Markdown(suggestion.Reason, 600)}; replay: {ReportFormat.Count(suggestion.NewlyAllowed)} "
                + $"newly allowed, {ReportFormat.Count(suggestion.NewlyRejected)} newly rejected, "
                + $"{ReportFormat.Count(suggestion.OtherChanges)} rejected by another rule or action\n");
        }

        foreach (var rule in section.Templates)
        {
            var top = rule.Top[0];
            md.Append(CultureInfo.InvariantCulture,
                $"- rejects by {SafeText.Markdown(rule.RuleId)} ({ReportFormat.Count(rule.Rejects)}) fall into "
                + $"{ReportFormat.Count(rule.TemplateCount, "template")}; {ReportFormat.Percent(top.Share)} are "
                + $"{SafeText.Markdown(top.TemplateId)}: {SafeText.Markdown(top.Template, 200)}\n");
        }
    }

    private static void AppendRanked(StringBuilder md, string heading, IReadOnlyList<RankedValue> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"\n**{heading}**\n\n| value | rejects | share |\n|---|---:|---:|\n");
        foreach (var value in values.Take(5))
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {SafeText.Markdown(value.Value, 80)} | {ReportFormat.Count(value.Count)} | {ReportFormat.Percent(value.Share)} |\n");
        }
    }
}
