namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>A map literal <c>{key: value}</c>.</summary>
internal sealed record MapExpr(int Id, int Start, int End, IReadOnlyList<KeyValuePair<Expr, Expr>> Entries)
    : Expr(Id, Start, End);
