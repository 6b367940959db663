namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>Field selection <c>operand.field</c>; inside <c>has()</c> it only tests presence.</summary>
internal sealed record SelectExpr(int Id, int Start, int End, Expr Operand, string Field, bool TestOnly)
    : Expr(Id, Start, End);
