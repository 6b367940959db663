using System.Diagnostics;
using System.Globalization;

namespace PolicyLoop.Bench.Nab;

/// <summary>
/// <c>bench/run nab [--data DIR] [--only NAME] [--series-half 0|1]</c>: scores PolicyLoop's detectors
/// and the published detectors on the NAB corpus with the same scorer, and prints the normalised
/// score per profile.
/// </summary>
/// <remarks>
/// <c>--series-half</c> keeps every second series in name order within each group, starting with
/// the first (0) or the second (1), and scores that half as a corpus of its own. The two halves
/// let settings chosen on one half be scored on the other.
/// </remarks>
internal static class NabBenchmark
{
    private static readonly string[] ProfileOrder = ["standard", "reward_low_FP_rate", "reward_low_FN_rate"];

    public static Task<int> RunAsync(string[] args)
    {
        var directory = Path.GetFullPath(Option(args, "--data") ?? Path.Combine("..", "shared", "data", "nab"));
        if (!Directory.Exists(Path.Combine(directory, "data")) || !Directory.Exists(Path.Combine(directory, "labels")))
        {
            Console.Error.WriteLine(
                $"error: the NAB corpus was not found at {directory} (expected data/ and labels/ there); "
                + "pass --data DIR with a copy of the NAB repository's data, labels and config folders");
            return Task.FromResult(2);
        }

        var only = Option(args, "--only");
        var half = Option(args, "--series-half");
        if (half is not (null or "0" or "1"))
        {
            Console.Error.WriteLine($"error: invalid --series-half '{half}'. Pass 0 or 1.");
            return Task.FromResult(2);
        }

        var series = NabCorpus.LoadSeries(directory);
        if (half is not null)
        {
            series = SelectHalf(series, half == "1" ? 1 : 0);
        }

        var profiles = ProfileOrder.Select(name => NabCorpus.LoadProfiles(directory).Single(p => p.Name == name)).ToArray();
        var bounds = new NabBounds(series, profiles);
        Console.WriteLine($"NAB corpus: {series.Count} series, {series.Sum(s => s.Values.Length)} rows, "
            + $"{series.Sum(s => s.Windows.Length)} windows ({directory}"
            + (half is null ? ")" : $", series half {half})"));
        Console.WriteLine($"{"detector",-30} {"standard",9} {"low_FP",9} {"low_FN",9}  {"seconds",8}");

        foreach (var detector in PublishedDetectors.List(directory).Where(d => only is null || d == only))
        {
            var watch = Stopwatch.StartNew();
            var scores = PublishedDetectors.Load(directory, detector, series);
            Print($"{detector} (published)", bounds.Score(series, scores), watch.Elapsed);
            if (Environment.GetEnvironmentVariable("NAB_DETAIL") == "1")
            {
                NabDetail.Print(series, scores, NabScorer.Sweep(series, scores, profiles[0]).Threshold);
            }
        }

        double[] last = [];
        var lastName = "";
        var ours = only?.StartsWith("custom:", StringComparison.Ordinal) == true
            ? [new(only, OurDetectors.Parse(only))]
            : only?.StartsWith(NoveltySpec.Prefix, StringComparison.Ordinal) == true
            ? [new(only, NoveltySpec.Parse(only))]
            : only?.StartsWith(ArtSpec.Prefix, StringComparison.Ordinal) == true
            ? [new(only, ArtSpec.Parse(only))]
            : OurDetectors.All.Where(d => only is null || d.Key == only);
        foreach (var (name, run) in ours)
        {
            var watch = Stopwatch.StartNew();
            var scores = series.AsParallel().AsOrdered().Select(run).ToArray();
            last = bounds.Score(series, scores);
            lastName = name;
            Print(name, last, watch.Elapsed);
            if (Environment.GetEnvironmentVariable("NAB_DETAIL") == "1")
            {
                var threshold = NabScorer.Sweep(series, scores, profiles[0]).Threshold;
                NabDetail.Print(series, scores, threshold);
            }
        }

        if (last.Length > 0)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"nab {lastName}: standard {last[0]:F1}, reward_low_FP_rate {last[1]:F1}, reward_low_FN_rate {last[2]:F1}"));
        }

        return Task.FromResult(0);
    }

    /// <summary>
    /// Keeps the series at even (<paramref name="half"/> 0) or odd (1) positions in name order
    /// within each group, so both halves draw on every group.
    /// </summary>
    private static NabSeries[] SelectHalf(IReadOnlyList<NabSeries> series, int half) =>
        series
            .GroupBy(s => Path.GetDirectoryName(s.Name) ?? "", StringComparer.Ordinal)
            .SelectMany(group => group.OrderBy(s => s.Name, StringComparer.Ordinal).Where((_, index) => index % 2 == half))
            .ToArray();

    private static void Print(string name, double[] normalised, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-30} {normalised[0],9:F1} {normalised[1],9:F1} {normalised[2],9:F1}  {elapsed.TotalSeconds,8:F1}"));

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
