using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Analysis.Tests.Anomalies;

public sealed class FuzzyArtTests
{
    private static double[] Code(params double[] features) => [.. features, .. features.Select(f => 1 - f)];

    [Fact]
    public void Distance_NoCategory_IsOne() =>
        new FuzzyArt(0.01).Distance(Code(0.5, 0.5)).ShouldBe(1);

    [Fact]
    public void Learn_CloseInputs_ShareOneGrowingBox()
    {
        var memory = new FuzzyArt(0.01);

        memory.Learn(Code(0.2, 0.4), 0.9).ShouldBeTrue();
        memory.Learn(Code(0.3, 0.5), 0.9).ShouldBeFalse();

        memory.Count.ShouldBe(1);
        memory.Distance(Code(0.25, 0.45)).ShouldBe(0);
        memory.Distance(Code(0.6, 0.5)).ShouldBe(0.15, 1e-12);
    }

    [Fact]
    public void Learn_InputBelowVigilance_CreatesCategory()
    {
        var memory = new FuzzyArt(0.01);
        memory.Learn(Code(0.1, 0.1), 0.9);

        // The box would have to grow by 0.8 in each feature, a match of 1 - 0.8 = 0.2 < 0.9.
        memory.Learn(Code(0.9, 0.9), 0.9).ShouldBeTrue();

        memory.Count.ShouldBe(2);
        memory.Distance(Code(0.9, 0.9)).ShouldBe(0);
    }

    [Fact]
    public void Distance_OneBox_MatchesL1Reference()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var a = new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() };
            var b = new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() };
            var x = new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() };
            var memory = new FuzzyArt(0.01);
            memory.Learn(Code(a), 0);
            memory.Learn(Code(b), 0);

            // Fast learning makes the box span a and b. The reference sums how far x lies outside it.
            var expected = Enumerable.Range(0, 3).Sum(k =>
                Math.Max(0, Math.Min(a[k], b[k]) - x[k]) + Math.Max(0, x[k] - Math.Max(a[k], b[k]))) / 3;
            memory.Distance(Code(x)).ShouldBe(expected, 1e-12, $"trial {trial}");
        }
    }
}
