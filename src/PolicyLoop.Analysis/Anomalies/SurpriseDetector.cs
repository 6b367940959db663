namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// A streaming score of how surprising a value is compared with how surprising values usually are
/// in the same series. A value's raw surprise is its error against a smoothed level, in typical
/// errors, plus how far it falls outside the range of a long window, in tenths of that range. The
/// score is the raw surprise as a z-score against the mean and spread of the raw surprises of a long
/// window, so a noisy series needs a larger error than a calm one. Only earlier values are used.
/// </summary>
public sealed class SurpriseDetector
{
    /// <summary>The smallest spread of surprises divided by, so a perfectly calm history gives finite scores.</summary>
    private const double SpreadFloor = 0.01;

    private readonly SurpriseDetectorOptions _options;
    private readonly SlidingMoments _history;
    private readonly SlidingRange _range;
    private double _level = double.NaN;
    private double _spread;
    private long _count;

    public SurpriseDetector(SurpriseDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _history = new SlidingMoments(options.LongWindow);
        _range = new SlidingRange(options.RangeWindow);
    }

    /// <summary>Scores <paramref name="value"/> against the past, then learns it; 0 means no surprise.</summary>
    public double Observe(double value)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        var surprise = RawSurprise(value);
        var score = _count >= _options.Warmup && _history.Count > 1
            ? Math.Max(0, (surprise - _history.Mean) / Math.Max(_history.StandardDeviation, SpreadFloor))
            : 0;
        _history.Add(surprise);
        Learn(value);
        return score;
    }

    private double RawSurprise(double value)
    {
        if (double.IsNaN(_level))
        {
            return 0;
        }

        var error = Math.Abs(value - _level);
        var predicted = _spread > 0 ? error / _spread : error > 0 ? _options.ErrorCap : 0;
        var surprise = Math.Min(predicted, _options.ErrorCap);
        var width = Math.Max(_range.Max - _range.Min, 1e-9 * Math.Max(1, Math.Abs(value)));
        var outside = Math.Max(0, Math.Max(value - _range.Max, _range.Min - value)) / width;
        return surprise + (_options.RangeWeight * Math.Min(10 * outside, _options.ErrorCap));
    }

    private void Learn(double value)
    {
        _count++;
        _range.Add(value);
        if (double.IsNaN(_level))
        {
            _level = value;
            return;
        }

        var error = Math.Abs(value - _level);
        var clipped = _spread > 0 ? Math.Min(error, _options.SpreadClip * _spread) : error;
        _spread += _options.SpreadWeight * (clipped - _spread);
        _level += _options.LevelWeight * (value - _level);
    }
}
