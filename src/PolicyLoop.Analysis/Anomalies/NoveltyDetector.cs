using System.Globalization;

namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// A streaming anomaly score for one numeric series that rewards new shapes more than large errors.
/// Several quantisers (see <see cref="NoveltyResolution"/>) report the share of the current runs of
/// levels never seen before. Their mean is raised slightly by how surprising the value is to a
/// prediction (<see cref="SurpriseDetector"/>), and a score that does not beat every score of the
/// cooldown before it is suppressed. Each score uses only the values up to its own point, and the
/// input range when the caller sets one.
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
        var inputRange = InputRange(options);
        _options = options;
        _quantisers = options.Resolutions
            .Select(r => new PatternNovelty(r.Levels, r.Length, r.Offset, inputRange))
            .ToArray();
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
        var score = novelty * (1 + (_options.SurpriseWeight * surprise / (1 + surprise)));
        return Suppress(score);
    }

    private static (double Min, double Max)? InputRange(NoveltyDetectorOptions options)
    {
        if (options.InputMin is null && options.InputMax is null)
        {
            return null;
        }

        if (options.InputMin is not { } min || options.InputMax is not { } max)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"InputMin ({options.InputMin}) and InputMax ({options.InputMax}) must be set together; set both or neither"),
                nameof(options));
        }

        if (!double.IsFinite(min) || !double.IsFinite(max) || max < min)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the input range {min} to {max} is invalid; InputMin and InputMax must be finite, with InputMin <= InputMax"),
                nameof(options));
        }

        return (min, max);
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
