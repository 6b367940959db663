using PolicyLoop.Core;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>A rule whose condition matched, whether it decided, and the clauses that made it true.</summary>
public sealed record RuleMatch(string RuleId, RuleAction Action, EnforcementMode Mode, bool Decided,
    IReadOnlyList<MatchedClause> Clauses);
