namespace PolicyLoop.Reports.Model.Replay;

/// <summary>
/// A sampled changed event: what it was, what each side decided and by which rule, and the
/// clause and matched text of the side that rejected. Log-derived strings are untrusted.
/// </summary>
public sealed record ChangedEvent(
    string EventId,
    DateTime Time,
    ChangeDirection Direction,
    string? ClientIp,
    string? Method,
    string? Path,
    string? UserAgent,
    int? Status,
    string BaselineAction,
    string? BaselineRule,
    string CandidateAction,
    string? CandidateRule,
    string? Clause,
    string? MatchedText,
    int? MatchOffset);
