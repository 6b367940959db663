namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// Settings of <see cref="RateDetector"/>. The volume defaults follow Cloudflare's WAF alert: a
/// z-score above 3.5 against six hours of five-minute buckets, at least 200 events, no repeat
/// within two hours.
/// </summary>
public sealed record RateDetectorOptions
{
    /// <summary>Which past buckets are comparable; its bucket width is replaced by the series' width.</summary>
    public SeasonalHistoryOptions History { get; init; } = new();

    /// <summary>
    /// The level-shift detector. Default slack 1 and threshold 10 spreads: with hundreds of scopes
    /// and 2,016 five-minute buckets a week, the textbook 0.5 and 5 raise false alarms every week.
    /// </summary>
    public CusumOptions Cusum { get; init; } = new() { Slack = 1, Threshold = 10 };

    /// <summary>The robust z-score of the rate beyond which a bucket is a spike or a drop. Default 3.5.</summary>
    public double SpikeZ { get; init; } = 3.5;

    /// <summary>
    /// The one-sided exact binomial p-value the reject count must also reach for a spike or drop,
    /// so that a handful of events cannot raise an alert. Default 1e-5.
    /// </summary>
    public double CountPValue { get; init; } = 1e-5;

    /// <summary>Events a bucket needs before the spike, drop and level-shift tests run. Default 200.</summary>
    public long MinVolume { get; init; } = 200;

    /// <summary>Past buckets with events needed before any test runs. Default 12.</summary>
    public int MinSupport { get; init; } = 12;

    /// <summary>The time within which the same detector does not alert again on a scope. Default two hours.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How unlikely a run of buckets without rejects must be, at the steady rate before it, to
    /// count as silence. Default 1e-6.
    /// </summary>
    public double SilenceProbability { get; init; } = 1e-6;

    /// <summary>
    /// Buckets without rejects needed before silence is raised. Default 3, so one empty bucket is
    /// left to the drop test.
    /// </summary>
    public int SilenceMinBuckets { get; init; } = 3;

    /// <summary>How long a scope must have had no rejects before new rejects count as new firing. Default one day.</summary>
    public TimeSpan NewFiringQuietPeriod { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Rejects in one bucket that count as new firing. Default 3.</summary>
    public long NewFiringMinRejects { get; init; } = 3;
}
