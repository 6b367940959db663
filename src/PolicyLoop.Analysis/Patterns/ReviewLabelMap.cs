namespace PolicyLoop.Analysis.Patterns;

/// <summary>Review labels held in memory, keyed by event id and rule id.</summary>
public sealed class ReviewLabelMap(IEnumerable<(string EventId, string RuleId, ReviewVerdict Verdict)> labels)
    : IReviewLabels
{
    private readonly Dictionary<(string, string), ReviewVerdict> _labels =
        labels.ToDictionary(label => (label.EventId, label.RuleId), label => label.Verdict);

    public bool Any => _labels.Count > 0;

    public ReviewVerdict? Find(string eventId, string ruleId) =>
        _labels.TryGetValue((eventId, ruleId), out var verdict) ? verdict : null;
}
