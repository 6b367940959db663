namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// A two-sided tabular CUSUM over standardised residuals: it accumulates the residuals beyond the
/// slack in each direction and signals a level shift when a sum crosses the threshold, then restarts.
/// </summary>
public sealed class Cusum
{
    private readonly CusumOptions _options;

    public Cusum(CusumOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Threshold, 0);
        _options = options;
    }

    /// <summary>The sum of upward residuals.</summary>
    public double Upper { get; private set; }

    /// <summary>The sum of downward residuals, as a positive number.</summary>
    public double Lower { get; private set; }

    /// <summary>
    /// Adds a residual and returns the larger sum as a fraction of the threshold, signed by its
    /// direction. A magnitude of 1 or more signals a level shift, and both sums then restart.
    /// </summary>
    public double Update(double residual)
    {
        if (double.IsNaN(residual))
        {
            return 0;
        }

        var step = Math.Clamp(residual, -_options.MaxStep, _options.MaxStep);
        Upper = Math.Max(0, Upper + step - _options.Slack);
        Lower = Math.Max(0, Lower - step - _options.Slack);
        var strength = Upper >= Lower ? Upper / _options.Threshold : -Lower / _options.Threshold;
        if (Math.Abs(strength) >= 1)
        {
            Reset();
        }

        return strength;
    }

    /// <summary>Sets both sums to zero.</summary>
    public void Reset()
    {
        Upper = 0;
        Lower = 0;
    }
}
