namespace PolicyLoop.Analysis.Anomalies;

/// <summary>Median and median absolute deviation, the robust location and spread the detectors use.</summary>
public static class RobustStatistics
{
    /// <summary>
    /// The factor that turns a median absolute deviation into a consistent estimate of the standard
    /// deviation for normally distributed data (1 / the 75th percentile of the standard normal).
    /// </summary>
    public const double MadToSigma = 1.4826;

    /// <summary>Sorts <paramref name="values"/> in place and returns their median; NaN when empty.</summary>
    public static double MedianInPlace(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        values.Sort();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>
    /// Computes the median and the median absolute deviation of <paramref name="values"/>, using
    /// <paramref name="scratch"/> (at least as long) as working space. Both are NaN when empty.
    /// </summary>
    public static (double Median, double Mad) MedianAndMad(ReadOnlySpan<double> values, Span<double> scratch)
    {
        var work = scratch[..values.Length];
        values.CopyTo(work);
        var median = MedianInPlace(work);
        for (var i = 0; i < values.Length; i++)
        {
            work[i] = Math.Abs(values[i] - median);
        }

        return (median, MedianInPlace(work));
    }

    /// <summary>The mean absolute deviation from <paramref name="center"/>; 0 when empty.</summary>
    public static double MeanAbsoluteDeviation(ReadOnlySpan<double> values, double center)
    {
        if (values.IsEmpty)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var value in values)
        {
            sum += Math.Abs(value - center);
        }

        return sum / values.Length;
    }
}
