using PolicyLoop.Core;

namespace PolicyLoop.Ingest;

/// <summary>Events and quarantined records of one input, stored together in one transaction.</summary>
internal sealed class Batch(FileIngestReport report, int capacity)
{
    public FileIngestReport Report { get; } = report;

    public List<DecisionEvent> Events { get; } = new(capacity);

    public List<QuarantinedRecord> Quarantined { get; } = [];

    public int Count => Events.Count + Quarantined.Count;
}
