namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>A literal: long, ulong, double, string, bool, null or a byte array.</summary>
internal sealed record LiteralExpr(int Id, int Start, int End, object? Value) : Expr(Id, Start, End);
