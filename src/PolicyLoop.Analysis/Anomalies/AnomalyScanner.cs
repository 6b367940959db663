using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Analysis.Anomalies;

/// <summary>Runs the rate detectors over stored series, as a stream from each series' first bucket.</summary>
public static class AnomalyScanner
{
    /// <summary>Scans every series and returns the alerts, ordered by bucket and scope, and the baseline of each scope.</summary>
    public static ScanResult Scan(IReadOnlyList<RateSeries> series, RateDetectorOptions options) =>
        Scan(series, DetectorSettings.Uniform(options));

    /// <summary>Scans every series with the settings of its scope.</summary>
    public static ScanResult Scan(IReadOnlyList<RateSeries> series, DetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var alerts = new List<Anomaly>();
        var baselines = new List<ScopeBaseline>();
        foreach (var one in series)
        {
            var detector = new RateDetector(one.Scope, one.BucketWidth, settings.For(one.Scope));
            foreach (var point in one.Points)
            {
                alerts.AddRange(detector.Observe(point));
            }

            var expected = detector.LastExpectation;
            var (lower, upper) = detector.Band(expected);
            var last = one.Points.Count > 0 ? one.Points[^1] : default;
            baselines.Add(new ScopeBaseline(one, last, expected.HasHistory ? expected.Median : double.NaN, lower, upper));
        }

        alerts.Sort((a, b) => a.BucketStart != b.BucketStart
            ? a.BucketStart.CompareTo(b.BucketStart)
            : string.CompareOrdinal(a.Scope.ToString(), b.Scope.ToString()));
        return new ScanResult(alerts, baselines);
    }
}
