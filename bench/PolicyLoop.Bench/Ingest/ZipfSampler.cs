namespace PolicyLoop.Bench.Ingest;

/// <summary>
/// Draws indexes 0..n-1 with probability proportional to 1 / (rank + 1)^exponent, the skew of
/// real traffic where a few clients, paths and rules account for most events.
/// </summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int count, double exponent)
    {
        _cumulative = new double[count];
        var total = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            total += 1.0 / Math.Pow(rank + 1, exponent);
            _cumulative[rank] = total;
        }

        for (var rank = 0; rank < count; rank++)
        {
            _cumulative[rank] /= total;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}
