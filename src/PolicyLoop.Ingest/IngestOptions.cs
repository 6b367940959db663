using PolicyLoop.Ingest.Formats;
using PolicyLoop.Ingest.Reading;

namespace PolicyLoop.Ingest;

/// <summary>Settings of one ingest run.</summary>
public sealed record IngestOptions
{
    /// <summary>A format name, or <c>auto</c> to detect it per input.</summary>
    public string Format { get; init; } = LogFormat.Auto;

    public ParserOptions Parser { get; init; } = new();

    public RecordReaderOptions Reader { get; init; } = new();

    /// <summary>
    /// Events per store transaction. Default 122,880, DuckDB's row group size: a batch of a full
    /// row group is compressed into the store file at commit, while a smaller one is written to
    /// the WAL and held in memory until the next checkpoint.
    /// </summary>
    public int BatchSize { get; init; } = 122_880;

    /// <summary>Runs on every event before it is stored, such as an enricher; null for none.</summary>
    public Action<Core.DecisionEvent>? Enrich { get; init; }
}
