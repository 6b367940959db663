namespace PolicyLoop.Policies.Evaluation;

/// <summary>An evaluation error of one rule on one event; the rule counts as not matched.</summary>
public sealed record RuleError(string RuleId, string Message);
