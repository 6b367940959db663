namespace PolicyLoop.Analysis.Patterns;

/// <summary>A mined combination of frequent items (1 to 3) with its counts in the target and comparison groups.</summary>
public sealed record SegmentCandidate(IReadOnlyList<int> Items, long Target, long Comparison)
{
    /// <summary>Risk ratio and its 95% interval, set by <see cref="SegmentMiner"/>.</summary>
    public RiskRatio Ratio { get; init; } = RiskRatio.None;
}
