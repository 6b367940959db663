using PolicyLoop.Policies.Expressions.Compilation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>A policy whose conditions compiled without errors, ready for the evaluator.</summary>
public sealed class CompiledPolicy
{
    internal CompiledPolicy(Policy policy, IReadOnlyList<CompiledRule> rules, IReadOnlyList<StatefulSite> sites)
    {
        Policy = policy;
        Rules = rules;
        RuleArray = [.. rules];
        StatefulSites = sites;
        SiteArray = [.. sites];
        SiteKeys = [.. sites.Select(s => (Func<EvaluationContext, object?>)s.Key.Compile())];
    }

    public Policy Policy { get; }

    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>The distinct rate() and count() windows of all rules.</summary>
    public IReadOnlyList<StatefulSite> StatefulSites { get; }

    internal Func<EvaluationContext, object?>[] SiteKeys { get; }

    /// <summary>The rules as an array, so the evaluator's loop avoids interface calls.</summary>
    internal CompiledRule[] RuleArray { get; }

    internal StatefulSite[] SiteArray { get; }
}
