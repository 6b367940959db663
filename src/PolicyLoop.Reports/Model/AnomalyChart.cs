namespace PolicyLoop.Reports.Model;

/// <summary>One scope's reject rate over time beside its expected rate and band, with the buckets that raised alerts.</summary>
public sealed record AnomalyChart(string Scope, IReadOnlyList<BaselinePoint> Points, IReadOnlyList<AlertMarker> Alerts);
