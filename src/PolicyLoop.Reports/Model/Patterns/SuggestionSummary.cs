namespace PolicyLoop.Reports.Model.Patterns;

/// <summary>
/// A proposed policy edit and the replay of the patched policy against the current one over stored traffic:
/// events newly allowed, newly rejected, and still rejected but by another rule or with another action.
/// </summary>
public sealed record SuggestionSummary(
    string RuleId,
    string Kind,
    string Reason,
    string Condition,
    long RuleRejects,
    long NewlyAllowed,
    long NewlyRejected,
    long OtherChanges)
{
    /// <summary>
    /// False positives removed and true positives lost, estimated from review labels; null when there are none.
    /// </summary>
    public string? ReviewEstimate { get; init; }
}
