namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// The past values of one series and the robust expectation for a new bucket: the median and MAD
/// of the same time in past seasons when there are enough of them, of the trailing buckets otherwise.
/// </summary>
public sealed class SeasonalHistory
{
    private readonly SeasonalHistoryOptions _options;
    private readonly List<long> _ticks = [];
    private readonly List<double> _values = [];
    private double[] _scratch = new double[64];
    private double[] _sample = new double[64];

    public SeasonalHistory(SeasonalHistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TrailingBuckets, 2);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.BucketWidth, TimeSpan.Zero);
        _options = options;
    }

    /// <summary>How many values are kept.</summary>
    public int Count => _values.Count;

    /// <summary>Appends a value; times must not decrease.</summary>
    public void Add(DateTimeOffset time, double value)
    {
        _ticks.Add(time.UtcTicks);
        _values.Add(value);
        Trim(time.UtcTicks);
    }

    /// <summary>Estimates the expected value at <paramref name="time"/> from the stored past only.</summary>
    public Expectation Expect(DateTimeOffset time)
    {
        var seasonal = CollectSeasonal(time.UtcTicks);
        if (seasonal > 0)
        {
            return Estimate(seasonal, seasonal: true);
        }

        var count = Math.Min(_options.TrailingBuckets, _values.Count);
        if (count == 0)
        {
            return Expectation.None;
        }

        EnsureCapacity(count);
        for (var i = 0; i < count; i++)
        {
            _sample[i] = _values[_values.Count - count + i];
        }

        return Estimate(count, seasonal: false);
    }

    private int CollectSeasonal(long ticks)
    {
        var seasons = 0;
        var count = 0;
        var step = _options.BucketWidth.Ticks;
        var neighbors = _options.SeasonalNeighbors;
        EnsureCapacity(_options.MaxSeasons * ((2 * neighbors) + 1));
        for (var k = 1; k <= _options.MaxSeasons; k++)
        {
            var center = ticks - (k * _options.Season.Ticks);
            var found = false;
            for (var offset = -neighbors; offset <= neighbors; offset++)
            {
                var index = FindNear(center + (offset * step), step / 2);
                if (index >= 0)
                {
                    _sample[count++] = _values[index];
                    found |= offset == 0;
                }
            }

            seasons += found ? 1 : 0;
        }

        return seasons >= _options.MinSeasons ? count : 0;
    }

    private int FindNear(long target, long tolerance)
    {
        var index = _ticks.BinarySearch(target);
        if (index >= 0)
        {
            return index;
        }

        var next = ~index;
        var best = -1;
        var bestDistance = tolerance;
        for (var candidate = next - 1; candidate <= next; candidate++)
        {
            if (candidate >= 0 && candidate < _ticks.Count && Math.Abs(_ticks[candidate] - target) <= bestDistance)
            {
                best = candidate;
                bestDistance = Math.Abs(_ticks[candidate] - target);
            }
        }

        return best;
    }

    private Expectation Estimate(int count, bool seasonal)
    {
        var sample = _sample.AsSpan(0, count);
        var (median, mad) = RobustStatistics.MedianAndMad(sample, _scratch);
        var spread = RobustStatistics.MadToSigma * mad;
        if (spread <= 0)
        {
            // A MAD of zero is common for counts (more than half the buckets equal), so fall back to
            // the mean absolute deviation, scaled to a standard deviation for normal data.
            spread = 1.2533 * RobustStatistics.MeanAbsoluteDeviation(sample, median);
        }

        var floor = Math.Max(_options.MinSpread, _options.MinRelativeSpread * Math.Abs(median));
        return new Expectation(median, Math.Max(spread, floor), count, seasonal);
    }

    private void EnsureCapacity(int count)
    {
        if (_sample.Length < count)
        {
            _sample = new double[count * 2];
            _scratch = new double[count * 2];
        }
    }

    private void Trim(long nowTicks)
    {
        var keepTicks = (_options.MaxSeasons * _options.Season.Ticks) + (2 * _options.BucketWidth.Ticks);
        var excess = _values.Count - (2 * _options.TrailingBuckets);
        if (excess < 1024 || _ticks[1023] >= nowTicks - keepTicks)
        {
            return;
        }

        _ticks.RemoveRange(0, 1024);
        _values.RemoveRange(0, 1024);
    }
}
