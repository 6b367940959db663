namespace PolicyLoop.Analysis.Review;

/// <summary>
/// The Wilson score interval for a binomial proportion (Wilson, 1927): unlike the normal
/// interval it stays inside [0, 1] and keeps its coverage near 0 and 1, where false-positive
/// shares often sit.
/// </summary>
public static class WilsonInterval
{
    /// <summary>The standard normal quantile for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Returns the interval for <paramref name="successes"/> out of <paramref name="trials"/>; [0, 1] when there are none.</summary>
    public static (double Low, double High) Of(long successes, long trials, double z = Z95)
    {
        if (trials <= 0)
        {
            return (0, 1);
        }

        var n = (double)trials;
        var share = successes / n;
        var (center, half) = CenterAndHalfWidth(share, n, z);
        return (Math.Max(0, center - half), Math.Min(1, center + half));
    }

    /// <summary>Returns the half-width of the interval at a given share and number of trials.</summary>
    public static double HalfWidth(double share, long trials, double z = Z95) =>
        trials <= 0 ? 0.5 : CenterAndHalfWidth(share, trials, z).Half;

    /// <summary>
    /// Returns the smallest number of trials, at most <paramref name="population"/>, whose interval at
    /// <paramref name="share"/> is at most <paramref name="margin"/> either side; the population
    /// when no smaller number reaches it.
    /// </summary>
    public static long TrialsForMargin(double share, double margin, long population, double z = Z95)
    {
        // The half-width falls as trials grow, so a binary search finds the first that is narrow enough.
        long low = 1, high = Math.Max(1, population);
        if (HalfWidth(share, high, z) > margin)
        {
            return high;
        }

        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (HalfWidth(share, middle, z) <= margin)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static (double Center, double Half) CenterAndHalfWidth(double share, double n, double z)
    {
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var center = (share + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((share * (1 - share) / n) + (z2 / (4 * n * n)));
        return (center, half);
    }
}
