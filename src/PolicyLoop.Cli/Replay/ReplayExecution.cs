using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Cli.Patterns;
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
            BucketWidth = TimelineWidth(store),
            Seed = seed,
        });
        var baselineName = baseline is null ? "logged decisions" : PolicyFiles.Describe(baseline);
        var tally = PatternInputs.ReviewTally(store)?.Invoke();

        // The store reads only the columns the policies and the report need, on a thread of its own,
        // into reused events. The replayer and the review tally keep no event past its turn, so the reuse is safe.
        using var reader = store.ReadProjected(query, replayer.FieldsRead);
        return replayer.Run(new ReadAheadEvents(reader.Fill), PolicyFiles.Describe(candidate), baselineName,
            TimeProvider.System.GetUtcNow().UtcDateTime, review: tally);
    }

    /// <summary>The timeline's bucket width for the time span of all stored events, as the forensic report uses.</summary>
    private static TimeSpan TimelineWidth(DuckDbEventStore store) =>
        store.EventTimeRange() is ({ } first, { } last) ? BucketWidth.For(last - first) : BucketWidth.For(TimeSpan.Zero);
}
