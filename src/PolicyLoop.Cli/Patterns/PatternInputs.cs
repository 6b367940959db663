using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Patterns;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Analysis.Review;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Core;
using PolicyLoop.Core.Review;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Patterns;

/// <summary>Reads the store into a segment table, with outcomes from a policy or from the logs.</summary>
internal static class PatternInputs
{
    /// <summary>Opens an existing store read-only, or fails with a usage error that explains how to create it.</summary>
    public static DuckDbEventStore OpenStore(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"store not found: {path}; run 'policyloop ingest LOG' first or pass --store");
        }

        return DuckDbEventStore.Open(path, readOnly: true);
    }

    /// <summary>Evaluates the policy on every stored event in time order (or takes the logged decisions).</summary>
    public static SegmentTable Load(DuckDbEventStore store, PolicyFile? policy)
    {
        var table = new SegmentTable();
        var evaluator = policy is null ? null : new PolicyEvaluator(policy.Compiled!);
        foreach (var decisionEvent in store.ReadEvents(new EventQuery()))
        {
            var outcome = evaluator is null
                ? EventOutcome.Logged(decisionEvent)
                : PolicyOutcomes.From(evaluator.Evaluate(decisionEvent, explain: false));
            table.Add(decisionEvent, outcome);
        }

        return table;
    }

    /// <summary>
    /// The current review labels of the store, per event and rule. A benign label (a correct block of harmless
    /// traffic) counts as a true positive; unsure labels are left out.
    /// </summary>
    public static IReviewLabels Labels(DuckDbEventStore store)
    {
        var labels = new List<(string EventId, string RuleId, ReviewVerdict Verdict)>();
        foreach (var reviewed in store.ReadReviewedEvents())
        {
            ReviewVerdict? verdict = reviewed.Label.Label switch
            {
                ReviewLabel.FalsePositive => ReviewVerdict.FalsePositive,
                ReviewLabel.TruePositive or ReviewLabel.Benign => ReviewVerdict.TruePositive,
                _ => null,
            };
            if (verdict is { } value)
            {
                labels.Add((reviewed.Label.EventId, reviewed.Label.RuleId, value));
            }
        }

        return labels.Count == 0 ? NoReviewLabels.Instance : new ReviewLabelMap(labels);
    }

    /// <summary>A factory of review tallies for replays, or null when the store has no labels.</summary>
    public static Func<ReplayReviewTally>? ReviewTally(DuckDbEventStore store)
    {
        var reviewed = store.ReadReviewedEvents();
        if (reviewed.Count == 0)
        {
            return null;
        }

        var byEvent = reviewed.ToDictionary(r => r.Label.EventId, StringComparer.Ordinal);
        return () => new ReplayReviewTally(byEvent);
    }

    public static SegmentComparison ParseVersus(string text) => text switch
    {
        "allowed" => SegmentComparison.Allowed,
        "true-positives" => SegmentComparison.TruePositives,
        _ => throw new UsageException($"invalid --versus \"{text}\": use allowed or true-positives"),
    };
}
