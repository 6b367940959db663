using PolicyLoop.Analysis.Patterns;
using PolicyLoop.Reports;

namespace PolicyLoop.Cli.Patterns;

/// <summary>Prints suggestions with their conditions and replay results.</summary>
internal static class SuggestionWriter
{
    public static void Write(TextWriter output, SegmentTable table, string rule, string policy,
        IReadOnlyList<Suggestion> suggestions)
    {
        var rejects = table.RejectingRules().FirstOrDefault(entry => entry.RuleId == rule).Rejects;
        output.WriteLine($"{SafeText.ForDisplay(rule)}: {ReportFormat.Count(rejects, "reject")} under {SafeText.ForDisplay(policy)}");
        if (suggestions.Count == 0)
        {
            output.WriteLine("  no suggestion: no segment of its rejects looks benign (a benign range label, a search "
                + "crawler from one network) or, for a rate or count rule, comes from one heavy client");
            return;
        }

        for (var i = 0; i < suggestions.Count; i++)
        {
            var summary = suggestions[i].Summary;
            var counts = suggestions[i].Replay.Counts;
            output.WriteLine($"  {i + 1}. {summary.Kind}: {SafeText.ForDisplay(summary.Reason, 600)}");
            output.WriteLine($"     condition: {SafeText.ForDisplay(summary.Condition, 600)}");
            output.WriteLine($"     replay over {ReportFormat.Count(counts.Considered, "event")}: "
                + $"{ReportFormat.Count(summary.NewlyAllowed)} newly allowed, "
                + $"{ReportFormat.Count(summary.NewlyRejected)} newly rejected, "
                + $"{ReportFormat.Count(summary.OtherChanges)} rejected by another rule or with another action, "
                + $"{ReportFormat.Count(counts.Errors)} errors");
            if (summary.ReviewEstimate is { } estimate)
            {
                output.WriteLine($"     review estimate: {SafeText.ForDisplay(estimate)}");
            }
        }
    }
}
