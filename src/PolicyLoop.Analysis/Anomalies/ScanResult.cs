namespace PolicyLoop.Analysis.Anomalies;

/// <summary>The alerts of a scan and the current baseline of every scope.</summary>
public sealed record ScanResult(IReadOnlyList<Anomaly> Alerts, IReadOnlyList<ScopeBaseline> Baselines);
