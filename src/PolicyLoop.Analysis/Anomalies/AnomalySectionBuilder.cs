using PolicyLoop.Reports.Model;

namespace PolicyLoop.Analysis.Anomalies;

/// <summary>Turns a scan into the report's anomalies section: the scopes with the most alerts, each with its band.</summary>
public static class AnomalySectionBuilder
{
    /// <summary>
    /// Builds charts for at most <paramref name="maxCharts"/> scopes, those with the most alerts,
    /// replaying each scope's detector to record the expected band of every bucket.
    /// </summary>
    public static AnomalySection Build(ScanResult scan, RateDetectorOptions options, TimeSpan bucketWidth, int maxCharts = 5)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var charts = scan.Alerts
            .GroupBy(a => a.Scope)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.ToString(), StringComparer.Ordinal)
            .Take(maxCharts)
            .Select(g => Chart(scan.Baselines.First(b => b.Series.Scope == g.Key), g.ToList(), options))
            .ToList();
        return new AnomalySection(charts, scan.Alerts.Count, bucketWidth);
    }

    private static AnomalyChart Chart(ScopeBaseline baseline, List<Anomaly> alerts, RateDetectorOptions options)
    {
        var series = baseline.Series;
        var detector = new RateDetector(series.Scope, series.BucketWidth, options);
        var points = new List<BaselinePoint>(series.Points.Count);
        foreach (var point in series.Points)
        {
            detector.Observe(point);
            var expected = detector.LastExpectation;
            if (expected.HasHistory)
            {
                var (lower, upper) = detector.Band(expected);
                points.Add(new BaselinePoint(point.BucketStart, point.Rate, expected.Median, lower, upper));
            }
            else
            {
                points.Add(new BaselinePoint(point.BucketStart, point.Rate, null, null, null));
            }
        }

        var markers = alerts
            .Select(a => new AlertMarker(a.BucketStart, a.Detector, AlertJson.KindName(a.Kind), a.Observed, a.Expected, a.Reason))
            .ToList();
        return new AnomalyChart(series.Scope.ToString(), points, markers);
    }
}
