namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>A node of a parsed CEL expression, with its id and its span in the source text.</summary>
internal abstract record Expr(int Id, int Start, int End)
{
    public int Length => End - Start;
}
