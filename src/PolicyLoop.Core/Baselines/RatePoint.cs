namespace PolicyLoop.Core.Baselines;

/// <summary>The traffic of one scope in one time bucket.</summary>
/// <param name="BucketStart">The bucket's start, UTC.</param>
/// <param name="Total">Events in the bucket (for a rule scope: all events of its policy).</param>
/// <param name="Rejects">Rejects in the bucket (for a rule scope: rejects decided by that rule).</param>
public readonly record struct RatePoint(DateTime BucketStart, long Total, long Rejects)
{
    /// <summary>Rejects over total; 0 for an empty bucket.</summary>
    public double Rate => Total == 0 ? 0 : (double)Rejects / Total;
}
