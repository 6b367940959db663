namespace PolicyLoop.Ingest;

/// <summary>
/// A parser that reads only the record's UTF-8 bytes. The ingest loop then skips decoding each
/// record to a string and keeps the raw bytes in <see cref="Core.DecisionEvent.RawUtf8"/>, which
/// halves the memory of the raw text and saves a decode and an encode per record. Parsers that
/// need the text implement <see cref="IRecordParser"/> alone.
/// </summary>
public interface IUtf8RecordParser : IRecordParser
{
    /// <summary>Parses one record from <see cref="RawRecord.Bytes"/>, which are valid UTF-8, and leaves the raw text unset.</summary>
    ParseOutcome Parse(in RawRecord record, InputIdentity input);
}
