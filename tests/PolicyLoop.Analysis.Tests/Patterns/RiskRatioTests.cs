using PolicyLoop.Analysis.Patterns;

namespace PolicyLoop.Analysis.Tests.Patterns;

public sealed class RiskRatioTests
{
    [Fact]
    public void Of_Counts_MatchesTheLogMethod()
    {
        // a=40 of 50 in the segment are targets; c=60 of 1,000 outside: RR = 0.8 / 0.06.
        var ratio = RiskRatio.Of(target: 40, comparison: 10, targetTotal: 100, comparisonTotal: 950);

        ratio.Value.ShouldBe(0.8 / 0.06, 1e-9);
        var error = Math.Sqrt((1.0 / 40) - (1.0 / 50) + (1.0 / 60) - (1.0 / 1000));
        ratio.Low.ShouldBe(ratio.Value * Math.Exp(-1.959964 * error), 1e-9);
        ratio.High.ShouldBe(ratio.Value * Math.Exp(1.959964 * error), 1e-9);
    }

    [Fact]
    public void Of_NoComparisonEvents_StaysFinite()
    {
        var ratio = RiskRatio.Of(target: 20, comparison: 0, targetTotal: 100, comparisonTotal: 1000);

        double.IsFinite(ratio.Value).ShouldBeTrue();
        ratio.Low.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Of_EveryEventInTheSegment_ReturnsNone()
    {
        RiskRatio.Of(target: 100, comparison: 50, targetTotal: 100, comparisonTotal: 50).ShouldBe(RiskRatio.None);
    }
}
