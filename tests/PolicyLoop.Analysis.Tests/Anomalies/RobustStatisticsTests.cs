using FsCheck;
using FsCheck.Fluent;
using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Analysis.Tests.Anomalies;

public sealed class RobustStatisticsTests
{
    [Fact]
    public void MedianAndMad_OddCount_ReturnsMiddleValues()
    {
        double[] values = [5, 1, 9, 2, 100];

        var (median, mad) = RobustStatistics.MedianAndMad(values, new double[values.Length]);

        median.ShouldBe(5);
        mad.ShouldBe(4);
    }

    [Fact]
    public void MedianInPlace_EvenCount_AveragesMiddlePair()
    {
        double[] values = [4, 1, 3, 2];

        RobustStatistics.MedianInPlace(values).ShouldBe(2.5);
    }

    [Fact]
    public void MedianInPlace_Empty_ReturnsNaN()
    {
        RobustStatistics.MedianInPlace([]).ShouldBe(double.NaN);
    }

    [Fact]
    public void MedianInPlace_AnyValues_MatchesSortedReference()
    {
        Prop.ForAll<NormalFloat[]>(input =>
        {
            var values = input.Select(v => v.Get).ToArray();
            if (values.Length == 0)
            {
                return true;
            }

            var sorted = values.Order().ToArray();
            var n = sorted.Length;
            var expected = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
            return RobustStatistics.MedianInPlace(values.ToArray()) == expected;
        }).QuickCheckThrowOnFailure();
    }
}
