using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Analysis.Anomalies;

/// <summary>A scope's latest bucket beside its expected rate and band.</summary>
/// <param name="Series">The scope's full series.</param>
/// <param name="Current">The latest bucket.</param>
/// <param name="Expected">The expected rate for the latest bucket; NaN without history.</param>
/// <param name="Lower">The lower end of the expected band.</param>
/// <param name="Upper">The upper end of the expected band.</param>
public sealed record ScopeBaseline(RateSeries Series, RatePoint Current, double Expected, double Lower, double Upper);
