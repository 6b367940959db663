using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Bench.Nab;

/// <summary>
/// Runs PolicyLoop's detectors over a NAB series as a stream and returns one anomaly score per row.
/// Every series uses the same settings; nothing is tuned per series.
/// </summary>
internal static class OurDetectors
{
    /// <summary>
    /// The settings chosen over the whole corpus with <c>--only custom:...</c>: a one-day trailing
    /// window at five-minute buckets, scores relative to the strongest recent score, and a one-day
    /// alert cooldown.
    /// </summary>
    private static readonly Variant Best = new(Cooldown: 288, Trailing: 288, Decay: 0.9995);

    /// <summary>The detector variants the benchmark scores, by name.</summary>
    public static IReadOnlyDictionary<string, Func<NabSeries, double[]>> All { get; } =
        new Dictionary<string, Func<NabSeries, double[]>>(StringComparer.Ordinal)
        {
            ["policyloop-spike"] = s => Run(s, Best with { UseShift = false }),
            ["policyloop-shift"] = s => Run(s, Best with { UseSpike = false }),
            ["policyloop-nodedup"] = s => Run(s, Best with { Cooldown = 0 }),
            ["policyloop"] = s => Run(s, Best),
            ["policyloop-novelty-seen-range"] = s => RunNovelty(s, new NoveltyDetectorOptions(), fileRange: false),
            ["policyloop-novelty-nocooldown"] = s => RunNovelty(s, new NoveltyDetectorOptions { Cooldown = 0 }, fileRange: true),
            ["policyloop-novelty"] = s => RunNovelty(s, new NoveltyDetectorOptions(), fileRange: true),
            ["policyloop-art"] = s => RunArt(s, new ArtDetectorOptions()),
        };

    /// <summary>Parses <c>custom:TRAILING:DECAY:COOLDOWN:SPIKE:SHIFT</c> for trying settings.</summary>
    public static Func<NabSeries, double[]> Parse(string text)
    {
        var parts = text.Split(':');
        var variant = new Variant(
            parts[4] == "1",
            parts[5] == "1",
            int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
        return s => Run(s, variant);
    }

    private sealed record Variant(
        bool UseSpike = true,
        bool UseShift = true,
        int Cooldown = 0,
        int Trailing = 72,
        double Decay = 0);

    private static double[] Run(NabSeries series, Variant variant)
    {
        var options = new ValueDetectorOptions
        {
            History = new SeasonalHistoryOptions { BucketWidth = EstimateStep(series.Times), TrailingBuckets = variant.Trailing },
        };
        var detector = new ValueDetector(options);
        var raw = new double[series.Values.Length];
        var recordStrength = 0.0;
        for (var i = 0; i < raw.Length; i++)
        {
            var verdict = detector.Observe(new DateTimeOffset(series.Times[i], TimeSpan.Zero), series.Values[i]);
            var strength = Math.Max(
                variant.UseSpike ? Math.Abs(verdict.Z) / options.SpikeZ : 0,
                variant.UseShift ? Math.Abs(verdict.Shift) : 0);
            if (variant.Decay > 0)
            {
                var reference = Math.Max(recordStrength, 1);
                raw[i] = strength / (strength + reference);
                recordStrength = Math.Max(recordStrength * variant.Decay, strength);
            }
            else
            {
                raw[i] = strength / (1 + strength);
            }
        }

        return variant.Cooldown > 0 ? Deduplicate(raw, variant.Cooldown) : raw;
    }

    /// <summary>
    /// Runs <see cref="NoveltyDetector"/> over a series. With <paramref name="fileRange"/>, the
    /// detector gets the minimum and maximum of the whole data file as its input range, as NAB
    /// passes every detector its file's <c>inputMin</c> and <c>inputMax</c>. The scores still use
    /// only the values up to their own row.
    /// </summary>
    public static double[] RunNovelty(NabSeries series, NoveltyDetectorOptions options, bool fileRange)
    {
        if (fileRange && series.Values.Length > 0)
        {
            options = options with { InputMin = series.Values.Min(), InputMax = series.Values.Max() };
        }

        var detector = new NoveltyDetector(options);
        return series.Values.Select(detector.Observe).ToArray();
    }

    /// <summary>
    /// Runs <see cref="ArtDetector"/> with two conventions that NAB gives every detector: the input
    /// range is the minimum and maximum of the whole file, and the probationary length is NAB's.
    /// </summary>
    public static double[] RunArt(NabSeries series, ArtDetectorOptions options)
    {
        var detector = new ArtDetector(options, series.Values.Min(), series.Values.Max(), series.Probation);
        return series.Values.Select(detector.Observe).ToArray();
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
