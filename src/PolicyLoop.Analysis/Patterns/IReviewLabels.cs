namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// Review labels for explain and suggest: the verdict on an event rejected by a rule. Explain uses them to
/// compare a rule's false positives with its true positives; suggest uses them to estimate false positives
/// removed and true positives lost.
/// </summary>
public interface IReviewLabels
{
    /// <summary>True when at least one label exists; false means every lookup returns null.</summary>
    bool Any { get; }

    /// <summary>Returns the verdict on the event's reject by the rule, or null when it was not reviewed.</summary>
    ReviewVerdict? Find(string eventId, string ruleId);
}
