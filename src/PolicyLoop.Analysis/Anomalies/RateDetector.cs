using System.Globalization;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// The streaming detectors of one scope's reject rate: a robust seasonal test for spikes and drops
/// that also requires a significant binomial count, a CUSUM for level shifts, silence and new
/// firing. Each bucket is judged against earlier buckets only, and a detector that fired on a scope
/// stays quiet for the cooldown.
/// </summary>
public sealed partial class RateDetector
{
    private readonly ScopeKey _scope;
    private readonly TimeSpan _width;
    private readonly RateDetectorOptions _options;
    private readonly SeasonalHistory _history;
    private readonly Cusum _cusum;
    private readonly Dictionary<string, DateTime> _lastAlert = new(StringComparer.Ordinal);

    public RateDetector(ScopeKey scope, TimeSpan bucketWidth, RateDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scope = scope;
        _width = bucketWidth;
        _options = options;
        _history = new SeasonalHistory(options.History with { BucketWidth = bucketWidth });
        _cusum = new Cusum(options.Cusum);
    }

    /// <summary>The expectation of the most recent bucket, from the buckets before it.</summary>
    public Expectation LastExpectation { get; private set; } = Expectation.None;

    /// <summary>Judges a bucket against the past, then adds it to the history. Returns the new alerts.</summary>
    public IReadOnlyList<Anomaly> Observe(RatePoint point)
    {
        var expected = _history.Expect(new DateTimeOffset(point.BucketStart, TimeSpan.Zero));
        LastExpectation = expected;
        var alerts = new List<Anomaly>();
        CheckNewFiring(point, alerts);
        CheckRate(point, expected, alerts);
        CheckSilence(point, expected, alerts);
        if (point.Total > 0)
        {
            _history.Add(new DateTimeOffset(point.BucketStart, TimeSpan.Zero), point.Rate);
        }

        return alerts;
    }

    /// <summary>The expected band: the median plus and minus the spike threshold in spreads, within [0, 1].</summary>
    public (double Lower, double Upper) Band(Expectation expected) => expected.HasHistory
        ? (Math.Max(0, expected.Median - (_options.SpikeZ * expected.Spread)),
            Math.Min(1, expected.Median + (_options.SpikeZ * expected.Spread)))
        : (0, 1);

    private void CheckRate(RatePoint point, Expectation expected, List<Anomaly> alerts)
    {
        if (point.Total < _options.MinVolume || expected.Support < _options.MinSupport)
        {
            return;
        }

        var z = expected.RobustZ(point.Rate);
        var shift = _cusum.Update(z);
        if (Math.Abs(z) >= _options.SpikeZ)
        {
            CheckSpike(point, expected, z, alerts);
        }

        if (Math.Abs(shift) >= 1)
        {
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"the rate has stayed {(shift > 0 ? "above" : "below")} the baseline {expected.Median:P2} "
                + $"long enough for the CUSUM to cross its threshold ({Describe(expected)})");
            Raise(alerts, point, expected, shift > 0 ? AnomalyKind.LevelUp : AnomalyKind.LevelDown, "level_shift", reason);
        }
    }

    private void CheckSpike(RatePoint point, Expectation expected, double z, List<Anomaly> alerts)
    {
        var pValue = z > 0
            ? BinomialTest.UpperTail(point.Rejects, point.Total, expected.Median)
            : BinomialTest.LowerTail(point.Rejects, point.Total, expected.Median);
        if (pValue > _options.CountPValue)
        {
            return;
        }

        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"rate {point.Rate:P2} is {Math.Abs(z):F1} robust spreads {(z > 0 ? "above" : "below")} the baseline "
            + $"{expected.Median:P2} ({Describe(expected)}); binomial p-value {Probability.Format(pValue)} on {point.Total} events");
        Raise(alerts, point, expected, z > 0 ? AnomalyKind.Spike : AnomalyKind.Drop, "seasonal", reason);
    }

    private static string Describe(Expectation expected) => expected.Seasonal
        ? $"median of {expected.Support} buckets at the same time of week"
        : $"median of the last {expected.Support} buckets";

    private void Raise(List<Anomaly> alerts, RatePoint point, Expectation expected, AnomalyKind kind, string detector, string reason)
    {
        var key = detector + "|" + kind;
        if (_lastAlert.TryGetValue(key, out var last) && point.BucketStart - last < _options.Cooldown)
        {
            return;
        }

        _lastAlert[key] = point.BucketStart;
        var (lower, upper) = Band(expected);
        var median = expected.HasHistory ? expected.Median : 0;
        alerts.Add(new Anomaly(
            _scope, point.BucketStart, _width, kind, detector, point.Rate, median, lower, upper, point.Total, point.Rejects, reason));
    }
}
