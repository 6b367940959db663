using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Analysis.Anomalies;

/// <summary>An alert: which detector fired, on which scope and bucket, and the values behind it.</summary>
/// <param name="Scope">The scope whose rate changed.</param>
/// <param name="BucketStart">The bucket that raised the alert, UTC.</param>
/// <param name="BucketWidth">The bucket width.</param>
/// <param name="Kind">What changed.</param>
/// <param name="Detector">The detector that fired: <c>seasonal</c>, <c>level_shift</c>, <c>silence</c> or <c>new_firing</c>.</param>
/// <param name="Observed">The observed reject rate.</param>
/// <param name="Expected">The expected reject rate (the baseline median).</param>
/// <param name="Lower">The lower end of the expected band.</param>
/// <param name="Upper">The upper end of the expected band.</param>
/// <param name="Total">Events in the bucket.</param>
/// <param name="Rejects">Rejects in the bucket.</param>
/// <param name="Reason">One sentence on why the detector fired.</param>
public sealed record Anomaly(
    ScopeKey Scope,
    DateTime BucketStart,
    TimeSpan BucketWidth,
    AnomalyKind Kind,
    string Detector,
    double Observed,
    double Expected,
    double Lower,
    double Upper,
    long Total,
    long Rejects,
    string Reason)
{
    /// <summary>
    /// A stable id for de-duplication across runs: the scope, the detector, the kind and the bucket.
    /// </summary>
    public string Id => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Scope}|{Detector}|{Kind}|{BucketStart:yyyy-MM-ddTHH:mm:ss}|{(long)BucketWidth.TotalSeconds}");
}
