namespace PolicyLoop.Policies.Evaluation;

/// <summary>
/// A part of a rule's condition that was true: its text and offset in the condition and, for a regex, the matched
/// text and its offset in the input.
/// </summary>
public sealed record MatchedClause(string Text, int Offset, int Length, string? Matched = null, int? MatchOffset = null);
