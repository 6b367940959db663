namespace PolicyLoop.Core.Baselines;

/// <summary>
/// The buckets of one scope in time order, without gaps: buckets without events have a total of 0.
/// </summary>
public sealed record RateSeries(ScopeKey Scope, TimeSpan BucketWidth, IReadOnlyList<RatePoint> Points);
