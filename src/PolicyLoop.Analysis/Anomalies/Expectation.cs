namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// The expected value of a bucket and its robust spread, estimated from comparable past buckets.
/// </summary>
/// <param name="Median">The median of the comparable buckets.</param>
/// <param name="Spread">A robust standard deviation: 1.4826 times the median absolute deviation,
/// or a floor when that is zero.</param>
/// <param name="Support">How many past buckets the estimate uses; 0 when there is no history.</param>
/// <param name="Seasonal">True when the buckets are the same time of week, false for a trailing window.</param>
public readonly record struct Expectation(double Median, double Spread, int Support, bool Seasonal)
{
    /// <summary>An expectation without history.</summary>
    public static Expectation None { get; } = new(double.NaN, double.NaN, 0, false);

    /// <summary>True when there is history to compare with.</summary>
    public bool HasHistory => Support > 0;

    /// <summary>How many spreads <paramref name="value"/> lies from the median (signed).</summary>
    public double RobustZ(double value) => (value - Median) / Spread;
}
