namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// A streaming detector for one numeric series: a robust seasonal z-test for spikes and drops and a
/// CUSUM for level shifts. Each verdict uses only the values observed before it.
/// </summary>
public sealed class ValueDetector
{
    private readonly ValueDetectorOptions _options;
    private readonly SeasonalHistory _history;
    private readonly Cusum _cusum;

    public ValueDetector(ValueDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _history = new SeasonalHistory(options.History);
        _cusum = new Cusum(options.Cusum);
    }

    /// <summary>Scores <paramref name="value"/> against the past, then adds it to the history.</summary>
    public ValueVerdict Observe(DateTimeOffset time, double value)
    {
        var expected = _history.Expect(time);
        var verdict = Judge(expected, value);
        _history.Add(time, value);
        return verdict;
    }

    private ValueVerdict Judge(Expectation expected, double value)
    {
        if (expected.Support < _options.MinSupport || double.IsNaN(value))
        {
            return new ValueVerdict(expected, 0, 0, 0);
        }

        var z = expected.RobustZ(value);
        var shift = _cusum.Update(z);
        var strength = Math.Max(Math.Abs(z) / _options.SpikeZ, Math.Abs(shift));
        return new ValueVerdict(expected, z, shift, strength);
    }
}
