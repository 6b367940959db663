namespace PolicyLoop.Bench.Nab;

/// <summary>
/// NAB's scoring, implemented from its published description. Rows in the probationary period are
/// ignored. In each window only the earliest detection counts, weighted by a scaled sigmoid of its
/// position so that the left edge earns the full true-positive weight and the right edge almost
/// nothing; a window without detection costs the false-negative weight. A detection outside every
/// window costs the false-positive weight times the sigmoid of its distance past the preceding
/// window, in window lengths (the full weight before the first window and beyond three lengths).
/// The threshold is chosen to maximise the raw score summed over the corpus.
/// </summary>
internal static class NabScorer
{
    /// <summary>The result of the threshold sweep: the best raw score and the threshold that reached it.</summary>
    public readonly record struct SweepResult(double RawScore, double Threshold);

    /// <summary>Sweeps the threshold over every distinct score and returns the best corpus total.</summary>
    public static SweepResult Sweep(IReadOnlyList<NabSeries> series, IReadOnlyList<double[]> scores, NabProfile profile)
    {
        var points = new List<ScoredRow>();
        var windowCount = 0;
        for (var s = 0; s < series.Count; s++)
        {
            AddRows(series[s], scores[s], profile, windowCount, points);
            windowCount += series[s].Windows.Length;
        }

        points.Sort((a, b) => b.Score.CompareTo(a.Score));
        return SweepSorted(points, windowCount, profile);
    }

    /// <summary>Normalises a raw score between the null detector (0) and the perfect detector (100).</summary>
    public static double Normalise(double raw, double nullRaw, double perfectRaw) =>
        100 * (raw - nullRaw) / (perfectRaw - nullRaw);

    /// <summary>Scores of the null detector: 0 everywhere.</summary>
    public static double[] NullScores(NabSeries series) => new double[series.Times.Length];

    /// <summary>Scores of the perfect detector: 1 on the first row of each window, 0 elsewhere.</summary>
    public static double[] PerfectScores(NabSeries series)
    {
        var scores = new double[series.Times.Length];
        foreach (var window in series.Windows)
        {
            scores[window.First] = 1;
        }

        return scores;
    }

    /// <summary>NAB's scaled sigmoid: 2 * sigmoid(-5x) - 1, and -1 beyond x = 3.</summary>
    public static double ScaledSigmoid(double x) => x > 3 ? -1 : (2 / (1 + Math.Exp(5 * x))) - 1;

    private static void AddRows(NabSeries series, double[] scores, NabProfile profile, int windowBase, List<ScoredRow> points)
    {
        if (scores.Length != series.Times.Length)
        {
            throw new InvalidDataException($"{series.Name}: {scores.Length} scores for {series.Times.Length} rows");
        }

        var next = 0;
        NabWindow? previous = null;
        for (var i = 0; i < scores.Length; i++)
        {
            while (next < series.Windows.Length && series.Windows[next].Last < i)
            {
                previous = series.Windows[next++];
            }

            if (i < series.Probation)
            {
                continue;
            }

            var inWindow = next < series.Windows.Length && series.Windows[next].First <= i;
            points.Add(inWindow
                ? new ScoredRow(scores[i], windowBase + next, TruePositiveWeight(series.Windows[next], i, profile))
                : new ScoredRow(scores[i], -1, FalsePositiveWeight(previous, i, profile)));
        }
    }

    private static double TruePositiveWeight(NabWindow window, int row, NabProfile profile)
    {
        var position = -(double)(window.Last - row + 1) / window.Length;
        return profile.TpWeight * ScaledSigmoid(position) / ScaledSigmoid(-1);
    }

    private static double FalsePositiveWeight(NabWindow? previous, int row, NabProfile profile)
    {
        if (previous is not { } window)
        {
            return -profile.FpWeight;
        }

        var position = Math.Abs(row - window.Last) / Math.Max(1.0, window.Length - 1);
        return profile.FpWeight * ScaledSigmoid(position);
    }

    private static SweepResult SweepSorted(List<ScoredRow> points, int windowCount, NabProfile profile)
    {
        var windowBest = new double[windowCount];
        Array.Fill(windowBest, double.NaN);
        var total = -profile.FnWeight * windowCount;
        var best = new SweepResult(total, double.PositiveInfinity);
        for (var i = 0; i < points.Count;)
        {
            var threshold = points[i].Score;
            for (; i < points.Count && points[i].Score == threshold; i++)
            {
                total += Gain(points[i], windowBest, profile);
            }

            if (total > best.RawScore)
            {
                best = new SweepResult(total, threshold);
            }
        }

        return best;
    }

    private static double Gain(ScoredRow row, double[] windowBest, NabProfile profile)
    {
        if (row.Window < 0)
        {
            return row.Weight;
        }

        // The earliest detection has the highest weight, so the window keeps the largest weight seen.
        var current = windowBest[row.Window];
        if (double.IsNaN(current))
        {
            windowBest[row.Window] = row.Weight;
            return row.Weight + profile.FnWeight;
        }

        if (row.Weight <= current)
        {
            return 0;
        }

        windowBest[row.Window] = row.Weight;
        return row.Weight - current;
    }

    private readonly record struct ScoredRow(double Score, int Window, double Weight);
}
