namespace PolicyLoop.Analysis.Patterns;

/// <summary>What a rule's segments are compared with.</summary>
public enum SegmentComparison
{
    /// <summary>The rule's rejects against all allowed events.</summary>
    Allowed,

    /// <summary>The rule's rejects labelled false positive against those labelled true positive.</summary>
    TruePositives,
}
