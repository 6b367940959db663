using System.Globalization;

namespace PolicyLoop.Bench.Nab;

/// <summary>
/// Prints, per series, what a detector did at a threshold: the first detection in each window (as
/// its relative position) and the detections outside windows. For studying a detector, not scoring.
/// </summary>
internal static class NabDetail
{
    public static void Print(IReadOnlyList<NabSeries> series, IReadOnlyList<double[]> scores, double threshold)
    {
        for (var s = 0; s < series.Count; s++)
        {
            var one = series[s];
            var windows = new List<string>();
            foreach (var window in one.Windows)
            {
                var first = Enumerable.Range(window.First, window.Last - window.First + 1)
                    .Where(i => i >= one.Probation && scores[s][i] >= threshold)
                    .DefaultIfEmpty(-1)
                    .First();
                var best = Enumerable.Range(window.First, window.Last - window.First + 1)
                    .Where(i => i >= one.Probation).Select(i => scores[s][i]).DefaultIfEmpty(0).Max();
                windows.Add(first < 0 ? $"miss({best / threshold:F2})" : ((double)(first - window.First) / window.Length).ToString("F2", CultureInfo.InvariantCulture));
            }

            var falsePositives = Enumerable.Range(one.Probation, one.Values.Length - one.Probation)
                .Count(i => scores[s][i] >= threshold && !one.Windows.Any(w => w.First <= i && i <= w.Last));
            var fpScores = Enumerable.Range(one.Probation, one.Values.Length - one.Probation)
                .Where(i => scores[s][i] >= threshold && !one.Windows.Any(w => w.First <= i && i <= w.Last))
                .Select(i => $"{i}:{scores[s][i] / threshold:F2}");
            Console.WriteLine($"  {one.Name,-60} n={one.Values.Length} p={one.Probation} windows [{string.Join(' ', windows)}] fp {falsePositives} {string.Join(' ', fpScores)}");
        }
    }
}
