namespace PolicyLoop.Bench.Nab;

/// <summary>The null and perfect raw scores per profile, and normalisation against them.</summary>
internal sealed class NabBounds
{
    private readonly IReadOnlyList<NabProfile> _profiles;
    private readonly double[] _null;
    private readonly double[] _perfect;

    public NabBounds(IReadOnlyList<NabSeries> series, IReadOnlyList<NabProfile> profiles)
    {
        _profiles = profiles;
        var nullScores = series.Select(NabScorer.NullScores).ToArray();
        var perfectScores = series.Select(NabScorer.PerfectScores).ToArray();
        _null = profiles.Select(p => NabScorer.Sweep(series, nullScores, p).RawScore).ToArray();
        _perfect = profiles.Select(p => NabScorer.Sweep(series, perfectScores, p).RawScore).ToArray();
    }

    /// <summary>The normalised score per profile, in the order of the profiles.</summary>
    public double[] Score(IReadOnlyList<NabSeries> series, IReadOnlyList<double[]> scores) =>
        _profiles
            .Select((p, i) => NabScorer.Normalise(NabScorer.Sweep(series, scores, p).RawScore, _null[i], _perfect[i]))
            .ToArray();
}
