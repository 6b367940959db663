using PolicyLoop.Core;

namespace PolicyLoop.Ingest.Formats.Opa;

/// <summary>What an OPA decision log event says about the decision: the outcome, the rule and the reason.</summary>
internal readonly record struct OpaOutcome(Decision Decision, string? RuleId, string? Reason);
