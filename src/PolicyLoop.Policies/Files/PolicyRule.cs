using PolicyLoop.Core;

namespace PolicyLoop.Policies.Files;

/// <summary>One rule (clause) of a policy: a condition, an action and a mode, with its review metadata.</summary>
public sealed record PolicyRule(
    string Id,
    string? Description,
    string When,
    SourceSpan WhenSpan,
    RuleAction Action,
    EnforcementMode Mode,
    string? Severity,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Evidence,
    int Line);
