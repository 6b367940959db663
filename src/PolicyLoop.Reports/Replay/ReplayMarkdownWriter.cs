using System.Globalization;
using System.Text;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Reports.Replay;

/// <summary>
/// Renders a replay report as Markdown short enough for a pull-request comment: the counts, the
/// rules with the most changes and any critical rule that would now allow what it rejected.
/// </summary>
public static class ReplayMarkdownWriter
{
    private const int MaxRules = 10;

    public static string Render(ReplayReport report)
    {
        var counts = report.Counts;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture,
            $"### Replay: {SafeText.Markdown(report.Candidate)} against {SafeText.Markdown(report.Baseline)}\n\n");
        md.Append("| considered | unchanged | newly rejected | newly allowed | action changed | errors |\n");
        md.Append("|---:|---:|---:|---:|---:|---:|\n");
        md.Append(CultureInfo.InvariantCulture,
            $"| {ReportFormat.Count(counts.Considered)} | {ReportFormat.Count(counts.Unchanged)} | "
            + $"{ReportFormat.Count(counts.AllowToReject)} ({ReportFormat.Percent(counts.NewlyRejectedShare)}) | "
            + $"{ReportFormat.Count(counts.RejectToAllow)} ({ReportFormat.Percent(counts.NewlyAllowedShare)}) | "
            + $"{ReportFormat.Count(counts.ActionChanged)} | {ReportFormat.Count(counts.Errors)} |\n\n");

        foreach (var item in report.Unfaithful)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"Not replayed faithfully: {ReportFormat.Count(item.Events, "event")}, {SafeText.Markdown(item.Reason, 200)}.\n\n");
        }

        var critical = report.RuleChanges.Where(change => change.Critical).ToList();
        foreach (var change in critical)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"**Critical:** rule `{SafeText.ForDisplay(change.RuleId, 60).Replace("`", "'", StringComparison.Ordinal)}` "
                + $"no longer rejects {ReportFormat.Count(change.Events, "event")}.\n\n");
        }

        if (report.RuleChanges.Count > 0)
        {
            md.Append("| rule | change | action | events |\n|---|---|---|---:|\n");
            foreach (var change in report.RuleChanges.Take(MaxRules))
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {SafeText.Markdown(change.RuleId, 60)} | {Direction(change.Direction)} | {change.Action} | "
                    + $"{ReportFormat.Count(change.Events)} |\n");
            }

            if (report.RuleChanges.Count > MaxRules)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n{report.RuleChanges.Count - MaxRules} more rows in the full report.\n");
            }
        }

        if (report.Review is { } review)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"\nFrom {ReportFormat.Count(review.ReviewedEvents)} reviewed rejects: false positives removed "
                + $"{review.FalsePositivesRemoved:F0} (95% interval {review.FalsePositivesRemovedLow:F0} to {review.FalsePositivesRemovedHigh:F0}), "
                + $"true positives lost {review.TruePositivesLost:F0} (95% interval {review.TruePositivesLostLow:F0} to {review.TruePositivesLostHigh:F0}).\n");
        }

        return md.ToString();
    }

    private static string Direction(ChangeDirection direction) => direction switch
    {
        ChangeDirection.AllowToReject => "allow → reject",
        ChangeDirection.RejectToAllow => "reject → allow",
        _ => "action changed",
    };
}
