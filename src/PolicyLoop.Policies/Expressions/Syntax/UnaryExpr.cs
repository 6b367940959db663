namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>Logical not (<c>!</c>) or numeric negation (<c>-</c>).</summary>
internal sealed record UnaryExpr(int Id, int Start, int End, TokenKind Operator, Expr Operand) : Expr(Id, Start, End);
