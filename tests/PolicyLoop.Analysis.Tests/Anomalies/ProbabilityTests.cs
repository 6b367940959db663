using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Analysis.Tests.Anomalies;

public sealed class ProbabilityTests
{
    // Alert reasons printed "7.0E-006" and "0.0E+000" before: .NET's E format, unreadable and wrong for zero.
    [Theory]
    [InlineData(0.034, "0.034")]
    [InlineData(0.001, "0.001")]
    [InlineData(7e-6, "7.0e-6")]
    [InlineData(1.23e-45, "1.2e-45")]
    [InlineData(0.0, "below 1e-300")]
    public void Format_ReadableForEveryMagnitude(double p, string expected) =>
        Probability.Format(p).ShouldBe(expected);
}
