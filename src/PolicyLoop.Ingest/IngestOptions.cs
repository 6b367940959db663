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

    /// <summary>Events per store transaction. Default 50,000.</summary>
    public int BatchSize { get; init; } = 50_000;
}
