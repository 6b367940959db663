namespace PolicyLoop.Ingest;

/// <summary>
/// Turns one record of a log format into a decision event. Parsers return failures as values and
/// never throw for bad input; the ingest loop quarantines what they reject.
/// </summary>
public interface IRecordParser
{
    /// <summary>The format name, as given to <c>--format</c>.</summary>
    string Format { get; }

    /// <summary>Parses one record. <paramref name="text"/> is the record decoded as UTF-8.</summary>
    ParseOutcome Parse(in RawRecord record, string text, InputIdentity input);
}
