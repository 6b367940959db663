namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>One token: its kind, its offset and length in the source, and its literal value if any.</summary>
internal readonly record struct Token(TokenKind Kind, int Offset, int Length, object? Value = null)
{
    public int End => Offset + Length;
}
