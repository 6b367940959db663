namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>A name: a variable, an event field or a type name.</summary>
internal sealed record IdentExpr(int Id, int Start, int End, string Name) : Expr(Id, Start, End);
