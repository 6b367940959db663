namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// A streaming anomaly score for one numeric series that rewards new shapes more than large errors.
/// Several quantisers (see <see cref="NoveltyResolution"/>) report the share of the current runs of
/// levels never seen before; their mean is scaled by how surprising the value is to a prediction
/// (<see cref="SurpriseDetector"/>), and a score that does not beat every score of the cooldown
/// before it is suppressed. Each score uses only the values up to its own point.
/// </summary>
public sealed class NoveltyDetector
{
    private readonly NoveltyDetectorOptions _options;
    private readonly PatternNovelty[] _quantisers;
    private readonly double[] _smoothed;
    private readonly SurpriseDetector _surprise;
    private readonly double[] _recentScores;
    private long _count;

    public NoveltyDetector(NoveltyDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfZero(options.Resolutions.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Cooldown);
        _options = options;
        _quantisers = options.Resolutions.Select(r => new PatternNovelty(r.Levels, r.Length, r.Offset)).ToArray();
        _smoothed = new double[_quantisers.Length];
        _surprise = new SurpriseDetector(options.Surprise);
        _recentScores = new double[Math.Max(1, options.Cooldown)];
    }

    /// <summary>Scores <paramref name="value"/>, 0 or more (0 for a missing value), then learns it.</summary>
    public double Observe(double value)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        var novelty = 0.0;
        for (var i = 0; i < _quantisers.Length; i++)
        {
            var weight = _options.Resolutions[i].Smoothing;
            _smoothed[i] = _count == 0 ? value : _smoothed[i] + (weight * (value - _smoothed[i]));
            novelty += _quantisers[i].Observe(_smoothed[i]) / _quantisers.Length;
        }

        var surprise = _surprise.Observe(value);
        var score = novelty * (_options.SurpriseBase + (surprise / (1 + surprise)));
        return Suppress(score);
    }

    /// <summary>Keeps <paramref name="score"/> only when it beats every score of the cooldown before it.</summary>
    private double Suppress(double score)
    {
        _count++;
        if (_options.Cooldown == 0)
        {
            return score;
        }

        var recentMax = 0.0;
        var known = (int)Math.Min(_count - 1, _recentScores.Length);
        for (var i = 0; i < known; i++)
        {
            recentMax = Math.Max(recentMax, _recentScores[i]);
        }

        _recentScores[(_count - 1) % _recentScores.Length] = score;
        return score > recentMax ? score : 0;
    }
}
