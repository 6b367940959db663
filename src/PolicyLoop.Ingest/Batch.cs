using PolicyLoop.Core;

namespace PolicyLoop.Ingest;

/// <summary>Events and quarantined records of one input, stored together in one transaction.</summary>
internal sealed class Batch(FileIngestReport report, int capacity, RawTextArena.ChunkPool rawChunks)
{
    public FileIngestReport Report { get; } = report;

    /// <summary>The raw bytes of events parsed by an <see cref="IUtf8RecordParser"/>; released once the batch is stored.</summary>
    public RawTextArena RawText { get; } = new(rawChunks);

    public List<DecisionEvent> Events { get; } = new(capacity);

    public List<QuarantinedRecord> Quarantined { get; } = [];

    public int Count => Events.Count + Quarantined.Count;
}
