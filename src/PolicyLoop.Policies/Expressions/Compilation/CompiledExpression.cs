using PolicyLoop.Policies.Evaluation;

namespace PolicyLoop.Policies.Expressions.Compilation;

/// <summary>The result of compiling one expression: a delegate, or every diagnostic found.</summary>
public sealed class CompiledExpression
{
    internal CompiledExpression(string source, IReadOnlyList<ExpressionDiagnostic> diagnostics,
        Func<EvaluationContext, object?>? evaluate, Syntax.Expr? tree)
    {
        Source = source;
        Diagnostics = diagnostics;
        Evaluate = evaluate;
        Tree = tree;
    }

    public string Source { get; }

    public IReadOnlyList<ExpressionDiagnostic> Diagnostics { get; }

    /// <summary>The compiled delegate; null when there are diagnostics.</summary>
    public Func<EvaluationContext, object?>? Evaluate { get; }

    /// <summary>True when the expression compiled without diagnostics.</summary>
    public bool Succeeded => Evaluate is not null;

    internal Syntax.Expr? Tree { get; }
}
