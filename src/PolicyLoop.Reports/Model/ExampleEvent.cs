namespace PolicyLoop.Reports.Model;

/// <summary>
/// One event a rule matched, with the clause that was true and, for a regular expression, the
/// matched text and its offset in the field. Every string comes from logs and is untrusted.
/// </summary>
public sealed record ExampleEvent(
    string EventId,
    DateTime Time,
    string? ClientIp,
    string? Method,
    string? Path,
    string? UserAgent,
    int? Status,
    string? Clause,
    string? MatchedText,
    int? MatchOffset);
