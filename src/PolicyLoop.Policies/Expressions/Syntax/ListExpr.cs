namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>A list literal <c>[a, b]</c>.</summary>
internal sealed record ListExpr(int Id, int Start, int End, IReadOnlyList<Expr> Elements) : Expr(Id, Start, End);
