namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// A risk ratio with a 95% confidence interval by the log (Katz) method:
/// exp(ln RR ± 1.96 · sqrt(1/a − 1/(a+b) + 1/c − 1/(c+d))), where a and b count target and comparison events
/// inside the segment and c and d outside it. When a cell is zero, 0.5 is added to every cell (Haldane's
/// correction), so a segment with no comparison events gets a large but finite ratio.
/// </summary>
public sealed record RiskRatio(double Value, double Low, double High)
{
    private const double Z95 = 1.959964;

    public static RiskRatio None { get; } = new(0, 0, 0);

    /// <summary>Computes the ratio from the segment's and the groups' counts.</summary>
    public static RiskRatio Of(long target, long comparison, long targetTotal, long comparisonTotal)
    {
        double a = target;
        double b = comparison;
        double c = targetTotal - target;
        double d = comparisonTotal - comparison;
        if (a + b == 0 || c + d == 0)
        {
            return None;
        }

        if (a == 0 || b == 0 || c == 0 || d == 0)
        {
            a += 0.5;
            b += 0.5;
            c += 0.5;
            d += 0.5;
        }

        var ratio = a / (a + b) / (c / (c + d));
        var error = Math.Sqrt((1 / a) - (1 / (a + b)) + (1 / c) - (1 / (c + d)));
        var log = Math.Log(ratio);
        return new RiskRatio(ratio, Math.Exp(log - (Z95 * error)), Math.Exp(log + (Z95 * error)));
    }
}
