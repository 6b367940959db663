namespace PolicyLoop.Policies.Evaluation;

/// <summary>A regex match recorded while explaining: the call's span in the expression, the matched text and its offset.</summary>
public sealed record RegexMatch(int CallStart, int CallEnd, string Pattern, string Matched, int Offset);
