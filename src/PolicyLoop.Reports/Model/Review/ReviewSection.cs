namespace PolicyLoop.Reports.Model.Review;

/// <summary>Per-rule precision from review labels, for the forensic report and <c>policyloop precision</c>.</summary>
public sealed record ReviewSection
{
    /// <summary>Labelled events in the store, unsure ones included.</summary>
    public required long LabelledEvents { get; init; }

    /// <summary>The margin, either side of the share, that <see cref="RulePrecision.MoreNeeded"/> aims for.</summary>
    public required double Margin { get; init; }

    /// <summary>Rules with rejects or labels, most rejects first.</summary>
    public IReadOnlyList<RulePrecision> Rules { get; init; } = [];
}
