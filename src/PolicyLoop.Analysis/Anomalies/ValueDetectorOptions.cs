namespace PolicyLoop.Analysis.Anomalies;

/// <summary>Settings of <see cref="ValueDetector"/>.</summary>
public sealed record ValueDetectorOptions
{
    /// <summary>Which past buckets are comparable.</summary>
    public SeasonalHistoryOptions History { get; init; } = new();

    /// <summary>The level-shift detector.</summary>
    public CusumOptions Cusum { get; init; } = new();

    /// <summary>
    /// The robust z-score beyond which a bucket is a spike or a drop. Default 3.5, the z-score of
    /// Cloudflare's WAF volume alert.
    /// </summary>
    public double SpikeZ { get; init; } = 3.5;

    /// <summary>Past buckets needed before any verdict. Default 12, one hour of five-minute buckets.</summary>
    public int MinSupport { get; init; } = 12;
}
