using System.Linq.Expressions;
using PolicyLoop.Policies.Evaluation;

namespace PolicyLoop.Policies.Expressions.Compilation;

/// <summary>
/// The result of compiling one expression: a checked expression tree, or every diagnostic found. The tree is
/// turned into a delegate on first use, so checking a large policy does not pay for code generation.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Lazy<Func<EvaluationContext, object?>>? _evaluate;
    private readonly Lazy<Func<EvaluationContext, bool>>? _condition;

    internal CompiledExpression(string source, IReadOnlyList<ExpressionDiagnostic> diagnostics, Syntax.Expr? tree,
        LambdaExpression? lambda = null)
    {
        Source = source;
        Diagnostics = diagnostics;
        Tree = tree;
        if (lambda is Expression<Func<EvaluationContext, bool>> condition)
        {
            _condition = new Lazy<Func<EvaluationContext, bool>>(condition.Compile);
            _evaluate = new Lazy<Func<EvaluationContext, object?>>(() =>
            {
                var compiled = _condition.Value;
                return context => compiled(context);
            });
        }
        else if (lambda is Expression<Func<EvaluationContext, object?>> value)
        {
            _evaluate = new Lazy<Func<EvaluationContext, object?>>(value.Compile);
        }
    }

    public string Source { get; }

    public IReadOnlyList<ExpressionDiagnostic> Diagnostics { get; }

    /// <summary>True when the expression compiled without diagnostics.</summary>
    public bool Succeeded => _evaluate is not null;

    /// <summary>The delegate returning the value, boxed; null when there are diagnostics.</summary>
    public Func<EvaluationContext, object?>? Evaluate => _evaluate?.Value;

    /// <summary>The condition delegate without boxing, for expressions compiled as conditions; null otherwise.</summary>
    public Func<EvaluationContext, bool>? Condition => _condition?.Value;

    internal Syntax.Expr? Tree { get; }
}
