namespace PolicyLoop.Core;

/// <summary>
/// The event store: events keyed by id, and the quarantine of records that could not be read.
/// Implementations must store each batch atomically, so an interrupted ingest leaves whole batches only.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>
    /// Stores the events whose ids are new and the quarantined records whose ids are new, in one transaction.
    /// </summary>
    BatchOutcome StoreBatch(IReadOnlyList<DecisionEvent> events, IReadOnlyList<QuarantinedRecord> quarantined);

    /// <summary>Counts events per source, decision, rule and day.</summary>
    StoreSummary Summarize();

    /// <summary>Streams the events that match <paramref name="query"/> in time order, then by event id.</summary>
    IEnumerable<DecisionEvent> ReadEvents(EventQuery query);
}
