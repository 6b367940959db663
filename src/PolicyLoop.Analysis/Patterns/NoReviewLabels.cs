namespace PolicyLoop.Analysis.Patterns;

/// <summary>The label source of a store without reviews: it has no labels.</summary>
public sealed class NoReviewLabels : IReviewLabels
{
    public static NoReviewLabels Instance { get; } = new();

    public bool Any => false;

    public ReviewVerdict? Find(string eventId, string ruleId) => null;
}
