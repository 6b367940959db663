namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>A binary operator: arithmetic, comparison, <c>in</c>, <c>&amp;&amp;</c> or <c>||</c>.</summary>
internal sealed record BinaryExpr(int Id, int Start, int End, TokenKind Operator, Expr Left, Expr Right)
    : Expr(Id, Start, End);
