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
        StatefulSites = sites;
        SiteKeys = [.. sites.Select(s => (Func<EvaluationContext, object?>)s.Key.Compile())];
    }

    public Policy Policy { get; }

    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>The distinct rate() and count() windows of all rules.</summary>
    public IReadOnlyList<StatefulSite> StatefulSites { get; }

    internal Func<EvaluationContext, object?>[] SiteKeys { get; }
}
