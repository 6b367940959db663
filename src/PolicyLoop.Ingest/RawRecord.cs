using PolicyLoop.Core;

namespace PolicyLoop.Ingest;

/// <summary>
/// One record's bytes as read from an input, without its line terminator. The bytes stay valid
/// only until the reader produces the next record.
/// </summary>
/// <param name="Bytes">The record bytes; for an oversized record, only the first bytes up to the raw cap.</param>
/// <param name="Location">File, 1-based line and 0-based byte offset of the record's first byte.</param>
/// <param name="Length">The record's full length in bytes, which exceeds <c>Bytes.Length</c> when oversized.</param>
/// <param name="Problem">Why the record cannot be parsed at all (oversized, truncated input), or null.</param>
public readonly record struct RawRecord(
    ReadOnlyMemory<byte> Bytes,
    RecordLocation Location,
    long Length,
    string? Problem = null);
