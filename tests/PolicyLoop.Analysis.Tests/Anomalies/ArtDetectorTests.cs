using FsCheck;
using FsCheck.Fluent;
using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Analysis.Tests.Anomalies;

public sealed class ArtDetectorTests
{
    /// <summary>A daily-like wave of 288 points with a little noise that repeats with it.</summary>
    private static double Wave(int i) => 50 + (20 * Math.Sin(2 * Math.PI * i / 288)) + ((i % 288 * 7919 % 13) / 13.0);

    /// <summary>A detector for values between 0 and 200 with a probationary period of 600 rows.</summary>
    private static ArtDetector Create(ArtDetectorOptions? options = null, int probation = 600) =>
        new(options ?? new ArtDetectorOptions(), 0, 200, probation);

    [Fact]
    public void Constructor_DefaultOptions_SetsBlockLengthFromProbation()
    {
        // 600 probation rows / (8 blocks per window * 15 windows per probation) = 5 rows per block.
        Create().BlockLength.ShouldBe(5);
        Create(probation: 50).BlockLength.ShouldBe(1);
    }

    [Fact]
    public void Observe_SpikeAfterRegularHistory_ScoresHighestThere()
    {
        var detector = Create();
        var scores = Enumerable.Range(0, 3000).Select(i => detector.Observe(i == 2500 ? 200 : Wave(i))).ToArray();

        var late = scores.Skip(1500).ToArray();
        scores[2500].ShouldBeGreaterThan(0);
        Array.IndexOf(late, late.Max()).ShouldBe(1000);
    }

    [Fact]
    public void Observe_RepeatedRegularPattern_EndsWithoutScores()
    {
        var detector = Create();

        var scores = Enumerable.Range(0, 3000).Select(i => detector.Observe(Wave(i))).ToArray();

        scores.Skip(1000).Max().ShouldBe(0);
        detector.CategoryCount.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Observe_LevelShift_ScoresAtTheShift()
    {
        var detector = Create();
        var scores = Enumerable.Range(0, 4000).Select(i => detector.Observe(Wave(i) + (i >= 3000 ? 40 : 0))).ToArray();

        scores.Skip(3000).Take(40).Max().ShouldBeGreaterThan(0);
        scores.Skip(2000).Take(900).Max().ShouldBe(0);
    }

    [Fact]
    public void Observe_Probation_ScoresZeroEvenForASpike()
    {
        var detector = Create();

        var scores = Enumerable.Range(0, 600).Select(i => detector.Observe(i == 500 ? 200 : Wave(i))).ToArray();

        scores.ShouldAllBe(s => s == 0);
    }

    [Fact]
    public void Observe_Cooldown_KeepsOnlyFarHigherScores()
    {
        var options = new ArtDetectorOptions { Cooldown = 2, CooldownFactor = 1.5 };
        var plain = Create(options with { Cooldown = 0 }, probation: 0);
        var cooled = Create(options, probation: 0);
        var values = Enumerable.Range(0, 3000).Select(i => Wave(i) + (i % 400 == 399 ? 60 + (i / 100) : 0)).ToArray();

        var raw = values.Select(plain.Observe).ToArray();
        var reported = values.Select(cooled.Observe).ToArray();

        // With no probation the block length is 1, so the cooldown spans 2 windows of 8 rows.
        for (var i = 0; i < raw.Length; i++)
        {
            var before = raw[Math.Max(0, i - 16)..i].DefaultIfEmpty(0).Max();
            reported[i].ShouldBe(raw[i] > 1.5 * before ? raw[i] : 0, $"point {i}");
        }

        reported.Count(s => s > 0).ShouldBeLessThan(raw.Count(s => s > 0));
    }

    [Fact]
    public void Observe_MissingValues_ScoreZeroAndChangeNothing()
    {
        var withGaps = Create();
        var without = Create();

        for (var i = 0; i < 1500; i++)
        {
            withGaps.Observe(double.NaN).ShouldBe(0);
            var value = i == 1200 ? 150 : Wave(i);
            withGaps.Observe(value).ShouldBe(without.Observe(value), $"point {i}");
        }
    }

    [Fact]
    public void Observe_AnySeries_ScoresFiniteNonNegative() =>
        Prop.ForAll(
            Gen.Choose(-1000, 1000).Select(v => v / 7.0).ArrayOf().ToArbitrary(),
            values =>
            {
                var detector = new ArtDetector(new ArtDetectorOptions(), -100, 100, 20);
                return values.Select(detector.Observe).All(s => double.IsFinite(s) && s >= 0);
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Observe_FlatSeries_NeverScores()
    {
        var detector = new ArtDetector(new ArtDetectorOptions(), 5, 5, 100);

        Enumerable.Range(0, 1000).Select(_ => detector.Observe(5)).ShouldAllBe(s => s == 0);
    }

    [Fact]
    public void Constructor_InvalidInputRange_Throws()
    {
        Should.Throw<ArgumentException>(() => new ArtDetector(new ArtDetectorOptions(), 10, 0, 100));
        Should.Throw<ArgumentException>(() => new ArtDetector(new ArtDetectorOptions(), double.NaN, 1, 100));
    }

    [Fact]
    public void Constructor_CooldownFactorBelowOne_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Create(new ArtDetectorOptions { CooldownFactor = 0.5 }));
}
