using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Analysis.Review;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Core;
using PolicyLoop.Reports.Model.Replay;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Replay;

/// <summary>Replays a candidate policy over the stored events that match a query, against a baseline or the logs.</summary>
internal static class ReplayExecution
{
    public static ReplayReport Run(DuckDbEventStore store, PolicyFile candidate, PolicyFile? baseline, EventQuery query,
        ulong seed = 0)
    {
        var replayer = new PolicyReplayer(candidate.Compiled!, baseline?.Compiled, new ReplayComparerOptions
        {
            BucketWidth = BucketWidth.For(store.Summarize()),
            Seed = seed,
        });
        var baselineName = baseline is null ? "logged decisions" : PolicyFiles.Describe(baseline);
        var reviewed = store.ReadReviewedEvents();
        var tally = reviewed.Count == 0
            ? null
            : new ReplayReviewTally(reviewed.ToDictionary(r => r.Label.EventId, StringComparer.Ordinal));
        return replayer.Run(store.ReadEvents(query), PolicyFiles.Describe(candidate), baselineName,
            TimeProvider.System.GetUtcNow().UtcDateTime, review: tally);
    }
}
