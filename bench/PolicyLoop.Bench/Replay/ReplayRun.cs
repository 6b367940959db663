using System.Diagnostics;
using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Reports.Model.Replay;
using PolicyLoop.Storage;

namespace PolicyLoop.Bench.Replay;

/// <summary>
/// One timed replay over a store, composed the way <c>policyloop replay</c> composes it
/// (ReplayExecution in the CLI): bucket width from the stored time range, a projected read on a
/// reader thread, and the replayer against the logged decisions.
/// </summary>
internal sealed record ReplayRun(ReplayReport Report, TimeSpan Elapsed, double CpuSeconds, TimeSpan QueryStart,
    TimeSpan Read, TimeSpan Record, TimeSpan Wait)
{
    /// <summary>Garbage collections during the run (generation 0 counts every one) and the time they paused the threads.</summary>
    public (int Collections, TimeSpan Paused) Gc { get; init; }

    /// <summary>Time the replaying thread spent evaluating and counting: the run minus its waits and set-up.</summary>
    public TimeSpan Evaluate => Elapsed - QueryStart - Wait;

    /// <summary>Reading's share of the work of both threads: reading, recording rate() windows and evaluating.</summary>
    public double ReadShare => Read / (Read + Record + Evaluate);

    public double EventsPerSecond => Report.Counts.Considered / Elapsed.TotalSeconds;

    public static ReplayRun Fast(DuckDbEventStore store, CompiledPolicy policy, EventQuery query, DateTime generatedAt)
    {
        var cpu = Ingest.SideResult.ReadCpuSeconds();
        var (collections, paused) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
        var stopwatch = Stopwatch.StartNew();
        var replayer = Replayer(store, policy);
        using var reader = store.ReadProjected(query, replayer.FieldsRead);
        var queryStart = stopwatch.Elapsed;
        var events = new ReadAheadEvents(reader.Fill);
        var report = replayer.Run(events, "bench", "logged decisions", generatedAt);
        return new ReplayRun(report, stopwatch.Elapsed, Ingest.SideResult.ReadCpuSeconds() - cpu, queryStart,
            events.ReadTime, events.StepTime, events.WaitTime)
        {
            Gc = (GC.CollectionCount(0) - collections, GC.GetTotalPauseDuration() - paused),
        };
    }

    /// <summary>The replay over complete events from <see cref="DuckDbEventStore.ReadEvents"/>, on one thread.</summary>
    public static ReplayRun Complete(DuckDbEventStore store, CompiledPolicy policy, EventQuery query, DateTime generatedAt)
    {
        var cpu = Ingest.SideResult.ReadCpuSeconds();
        var stopwatch = Stopwatch.StartNew();
        var report = Replayer(store, policy).Run(store.ReadEvents(query), "bench", "logged decisions", generatedAt);
        return new ReplayRun(report, stopwatch.Elapsed, Ingest.SideResult.ReadCpuSeconds() - cpu, TimeSpan.Zero,
            TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
    }

    private static PolicyReplayer Replayer(DuckDbEventStore store, CompiledPolicy policy) =>
        new(policy, null, new ReplayComparerOptions { BucketWidth = TimelineWidth(store) });

    private static TimeSpan TimelineWidth(DuckDbEventStore store) =>
        store.EventTimeRange() is ({ } first, { } last) ? BucketWidth.For(last - first) : BucketWidth.For(TimeSpan.Zero);
}
