namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>A syntax error at a source offset; the parser turns it into a diagnostic.</summary>
internal sealed class SyntaxException(string message, int offset, int length, string? hint = null) : Exception(message)
{
    public int Offset { get; } = offset;

    public int Length { get; } = length;

    public string? Hint { get; } = hint;
}
