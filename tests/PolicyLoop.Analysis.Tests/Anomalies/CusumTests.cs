using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Analysis.Tests.Anomalies;

public sealed class CusumTests
{
    [Fact]
    public void Update_SustainedUpwardShift_SignalsWithinFewSteps()
    {
        var cusum = new Cusum(new CusumOptions());

        var steps = Enumerable.Range(1, 10).First(_ => cusum.Update(2.0) >= 1);

        steps.ShouldBe(4);
        cusum.Upper.ShouldBe(0);
    }

    [Fact]
    public void Update_SustainedDrop_ReturnsNegativeStrength()
    {
        var cusum = new Cusum(new CusumOptions());

        var strengths = Enumerable.Range(0, 4).Select(_ => cusum.Update(-2.0)).ToArray();

        strengths[^1].ShouldBeLessThanOrEqualTo(-1);
    }

    [Fact]
    public void Update_NoiseWithinSlack_NeverSignals()
    {
        var cusum = new Cusum(new CusumOptions());

        var strengths = Enumerable.Range(0, 1000).Select(i => cusum.Update(i % 2 == 0 ? 0.4 : -0.4)).ToArray();

        strengths.Max(Math.Abs).ShouldBeLessThan(1);
    }

    [Fact]
    public void Update_SingleHugeSpike_IsClippedBelowThreshold()
    {
        var cusum = new Cusum(new CusumOptions());

        cusum.Update(1000).ShouldBeLessThan(1);
    }
}
