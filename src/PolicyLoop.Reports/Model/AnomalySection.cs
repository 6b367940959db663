namespace PolicyLoop.Reports.Model;

/// <summary>The scopes with alerts, each with its rate, baseline band and alerts, and how many alerts there were in all.</summary>
public sealed record AnomalySection(IReadOnlyList<AnomalyChart> Charts, int AlertCount, TimeSpan BucketWidth);
