namespace PolicyLoop.Reports.Model.Review;

/// <summary>
/// How often one rule's rejects were wrong, from review labels. Shares are fractions of the
/// reviewed rejects (false positives over false positives, true positives and benign; unsure
/// labels count in neither). Intervals are 95%: a Wilson score interval for the share, and a
/// normal interval from a stratified estimator for the number of false positives among all of
/// the rule's rejects.
/// </summary>
public sealed record RulePrecision
{
    public required string RuleId { get; init; }

    /// <summary>Rejects the rule made in the period.</summary>
    public required long Rejects { get; init; }

    /// <summary>Reviewed rejects with a label other than unsure.</summary>
    public required long Reviewed { get; init; }

    public required long Unsure { get; init; }

    public required long FalsePositives { get; init; }

    /// <summary>False positives over reviewed rejects; null when none was reviewed.</summary>
    public double? FalsePositiveShare { get; init; }

    public double ShareLow { get; init; }

    public double ShareHigh { get; init; } = 1;

    /// <summary>Estimated false positives among all of the rule's rejects; null without randomly sampled labels.</summary>
    public double? EstimatedFalsePositives { get; init; }

    public double EstimateLow { get; init; }

    public double EstimateHigh { get; init; }

    /// <summary>Reviewed rejects that the estimate uses: those drawn at random, with an inclusion probability.</summary>
    public long EstimatedFrom { get; init; }

    /// <summary>Further reviewed rejects needed for the share's interval to be at most the margin either side.</summary>
    public long MoreNeeded { get; init; }
}
