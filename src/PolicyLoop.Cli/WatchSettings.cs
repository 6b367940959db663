using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Cli;

/// <summary>The parsed options of <c>policyloop watch</c>.</summary>
internal sealed record WatchSettings(
    string StorePath,
    ScopeLevel Level,
    TimeSpan Bucket,
    DetectorSettings Detector,
    TimeSpan Interval,
    TimeSpan Backfill,
    IReadOnlyList<string> Follow,
    Segment Segment);
