using PolicyLoop.Reports;
using PolicyLoop.Reports.Model.Replay;
using Spectre.Console;

namespace PolicyLoop.Cli.Replay;

/// <summary>Prints a replay report on the terminal: counts, changes per rule, errors and unfaithful replays.</summary>
internal static class ReplayTextWriter
{
    private const int MaxRules = 15;

    public static void Write(ReplayReport report)
    {
        var counts = report.Counts;
        Console.WriteLine($"Replay of {SafeText.ForDisplay(report.Candidate)} against {SafeText.ForDisplay(report.Baseline)}");
        Console.WriteLine($"considered {ReportFormat.Count(counts.Considered)} = unchanged {ReportFormat.Count(counts.Unchanged)}"
            + $" + changed {ReportFormat.Count(counts.Changed)} + errors {ReportFormat.Count(counts.Errors)}");
        Console.WriteLine($"changed {ReportFormat.Count(counts.Changed)} = allow->reject {ReportFormat.Count(counts.AllowToReject)}"
            + $" ({ReportFormat.Percent(counts.NewlyRejectedShare)}) + reject->allow {ReportFormat.Count(counts.RejectToAllow)}"
            + $" ({ReportFormat.Percent(counts.NewlyAllowedShare)}) + action changed {ReportFormat.Count(counts.ActionChanged)}");
        Console.WriteLine($"rejects: baseline {ReportFormat.Count(counts.BaselineRejects)}, candidate {ReportFormat.Count(counts.CandidateRejects)}");

        if (report.RuleChanges.Count > 0)
        {
            var table = new Table().AddColumns("rule", "change", "action", "events");
            table.Columns[3].RightAligned();
            foreach (var change in report.RuleChanges.Take(MaxRules))
            {
                var rule = SafeText.ForDisplay(change.RuleId, 48) + (change.Critical ? " (critical)" : "");
                table.AddRow(Markup.Escape(rule), Direction(change.Direction), Markup.Escape(change.Action),
                    ReportFormat.Count(change.Events));
            }

            AnsiConsole.Write(table);
        }

        foreach (var error in report.Errors)
        {
            Console.WriteLine($"evaluation errors: {error.Policy} rule {SafeText.ForDisplay(error.RuleId)} on "
                + $"{ReportFormat.Count(error.Events, "event")}, e.g. {SafeText.ForDisplay(error.ExampleMessage, 200)}");
        }

        foreach (var item in report.Unfaithful)
        {
            Console.WriteLine($"not replayed faithfully: {ReportFormat.Count(item.Events, "event")}: {SafeText.ForDisplay(item.Reason, 300)}");
        }

        if (report.Review is { } review)
        {
            Console.WriteLine($"from {ReportFormat.Count(review.ReviewedEvents)} reviewed rejects: false positives removed "
                + $"{review.FalsePositivesRemoved:F0} (95% interval {review.FalsePositivesRemovedLow:F0} to "
                + $"{review.FalsePositivesRemovedHigh:F0}), true positives lost {review.TruePositivesLost:F0} "
                + $"(95% interval {review.TruePositivesLostLow:F0} to {review.TruePositivesLostHigh:F0})");
        }
    }

    private static string Direction(ChangeDirection direction) => direction switch
    {
        ChangeDirection.AllowToReject => "allow -> reject",
        ChangeDirection.RejectToAllow => "reject -> allow",
        _ => "action changed",
    };
}
