namespace PolicyLoop.Analysis.Review;

/// <summary>How a review batch chooses rejects.</summary>
public enum SampleStrategy
{
    /// <summary>A simple random sample of all eligible rejects.</summary>
    Random,

    /// <summary>An equal share per rule, so rare rules are reviewed too; random within each rule.</summary>
    Stratified,

    /// <summary>Rejects closest to the rule's limit first; no inclusion probability.</summary>
    NearThreshold,

    /// <summary>A random sample of rejects whose rule and client network have no sampled or labelled event yet.</summary>
    Unseen,
}
