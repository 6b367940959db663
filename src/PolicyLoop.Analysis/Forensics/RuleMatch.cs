namespace PolicyLoop.Analysis.Forensics;

/// <summary>
/// One rule that matched an event: whether it decided, its action, and the clause that was true
/// with the matched text and its offset when the clause was a regular expression.
/// </summary>
public sealed record RuleMatch(
    string RuleId,
    bool Decided,
    string? Action,
    string? Clause = null,
    string? MatchedText = null,
    int? MatchOffset = null);
