namespace PolicyLoop.Policies.Expressions.Compilation;

/// <summary>A problem found in an expression, with its offset and length in the expression text.</summary>
public sealed record ExpressionDiagnostic(string Code, string Message, int Offset, int Length, string? Hint = null);
