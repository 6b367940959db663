using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Analysis.Tests.Anomalies;

/// <summary>Seeded five-minute traffic with a daily cycle of volume and a binomial count of rejects.</summary>
internal static class GeneratedTraffic
{
    public static readonly DateTime Start = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    public static readonly TimeSpan Width = TimeSpan.FromMinutes(5);

    /// <summary>
    /// One point per bucket: volume between 300 and 900 following the hour of day, rejects drawn at
    /// <paramref name="rate"/>(bucket index).
    /// </summary>
    public static List<RatePoint> Points(int buckets, Func<int, double> rate, int seed = 7)
    {
        var random = new Random(seed);
        var points = new List<RatePoint>(buckets);
        for (var i = 0; i < buckets; i++)
        {
            var time = Start + (i * Width);
            var volume = (long)(600 + (300 * Math.Sin(2 * Math.PI * time.TimeOfDay.TotalHours / 24)));
            var p = rate(i);
            var rejects = 0L;
            for (var e = 0; e < volume; e++)
            {
                rejects += random.NextDouble() < p ? 1 : 0;
            }

            points.Add(new RatePoint(time, volume, rejects));
        }

        return points;
    }

    public static List<Anomaly> Run(IEnumerable<RatePoint> points, RateDetectorOptions? options = null)
    {
        var scope = new ScopeKey(ScopeLevel.Rule, "waf", "edge", "942100");
        var detector = new RateDetector(scope, Width, options ?? new RateDetectorOptions());
        return points.SelectMany(detector.Observe).ToList();
    }
}
