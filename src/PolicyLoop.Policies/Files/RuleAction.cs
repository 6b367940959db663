namespace PolicyLoop.Policies.Files;

/// <summary>What a rule does when its condition matches. <see cref="Count"/> records the match without deciding.</summary>
public enum RuleAction
{
    Allow,
    Deny,
    Throttle,
    Challenge,
    Count,
}
