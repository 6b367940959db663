using System.Diagnostics;
using System.Globalization;
using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Core.Baselines;
using PolicyLoop.Storage;

namespace PolicyLoop.Bench.Baseline;

/// <summary>
/// <c>bench/run baseline [--events N] [--rules R] [--days D]</c>: generates events in a fresh store,
/// then times computing the rule-level baselines from scratch, updating them after one new bucket,
/// reading the series, and running the rate detectors over every bucket.
/// </summary>
internal static class BaselineBenchmark
{
    private static readonly TimeSpan Bucket = TimeSpan.FromMinutes(5);

    public static Task<int> RunAsync(string[] args)
    {
        var events = Option(args, "--events", 100_000_000);
        var rules = Option(args, "--rules", 1000);
        var days = Option(args, "--days", 28);
        var path = Path.GetFullPath(Path.Combine("artifacts", "bench", "baseline.duckdb"));
        File.Delete(path);
        File.Delete(path + ".wal");

        var time = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var store = DuckDbEventStore.Open(path, time);
        var generator = new EventGenerator(store, rules, days);
        Report("generate", events, Measure(() => generator.Insert(0, events, time.GetUtcNow().UtcDateTime)));

        var scratch = Measure(() => store.UpdateBaselines(ScopeLevel.Rule, Bucket));
        Report("baseline from scratch", events, scratch);

        time.Advance(TimeSpan.FromHours(1));
        var perBucket = Math.Max(1, events / (days * 288L));
        generator.InsertNextBucket(events, perBucket, time.GetUtcNow().UtcDateTime);
        var update = Measure(() => store.UpdateBaselines(ScopeLevel.Rule, Bucket));
        Report("update with one new bucket", perBucket, update);

        IReadOnlyList<RateSeries> series = [];
        var read = Measure(() => series = store.ReadRateSeries(ScopeLevel.Rule, Bucket));
        var points = series.Sum(s => (long)s.Points.Count);
        Report($"read {series.Count} series", points, read);

        var detect = Measure(() => AnomalyScanner.Scan(series, new RateDetectorOptions()));
        Report("rate detectors", points, detect);
        var novelty = Measure(() => RunNovelty(series));
        Report("novelty detector", points, novelty);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"baseline: {events:N0} events, {rules} rules, {days} days; from scratch {scratch.TotalSeconds:F1} s; "
            + $"one-bucket update {update.TotalSeconds:F2} s; rate detectors {points / detect.TotalSeconds:N0} points/s; "
            + $"novelty detector {points / novelty.TotalSeconds:N0} points/s"));
        return Task.FromResult(0);
    }

    private static void RunNovelty(IReadOnlyList<RateSeries> series)
    {
        foreach (var one in series)
        {
            var detector = new NoveltyDetector(new NoveltyDetectorOptions());
            foreach (var point in one.Points)
            {
                detector.Observe(point.Rate);
            }
        }
    }

    private static TimeSpan Measure(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static void Report(string step, long items, TimeSpan elapsed) => Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{step,-28} {elapsed.TotalSeconds,9:F2} s  {items,14:N0} items  {items / Math.Max(elapsed.TotalSeconds, 1e-9),14:N0} /s"));

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length
            ? int.Parse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture)
            : fallback;
    }
}
