namespace PolicyLoop.Reports.Model.Patterns;

/// <summary>
/// A proposed policy edit with the replay of the patched policy against the current one: how many of the
/// rule's rejects it removes, and how many events change in either direction overall.
/// </summary>
public sealed record SuggestionSummary(
    string RuleId,
    string Kind,
    string Reason,
    string Condition,
    long RuleRejectsBefore,
    long RuleRejectsAfter,
    long NewlyAllowed,
    long NewlyRejected,
    long OtherChanges)
{
    /// <summary>
    /// False positives removed and true positives lost, estimated from review labels; null when there are none.
    /// </summary>
    public string? ReviewEstimate { get; init; }
}
