namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// Exact one-sided binomial tests of an observed count of rejects against an expected rate. Rates
/// are clamped to [1e-6, 1 - 1e-6], so that a zero baseline still gives a defined probability.
/// </summary>
public static class BinomialTest
{
    private const double MinRate = 1e-6;

    /// <summary>P(X &gt;= <paramref name="rejects"/>) for X ~ Binomial(<paramref name="total"/>, <paramref name="rate"/>).</summary>
    public static double UpperTail(long rejects, long total, double rate)
    {
        if (rejects <= 0)
        {
            return 1;
        }

        if (rejects > total)
        {
            return 0;
        }

        var p = Math.Clamp(rate, MinRate, 1 - MinRate);
        var term = Math.Exp(LogProbability(rejects, total, p));
        var sum = 0.0;
        for (var k = rejects; k <= total && term > sum * 1e-15; k++)
        {
            sum += term;
            term *= (double)(total - k) / (k + 1) * p / (1 - p);
        }

        return Math.Min(1, sum);
    }

    /// <summary>P(X &lt;= <paramref name="rejects"/>) for X ~ Binomial(<paramref name="total"/>, <paramref name="rate"/>).</summary>
    public static double LowerTail(long rejects, long total, double rate)
    {
        if (rejects >= total)
        {
            return 1;
        }

        var p = Math.Clamp(rate, MinRate, 1 - MinRate);
        var term = Math.Exp(LogProbability(rejects, total, p));
        var sum = 0.0;
        for (var k = rejects; k >= 0 && term > sum * 1e-15; k--)
        {
            sum += term;
            term *= k / (double)(total - k + 1) * (1 - p) / p;
        }

        return Math.Min(1, sum);
    }

    /// <summary>The probability of zero rejects in <paramref name="total"/> events at <paramref name="rate"/>.</summary>
    public static double ProbabilityOfNone(long total, double rate) =>
        Math.Exp(total * Math.Log(1 - Math.Clamp(rate, 0, 1 - 1e-12)));

    /// <summary>log P(X = k), with the binomial coefficient summed in logs (O(min(k, n - k)) steps).</summary>
    private static double LogProbability(long k, long n, double p)
    {
        var smaller = Math.Min(k, n - k);
        var logChoose = 0.0;
        for (var i = 1L; i <= smaller; i++)
        {
            logChoose += Math.Log((double)(n - smaller + i) / i);
        }

        return logChoose + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p));
    }
}
