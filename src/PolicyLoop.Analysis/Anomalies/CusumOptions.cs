namespace PolicyLoop.Analysis.Anomalies;

/// <summary>Parameters of the two-sided tabular CUSUM, in units of the robust spread.</summary>
public sealed record CusumOptions
{
    /// <summary>The shift per bucket that the sums ignore (k). Default 0.5, tuned to detect one-spread shifts.</summary>
    public double Slack { get; init; } = 0.5;

    /// <summary>The decision threshold (h). Default 5, the textbook value for k = 0.5.</summary>
    public double Threshold { get; init; } = 5;

    /// <summary>
    /// The largest residual one bucket adds. Default 4, so a single spike is left to the spike test
    /// and the CUSUM responds to sustained shifts.
    /// </summary>
    public double MaxStep { get; init; } = 4;
}
