namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>
/// A comprehension macro such as <c>range.exists(x, predicate)</c>. For <c>map</c> with three arguments,
/// <see cref="Filter"/> holds the predicate and <see cref="Body"/> the transform.
/// </summary>
internal sealed record MacroExpr(
    int Id,
    int Start,
    int End,
    MacroKind Kind,
    Expr Range,
    string Variable,
    Expr Body,
    Expr? Filter) : Expr(Id, Start, End);
