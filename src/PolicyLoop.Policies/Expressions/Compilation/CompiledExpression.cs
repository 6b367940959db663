using PolicyLoop.Policies.Evaluation;

namespace PolicyLoop.Policies.Expressions.Compilation;

/// <summary>The result of compiling one expression: a delegate, or every diagnostic found.</summary>
public sealed class CompiledExpression
{
    internal CompiledExpression(string source, IReadOnlyList<ExpressionDiagnostic> diagnostics,
        Func<EvaluationContext, object?>? evaluate, Syntax.Expr? tree, Func<EvaluationContext, bool>? condition = null)
    {
        Source = source;
        Diagnostics = diagnostics;
        Evaluate = evaluate;
        Tree = tree;
        Condition = condition;
    }

    /// <summary>The condition delegate without boxing, for expressions compiled as conditions.</summary>
    public Func<EvaluationContext, bool>? Condition { get; }

    public string Source { get; }

    public IReadOnlyList<ExpressionDiagnostic> Diagnostics { get; }

    /// <summary>The compiled delegate; null when there are diagnostics.</summary>
    public Func<EvaluationContext, object?>? Evaluate { get; }

    /// <summary>True when the expression compiled without diagnostics.</summary>
    public bool Succeeded => Evaluate is not null;

    internal Syntax.Expr? Tree { get; }
}
