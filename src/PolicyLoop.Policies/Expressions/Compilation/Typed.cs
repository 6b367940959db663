using System.Linq.Expressions;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Expressions.Compilation;

/// <summary>A compiled sub-expression and its static CEL type; <see cref="IsError"/> marks a node that failed to check.</summary>
internal sealed record Typed(Expression Expression, CelType Type, bool IsError = false);
