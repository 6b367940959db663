using PolicyLoop.Policies.Expressions.Compilation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>A rule with its compiled condition; the explaining variant is compiled on first use.</summary>
public sealed class CompiledRule
{
    private readonly CompilerEnvironment _environment;
    private Func<EvaluationContext, object?>? _explain;

    internal CompiledRule(PolicyRule rule, CompiledExpression condition, CompilerEnvironment environment)
    {
        Rule = rule;
        Condition = condition;
        _environment = environment;
        Evaluate = condition.Condition!;
    }

    public PolicyRule Rule { get; }

    internal CompiledExpression Condition { get; }

    /// <summary>The condition delegate; it returns whether the rule matches or throws a CEL error.</summary>
    public Func<EvaluationContext, bool> Evaluate { get; }

    internal Func<EvaluationContext, object?> Explain =>
        _explain ??= ExpressionCompiler.Compile(Rule.When, _environment, requireBool: true, explain: true).Evaluate!;
}
