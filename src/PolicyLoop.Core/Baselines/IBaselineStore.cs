namespace PolicyLoop.Core.Baselines;

/// <summary>Per-bucket reject counts, computed and kept up to date by the store.</summary>
public interface IBaselineStore
{
    /// <summary>
    /// Brings the bucket counts of a level, segment and width up to date with the stored events: only
    /// buckets that received events since the last update are recomputed. Returns how many buckets
    /// were recomputed.
    /// </summary>
    long UpdateBaselines(ScopeLevel level, TimeSpan bucketWidth, Segment segment = Segment.None);

    /// <summary>
    /// Reads the series of every scope of a level, from its first bucket to the last bucket of the
    /// store, filling buckets without events with zeros.
    /// </summary>
    IReadOnlyList<RateSeries> ReadRateSeries(ScopeLevel level, TimeSpan bucketWidth, Segment segment = Segment.None);
}
