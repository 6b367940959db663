using System.Linq.Expressions;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Expressions.Compilation;

/// <summary>
/// A variable an expression may read: its type, how to read it from the context parameter, and how to test
/// whether it is set (for <c>has()</c>).
/// </summary>
public sealed record VariableDeclaration(
    string Name,
    CelType Type,
    Func<Expression, Expression> Read,
    Func<Expression, Expression>? IsSet = null);
