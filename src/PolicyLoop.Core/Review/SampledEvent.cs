namespace PolicyLoop.Core.Review;

/// <summary>
/// One event drawn into a review batch: the rule and policy version that rejected it, the stratum
/// it was drawn from, and its inclusion probability within that stratum. The probability is null
/// for a strategy that chooses events by a score rather than at random (near-threshold), and such
/// events stay out of the volume estimates.
/// </summary>
public sealed record SampledEvent(
    string Batch,
    string EventId,
    int Position,
    string RuleId,
    string? PolicyId,
    string? PolicyVersion,
    string Stratum,
    double? InclusionProbability);
