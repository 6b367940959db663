using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Core.Baselines;
using PolicyLoop.Reports.Model;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli;

/// <summary>The anomalies section of the forensic report: rule scopes, five-minute buckets, default detector settings.</summary>
internal static class AnomalyReportSection
{
    private static readonly TimeSpan Bucket = TimeSpan.FromMinutes(5);

    public static AnomalySection Build(DuckDbEventStore store)
    {
        var options = new RateDetectorOptions();
        var scan = DetectionRun.Scan(store, ScopeLevel.Rule, Bucket, DetectorSettings.Uniform(options));
        return AnomalySectionBuilder.Build(scan, options, Bucket);
    }
}
