namespace PolicyLoop.Analysis.Anomalies;

/// <summary>The mean and standard deviation of the last <c>capacity</c> values, updated in constant time.</summary>
internal sealed class SlidingMoments
{
    private readonly double[] _values;
    private int _next;
    private double _sum;
    private double _sumOfSquares;

    public SlidingMoments(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _values = new double[capacity];
    }

    public int Count { get; private set; }

    public double Mean => Count == 0 ? 0 : _sum / Count;

    public double StandardDeviation =>
        Count < 2 ? 0 : Math.Sqrt(Math.Max(0, (_sumOfSquares - (_sum * _sum / Count)) / (Count - 1)));

    public void Add(double value)
    {
        if (Count == _values.Length)
        {
            var old = _values[_next];
            _sum -= old;
            _sumOfSquares -= old * old;
        }
        else
        {
            Count++;
        }

        _values[_next] = value;
        _sum += value;
        _sumOfSquares += value * value;
        _next = (_next + 1) % _values.Length;
        if (_next == 0)
        {
            Resum();
        }
    }

    /// <summary>Recomputes the sums once per lap so that rounding errors do not accumulate.</summary>
    private void Resum()
    {
        _sum = 0;
        _sumOfSquares = 0;
        for (var i = 0; i < Count; i++)
        {
            _sum += _values[i];
            _sumOfSquares += _values[i] * _values[i];
        }
    }
}
