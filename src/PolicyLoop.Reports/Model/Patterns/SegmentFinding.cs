namespace PolicyLoop.Reports.Model.Patterns;

/// <summary>
/// A segment over-represented among a rule's rejects (the target) compared with a comparison group
/// (allowed traffic, or the rule's true positives). <see cref="Target"/> and <see cref="Comparison"/> count
/// the segment's events in each group; the shares divide them by the group totals. The risk ratio is
/// P(target | in segment) / P(target | not in segment), with a 95% confidence interval by the log method.
/// </summary>
public sealed record SegmentFinding(
    string RuleId,
    string Versus,
    IReadOnlyList<SegmentItem> Items,
    long Target,
    long Comparison,
    long TargetTotal,
    long ComparisonTotal,
    double RiskRatio,
    double RiskRatioLow,
    double RiskRatioHigh,
    string Text)
{
    public double TargetShare => TargetTotal == 0 ? 0 : (double)Target / TargetTotal;

    public double ComparisonShare => ComparisonTotal == 0 ? 0 : (double)Comparison / ComparisonTotal;
}
