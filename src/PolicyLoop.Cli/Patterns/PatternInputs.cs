using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Patterns;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Patterns;

/// <summary>Reads the store into a segment table, with outcomes from a policy or from the logs.</summary>
internal static class PatternInputs
{
    /// <summary>Opens an existing store read-only, or fails with a usage error that says how to create it.</summary>
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

    /// <summary>The review labels of the store. NOTE: the store keeps no review labels yet, so this has none.</summary>
    public static IReviewLabels Labels(DuckDbEventStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return NoReviewLabels.Instance;
    }

    public static SegmentComparison ParseVersus(string text) => text switch
    {
        "allowed" => SegmentComparison.Allowed,
        "true-positives" => SegmentComparison.TruePositives,
        _ => throw new UsageException($"invalid --versus \"{text}\": use allowed or true-positives"),
    };
}
