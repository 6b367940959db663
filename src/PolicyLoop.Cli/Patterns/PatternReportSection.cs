using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Patterns;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Core;
using PolicyLoop.Reports.Model.Patterns;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Patterns;

/// <summary>Builds the report's patterns section from the table filled while the report was built.</summary>
internal static class PatternReportSection
{
    public static PatternSection Build(DuckDbEventStore store, SegmentTable table, PolicyFile? policy)
    {
        var labels = PatternInputs.Labels(store);
        if (policy is null)
        {
            return PatternSectionBuilder.Build(table, labels, null);
        }

        var text = File.ReadAllText(policy.Path);
        var replay = new ReplayComparerOptions { BucketWidth = BucketWidth.For(store.Summarize()) };
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var rules = policy.Compiled!.Policy.Rules.Select(rule => rule.Id).ToHashSet(StringComparer.Ordinal);
        return PatternSectionBuilder.Build(table, labels, rule => rules.Contains(rule)
            ? new SuggestionRequest(table, rule, policy.Compiled, text, () => store.ReadEvents(new EventQuery()),
                labels, new SegmentMinerOptions(), replay, now)
            { ReviewTally = PatternInputs.ReviewTally(store) }
            : null);
    }
}
