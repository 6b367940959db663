using FsCheck;
using FsCheck.Fluent;
using PolicyLoop.Analysis.Review;

namespace PolicyLoop.Analysis.Tests.Review;

/// <summary>
/// Compares the closed-form Wilson interval with a slow reference that finds the interval's
/// bounds by bisection on its definition: the shares p with (observed - p)² ≤ z² p (1 - p) / n.
/// </summary>
public sealed class WilsonIntervalTests
{
    private static bool Inside(double p, double observed, long n) =>
        (observed - p) * (observed - p) <= WilsonInterval.Z95 * WilsonInterval.Z95 * p * (1 - p) / n;

    private static double Bisect(double inside, double outside, double observed, long n)
    {
        for (var i = 0; i < 200; i++)
        {
            var middle = (inside + outside) / 2;
            if (Inside(middle, observed, n))
            {
                inside = middle;
            }
            else
            {
                outside = middle;
            }
        }

        return inside;
    }

    private static (double Low, double High) Reference(long successes, long n)
    {
        var observed = (double)successes / n;
        var low = Inside(0, observed, n) ? 0 : Bisect(observed, 0, observed, n);
        var high = Inside(1, observed, n) ? 1 : Bisect(observed, 1, observed, n);
        return (low, high);
    }

    [Fact]
    public void Of_RandomCounts_MatchesBisectionReference()
    {
        var cases = from n in Gen.Choose(1, 5000)
                    from successes in Gen.Choose(0, n)
                    select (successes, n);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (low, high) = WilsonInterval.Of(c.successes, c.n);
            var reference = Reference(c.successes, c.n);
            return Math.Abs(low - reference.Low) < 1e-9 && Math.Abs(high - reference.High) < 1e-9;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Of_NoTrials_IsWholeRange()
    {
        WilsonInterval.Of(0, 0).ShouldBe((0, 1));
    }

    [Fact]
    public void Of_KnownCase_MatchesPublishedValue()
    {
        // With no successes the upper bound is (z²/n) / (1 + z²/n): 0.38415 / 1.38415 = 0.2775 for n = 10.
        var (low, high) = WilsonInterval.Of(0, 10);

        low.ShouldBe(0);
        high.ShouldBe(0.2775, 0.0001);
    }

    [Fact]
    public void TrialsForMargin_RandomShares_IsSmallestWideEnough()
    {
        var cases = from share in Gen.Choose(0, 100).Select(i => i / 100.0)
                    from margin in Gen.Choose(2, 30).Select(i => i / 100.0)
                    from population in Gen.Choose(1, 3000)
                    select (share, margin, population);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var trials = WilsonInterval.TrialsForMargin(c.share, c.margin, c.population);
            var reference = Enumerable.Range(1, c.population)
                .FirstOrDefault(n => WilsonInterval.HalfWidth(c.share, n) <= c.margin, c.population);
            return trials == reference;
        }).QuickCheckThrowOnFailure();
    }
}
