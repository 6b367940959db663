namespace PolicyLoop.Core.Baselines;

/// <summary>How finely baselines split the traffic.</summary>
public enum ScopeLevel
{
    /// <summary>One scope per source.</summary>
    Source,

    /// <summary>One scope per source and policy.</summary>
    Policy,

    /// <summary>One scope per source, policy and deciding rule; the rate is that rule's rejects over all traffic of the policy.</summary>
    Rule,
}
