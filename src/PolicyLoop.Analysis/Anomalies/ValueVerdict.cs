namespace PolicyLoop.Analysis.Anomalies;

/// <summary>What <see cref="ValueDetector"/> concluded about one bucket.</summary>
/// <param name="Expected">The expectation from past buckets.</param>
/// <param name="Z">The robust z-score of the value; 0 while history is short.</param>
/// <param name="Shift">The CUSUM strength, signed; a magnitude of 1 or more is a level shift.</param>
/// <param name="Strength">The larger of |Z| and the CUSUM strength, both in units of the spike
/// threshold, so 1 means "at the threshold of its test".</param>
public readonly record struct ValueVerdict(Expectation Expected, double Z, double Shift, double Strength)
{
    /// <summary>Maps <see cref="Strength"/> into [0, 1) as s / (1 + s), so the threshold is 0.5.</summary>
    public double Score => Strength / (1 + Strength);
}
