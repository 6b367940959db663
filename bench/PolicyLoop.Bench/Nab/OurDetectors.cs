using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Bench.Nab;

/// <summary>
/// Runs PolicyLoop's detectors over a NAB series as a stream and returns one anomaly score per row.
/// Every series uses the same settings; nothing is tuned per series.
/// </summary>
internal static class OurDetectors
{
    /// <summary>The detector variants the benchmark scores, by name.</summary>
    public static IReadOnlyDictionary<string, Func<NabSeries, double[]>> All { get; } =
        new Dictionary<string, Func<NabSeries, double[]>>(StringComparer.Ordinal)
        {
            ["policyloop-spike"] = s => Run(s, useSpike: true, useShift: false, cooldownBuckets: 0),
            ["policyloop-shift"] = s => Run(s, useSpike: false, useShift: true, cooldownBuckets: 0),
            ["policyloop"] = s => Run(s, useSpike: true, useShift: true, cooldownBuckets: 0),
            ["policyloop-dedup"] = s => Run(s, useSpike: true, useShift: true, cooldownBuckets: 288),
        };

    private static double[] Run(NabSeries series, bool useSpike, bool useShift, int cooldownBuckets)
    {
        var options = new ValueDetectorOptions
        {
            History = new SeasonalHistoryOptions { BucketWidth = EstimateStep(series.Times) },
        };
        var detector = new ValueDetector(options);
        var raw = new double[series.Values.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var verdict = detector.Observe(new DateTimeOffset(series.Times[i], TimeSpan.Zero), series.Values[i]);
            var strength = Math.Max(
                useSpike ? Math.Abs(verdict.Z) / options.SpikeZ : 0,
                useShift ? Math.Abs(verdict.Shift) : 0);
            raw[i] = strength / (1 + strength);
        }

        return cooldownBuckets > 0 ? Deduplicate(raw, cooldownBuckets) : raw;
    }

    /// <summary>
    /// Keeps a score only when it exceeds every score of the preceding <paramref name="cooldown"/>
    /// rows, the streaming form of "no repeat alert within the cooldown unless it is stronger".
    /// </summary>
    private static double[] Deduplicate(double[] raw, int cooldown)
    {
        var result = new double[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var recentMax = 0.0;
            for (var j = Math.Max(0, i - cooldown); j < i; j++)
            {
                recentMax = Math.Max(recentMax, raw[j]);
            }

            result[i] = raw[i] > recentMax ? raw[i] : 0;
        }

        return result;
    }

    /// <summary>The median spacing of the first rows, as the bucket width for seasonal matching.</summary>
    private static TimeSpan EstimateStep(DateTime[] times)
    {
        var count = Math.Min(50, times.Length - 1);
        if (count < 1)
        {
            return TimeSpan.FromMinutes(5);
        }

        var steps = Enumerable.Range(1, count).Select(i => (times[i] - times[i - 1]).Ticks).Order().ToArray();
        return TimeSpan.FromTicks(Math.Max(1, steps[count / 2]));
    }
}
