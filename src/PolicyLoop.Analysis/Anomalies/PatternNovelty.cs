namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// Scores how new the shape of the last few values is. Each value is quantised into one of a few
/// levels of a range: the fixed input range when the caller knows it, else the range seen so far. A
/// value above or below that range gets a level of its own. The detector remembers every run of
/// consecutive levels it has seen, and the score is the share of the current runs (the last 1,
/// 2, ... up to <c>length</c> levels) never seen before.
/// </summary>
internal sealed class PatternNovelty
{
    /// <summary>Bits per level in a run's key; levels plus the three special ones must fit.</summary>
    private const int BitsPerLevel = 6;

    private readonly int _levels;
    private readonly double _offset;
    private readonly int[] _recent;
    private readonly HashSet<long> _seen = [];
    private readonly bool _fixedRange;
    private double _min = double.NaN;
    private double _max = double.NaN;
    private int _filled;

    /// <param name="levels">Levels the range is cut into, 2 to 50.</param>
    /// <param name="length">The longest run remembered, 1 to 9 values.</param>
    /// <param name="offset">A shift of the level boundaries, in levels (0 to 1), so that two
    /// quantisers with different offsets do not share every boundary.</param>
    /// <param name="inputRange">The fixed range to cut into levels, or null to use the range seen
    /// so far. The caller validates it.</param>
    public PatternNovelty(int levels, int length, double offset, (double Min, double Max)? inputRange = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(levels, 50);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 9);
        _levels = levels;
        _offset = offset;
        _recent = new int[length];
        if (inputRange is { } range)
        {
            _fixedRange = true;
            _min = range.Min;
            _max = range.Max;
        }
    }

    /// <summary>Scores <paramref name="value"/> in [0, 1], then remembers it and its runs.</summary>
    public double Observe(double value)
    {
        Array.Copy(_recent, 0, _recent, 1, _recent.Length - 1);
        _recent[0] = Quantise(value);
        _filled = Math.Min(_filled + 1, _recent.Length);
        if (!_fixedRange)
        {
            _min = double.IsNaN(_min) ? value : Math.Min(_min, value);
            _max = double.IsNaN(_max) ? value : Math.Max(_max, value);
        }

        var novel = 0;
        var key = 0L;
        for (var k = 0; k < _filled; k++)
        {
            key = (key << BitsPerLevel) + _recent[k] + 1;
            if (_seen.Add(key + ((long)(k + 1) << 58)))
            {
                novel++;
            }
        }

        return (double)novel / _recent.Length;
    }

    private int Quantise(double value)
    {
        if (double.IsNaN(_min))
        {
            return 0;
        }

        if (value > _max)
        {
            return _levels + 1;
        }

        if (value < _min)
        {
            return _levels + 2;
        }

        var width = _max - _min;
        return width <= 0 ? 0 : Math.Min(_levels, (int)Math.Floor((_levels * (value - _min) / width) + _offset));
    }
}
