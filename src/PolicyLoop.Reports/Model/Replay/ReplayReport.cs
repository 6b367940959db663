
namespace PolicyLoop.Reports.Model.Replay;

/// <summary>
/// What changes when a candidate policy replaces a baseline (another policy version, or the
/// decisions the logs recorded) on stored traffic. Every considered event is exactly one of
/// unchanged, changed or error: <c>Considered == Unchanged + Changed + Errors</c>, and
/// <c>Changed == AllowToReject + RejectToAllow + ActionChanged</c>.
/// </summary>
public sealed record ReplayReport
{
    public required string Candidate { get; init; }

    /// <summary>The baseline: a policy id and version, or "logged decisions".</summary>
    public required string Baseline { get; init; }

    public required DateTime GeneratedAt { get; init; }

    public required ReplayCounts Counts { get; init; }

    /// <summary>Changes per rule and direction, most changes first.</summary>
    public IReadOnlyList<RuleChange> RuleChanges { get; init; } = [];

    /// <summary>Evaluation errors per policy and rule.</summary>
    public IReadOnlyList<RuleErrorCount> Errors { get; init; } = [];

    /// <summary>Events that could not be replayed faithfully, grouped by reason.</summary>
    public IReadOnlyList<UnfaithfulReplay> Unfaithful { get; init; } = [];

    /// <summary>Reject rates over time: candidate, baseline and logged.</summary>
    public IReadOnlyList<ReplayBucket> Timeline { get; init; } = [];

    /// <summary>Top values among newly rejected events, per attribute.</summary>
    public IReadOnlyList<SegmentList> NewlyRejectedSegments { get; init; } = [];

    /// <summary>Top values among newly allowed events, per attribute.</summary>
    public IReadOnlyList<SegmentList> NewlyAllowedSegments { get; init; } = [];

    /// <summary>Reproducible samples of changed events.</summary>
    public IReadOnlyList<ChangedEvent> Samples { get; init; } = [];

    /// <summary>Estimates from review labels; null when no reviewed event was replayed.</summary>
    public ReviewEstimate? Review { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}
