namespace PolicyLoop.Core;

/// <summary>
/// An input record that could not become an event, kept with its location, the reason in plain
/// words and its raw text (capped), so that nothing read is lost. When the raw bytes are not valid
/// UTF-8, <see cref="RawText"/> shows them with replacement characters and <see cref="RawBase64"/>
/// keeps the exact bytes.
/// </summary>
public sealed record QuarantinedRecord(
    string Id,
    RecordLocation Location,
    string Format,
    string Reason,
    string RawText,
    bool RawTruncated,
    string? RawBase64 = null);
