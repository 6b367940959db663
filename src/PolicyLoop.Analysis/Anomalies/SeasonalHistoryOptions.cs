namespace PolicyLoop.Analysis.Anomalies;

/// <summary>Which past buckets count as comparable, and the floors on the spread.</summary>
public sealed record SeasonalHistoryOptions
{
    /// <summary>The bucket width; comparable buckets are matched within half of it. Default five minutes.</summary>
    public TimeSpan BucketWidth { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Trailing buckets used when there is not enough seasonal history. Default 72, six hours of
    /// five-minute buckets, the window of Cloudflare's WAF volume alert.
    /// </summary>
    public int TrailingBuckets { get; init; } = 72;

    /// <summary>The season. Default one week, so buckets compare with the same hour of week.</summary>
    public TimeSpan Season { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Past seasons needed before the seasonal estimate replaces the trailing one. Default 3.</summary>
    public int MinSeasons { get; init; } = 3;

    /// <summary>Past seasons used at most. Default 8.</summary>
    public int MaxSeasons { get; init; } = 8;

    /// <summary>Buckets taken on each side of the same time in a past season. Default 1.</summary>
    public int SeasonalNeighbors { get; init; } = 1;

    /// <summary>The smallest spread, in the unit of the values. Default 1e-9.</summary>
    public double MinSpread { get; init; } = 1e-9;

    /// <summary>The smallest spread as a fraction of the absolute median. Default 0.01.</summary>
    public double MinRelativeSpread { get; init; } = 0.01;
}
