using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>The outcome of a policy for one event: the action, the deciding rule (null for the default), every match and error.</summary>
public sealed record EvaluationResult(
    RuleAction Action,
    string? DecidingRule,
    IReadOnlyList<RuleMatch> Matches,
    IReadOnlyList<RuleError> Errors)
{
    /// <summary>True for deny, throttle and challenge.</summary>
    public bool IsReject => Action is RuleAction.Deny or RuleAction.Throttle or RuleAction.Challenge;
}
