using System.Diagnostics;
using PolicyLoop.Core;

namespace PolicyLoop.Bench.Ingest;

/// <summary>
/// Passes batches to a store and adds up the time spent in it, to tell a run limited by the
/// store's writes from one limited by parsing.
/// </summary>
internal sealed class TimedEventStore(IEventStore inner) : IEventStore
{
    private long _ticks;

    public TimeSpan TimeInStoreBatch => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public int Batches { get; private set; }

    public BatchOutcome StoreBatch(IReadOnlyList<DecisionEvent> events, IReadOnlyList<QuarantinedRecord> quarantined)
    {
        var start = Stopwatch.GetTimestamp();
        var outcome = inner.StoreBatch(events, quarantined);
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
        Batches++;
        return outcome;
    }

    public StoreSummary Summarize() => inner.Summarize();

    public IEnumerable<DecisionEvent> ReadEvents(EventQuery query) => inner.ReadEvents(query);

    public void Dispose() => inner.Dispose();
}
