using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Core.Baselines;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli;

/// <summary>Brings the store's baselines up to date and scans them.</summary>
internal static class DetectionRun
{
    public static DuckDbEventStore OpenExisting(string storePath) => File.Exists(storePath)
        ? DuckDbEventStore.Open(storePath)
        : throw new UsageException($"store not found: {storePath}; run 'policyloop ingest LOG' first or pass --store");

    public static ScanResult Scan(
        DuckDbEventStore store, ScopeLevel level, TimeSpan bucket, DetectorSettings settings, Segment segment = Segment.None)
    {
        if (bucket > TimeSpan.FromDays(1) || bucket.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new UsageException($"invalid --bucket {bucket}; use whole seconds up to one day");
        }

        store.UpdateBaselines(level, bucket, segment);
        var series = store.ReadRateSeries(level, bucket, segment);
        return AnomalyScanner.Scan(series, settings);
    }
}
