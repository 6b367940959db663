namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// The most recent values cut into consecutive blocks of equal length, newest block first, with
/// the mean, minimum and maximum of each block as features. The blocks slide by one value at a
/// time, so a pattern gives the same features whatever its phase against the row count.
/// </summary>
internal sealed class SlidingBlocks
{
    /// <summary>Features per block: mean, minimum, maximum.</summary>
    public const int FeaturesPerBlock = 3;

    private readonly double[] _values;
    private readonly int _blockLength;
    private int _next;
    private int _count;

    public SlidingBlocks(int blockCount, int blockLength)
    {
        _values = new double[blockCount * blockLength];
        _blockLength = blockLength;
    }

    /// <summary>True once every block has all its values.</summary>
    public bool IsFull => _count == _values.Length;

    public int FeatureCount => FeaturesPerBlock * (_values.Length / _blockLength);

    public void Add(double value)
    {
        _values[_next] = value;
        _next = (_next + 1) % _values.Length;
        _count = Math.Min(_count + 1, _values.Length);
    }

    /// <summary>
    /// Returns the mean, minimum and maximum of block <paramref name="block"/> (0 is the newest),
    /// over the values it has so far.
    /// </summary>
    public (double Mean, double Min, double Max) Block(int block)
    {
        var available = Math.Min(_blockLength, _count - (block * _blockLength));
        if (available <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(block), block, "the block has no value yet");
        }

        var sum = 0.0;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var age = block * _blockLength; age < (block * _blockLength) + available; age++)
        {
            var value = _values[(_next - 1 - age + _values.Length) % _values.Length];
            sum += value;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        return (sum / available, min, max);
    }

    /// <summary>Writes the features of every block, newest block first, into <paramref name="features"/>.</summary>
    public void CopyFeatures(Span<double> features)
    {
        for (var block = 0; block < features.Length / FeaturesPerBlock; block++)
        {
            var (mean, min, max) = Block(block);
            features[FeaturesPerBlock * block] = mean;
            features[(FeaturesPerBlock * block) + 1] = min;
            features[(FeaturesPerBlock * block) + 2] = max;
        }
    }
}
