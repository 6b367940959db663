using PolicyLoop.Policies.Expressions.Compilation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>A rule with its compiled condition; the explaining variant is compiled on first use.</summary>
public sealed class CompiledRule
{
    private readonly CompilerEnvironment _environment;
    private Func<EvaluationContext, object?>? _explain;
    private Func<EvaluationContext, bool>? _evaluate;

    internal CompiledRule(PolicyRule rule, CompiledExpression condition, CompilerEnvironment environment)
    {
        Rule = rule;
        Condition = condition;
        _environment = environment;
    }

    public PolicyRule Rule { get; }

    internal CompiledExpression Condition { get; }

    /// <summary>The condition delegate; it returns whether the rule matches or throws a CEL error.</summary>
    public Func<EvaluationContext, bool> Evaluate => _evaluate ??= Condition.Condition!;

    internal Func<EvaluationContext, object?> Explain =>
        _explain ??= ExpressionCompiler.Compile(Rule.When, _environment, requireBool: true, explain: true).Evaluate!;
}
