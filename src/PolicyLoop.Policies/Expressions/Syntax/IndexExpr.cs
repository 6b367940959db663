namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>Indexing <c>operand[index]</c> of a list or a map.</summary>
internal sealed record IndexExpr(int Id, int Start, int End, Expr Operand, Expr Index) : Expr(Id, Start, End);
