namespace PolicyLoop.Reports.Model.Replay;

/// <summary>
/// Event counts of a replay. <c>ActionChanged</c> counts rejects whose action changed (deny to
/// throttle, say); <c>RuleChanged</c> counts unchanged outcomes now decided by another rule.
/// </summary>
public sealed record ReplayCounts(
    long Considered,
    long Unchanged,
    long Changed,
    long AllowToReject,
    long RejectToAllow,
    long ActionChanged,
    long Errors,
    long RuleChanged,
    long CandidateRejects,
    long BaselineRejects)
{
    public double NewlyRejectedShare => Considered == 0 ? 0 : (double)AllowToReject / Considered;

    public double NewlyAllowedShare => Considered == 0 ? 0 : (double)RejectToAllow / Considered;
}
