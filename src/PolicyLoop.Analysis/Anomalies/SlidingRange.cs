namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// The minimum and maximum of the last <c>capacity</c> values, in amortised constant time with two
/// monotonic queues of (index, value).
/// </summary>
internal sealed class SlidingRange
{
    private readonly int _capacity;
    private readonly LinkedList<(long Index, double Value)> _maxima = new();
    private readonly LinkedList<(long Index, double Value)> _minima = new();
    private long _index;

    public SlidingRange(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public long Count => Math.Min(_index, _capacity);

    public double Max => _maxima.First!.Value.Value;

    public double Min => _minima.First!.Value.Value;

    public void Add(double value)
    {
        while (_maxima.Last is { } last && last.Value.Value <= value)
        {
            _maxima.RemoveLast();
        }

        while (_minima.Last is { } last && last.Value.Value >= value)
        {
            _minima.RemoveLast();
        }

        _maxima.AddLast((_index, value));
        _minima.AddLast((_index, value));
        _index++;
        var oldest = _index - _capacity;
        while (_maxima.First!.Value.Index < oldest)
        {
            _maxima.RemoveFirst();
        }

        while (_minima.First!.Value.Index < oldest)
        {
            _minima.RemoveFirst();
        }
    }
}
