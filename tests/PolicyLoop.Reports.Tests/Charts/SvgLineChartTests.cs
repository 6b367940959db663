using PolicyLoop.Reports.Charts;

namespace PolicyLoop.Reports.Tests.Charts;

public sealed class SvgLineChartTests
{
    // A reject rate peaking at 70.91% gave ticks of 17.73%, 35.45%, 53.18% and 70.91%.
    [Theory]
    [InlineData(0.7091, 0.8)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.0137, 0.02)]
    [InlineData(37.0, 40.0)]
    [InlineData(9.0, 10.0)]
    [InlineData(1234.0, 2000.0)]
    public void NiceCeiling_RoundsUpToRoundTicks(double max, double expected) =>
        SvgLineChart.NiceCeiling(max).ShouldBe(expected, tolerance: 1e-12);

    [Fact]
    public void NiceCeiling_NeverBelowTheData()
    {
        for (var max = 0.001; max < 1e6; max *= 1.37)
        {
            var ceiling = SvgLineChart.NiceCeiling(max);
            ceiling.ShouldBeGreaterThanOrEqualTo(max * (1 - 1e-9));
            ceiling.ShouldBeLessThanOrEqualTo(max * 2.5 + 1e-12);
        }
    }
}
