namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>
/// A function call <c>name(args)</c>, or a method call <c>target.name(args)</c> when <see cref="Target"/> is set.
/// </summary>
internal sealed record CallExpr(int Id, int Start, int End, Expr? Target, string Function, IReadOnlyList<Expr> Args)
    : Expr(Id, Start, End)
{
    /// <summary>The span of the function name, for diagnostics.</summary>
    public int NameStart { get; init; }
}
