namespace PolicyLoop.Reports.Model;

/// <summary>
/// One rule's effect: rejects it decided, its share of all rejects, matches that did not decide
/// (count and shadow rules, or rules shadowed by an earlier one), evaluation errors, and examples.
/// </summary>
public sealed record RuleSummary(
    string RuleId,
    string Action,
    string? Description,
    long Rejects,
    double ShareOfRejects,
    long NonDecidingMatches,
    long EvaluationErrors,
    IReadOnlyList<ExampleEvent> Examples);
