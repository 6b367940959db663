namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>The ternary <c>condition ? then : otherwise</c>.</summary>
internal sealed record ConditionalExpr(int Id, int Start, int End, Expr Condition, Expr Then, Expr Otherwise)
    : Expr(Id, Start, End);
