using FsCheck;
using FsCheck.Fluent;
using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Analysis.Tests.Anomalies;

public sealed class NoveltyDetectorTests
{
    /// <summary>A daily-like wave of 288 points with a little noise that repeats with it.</summary>
    private static double Wave(int i) => 50 + (20 * Math.Sin(2 * Math.PI * i / 288)) + ((i % 288 * 7919 % 13) / 13.0);

    [Fact]
    public void Observe_SpikeAfterLongRegularHistory_ScoresHighestThere()
    {
        var detector = new NoveltyDetector(new NoveltyDetectorOptions());
        var scores = Enumerable.Range(0, 3000).Select(i => detector.Observe(i == 2500 ? 200 : Wave(i))).ToArray();

        var late = scores.Skip(1500).ToArray();
        scores[2500].ShouldBeGreaterThan(0);
        Array.IndexOf(late, late.Max()).ShouldBeInRange(1000, 1003);
    }

    [Fact]
    public void Observe_RepeatedRegularPattern_EndsWithoutScores()
    {
        var detector = new NoveltyDetector(new NoveltyDetectorOptions());

        var scores = Enumerable.Range(0, 6000).Select(i => detector.Observe(Wave(i))).ToArray();

        scores.Skip(4000).Max().ShouldBe(0);
    }

    [Fact]
    public void Observe_LevelShift_IsNewAtTheShift()
    {
        var detector = new NoveltyDetector(new NoveltyDetectorOptions());
        var scores = Enumerable.Range(0, 4000).Select(i => detector.Observe(Wave(i) + (i >= 3000 ? 40 : 0))).ToArray();

        scores.Skip(3000).Take(20).Max().ShouldBeGreaterThan(scores.Skip(2000).Take(900).Max());
    }

    [Fact]
    public void Observe_Cooldown_KeepsOnlyScoresAboveTheCooldownBefore()
    {
        var plain = new NoveltyDetector(new NoveltyDetectorOptions { Cooldown = 0 });
        var cooled = new NoveltyDetector(new NoveltyDetectorOptions { Cooldown = 50 });
        var values = Enumerable.Range(0, 3000).Select(i => Wave(i) + (i % 400 == 399 ? 60 + (i / 100) : 0)).ToArray();

        var raw = values.Select(plain.Observe).ToArray();
        var kept = values.Select(cooled.Observe).ToArray();

        for (var i = 0; i < raw.Length; i++)
        {
            var before = raw[Math.Max(0, i - 50)..i].DefaultIfEmpty(0).Max();
            kept[i].ShouldBe(raw[i] > before ? raw[i] : 0, $"point {i}");
        }

        kept.Count(s => s > 0).ShouldBeLessThan(raw.Count(s => s > 0));
    }

    [Fact]
    public void Observe_MissingValues_ScoreZeroAndChangeNothing()
    {
        var withGaps = new NoveltyDetector(new NoveltyDetectorOptions());
        var without = new NoveltyDetector(new NoveltyDetectorOptions());

        for (var i = 0; i < 500; i++)
        {
            withGaps.Observe(double.NaN).ShouldBe(0);
            withGaps.Observe(Wave(i)).ShouldBe(without.Observe(Wave(i)));
        }
    }

    [Fact]
    public void Observe_AnySeries_ScoresAreFiniteAndNonNegative() =>
        Prop.ForAll(
            Gen.Choose(-1000, 1000).Select(v => v / 7.0).ArrayOf().ToArbitrary(),
            values =>
            {
                var detector = new NoveltyDetector(new NoveltyDetectorOptions { Cooldown = 5 });
                return values.Select(detector.Observe).All(s => double.IsFinite(s) && s >= 0);
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Observe_FixedRangeNoise_StopsScoring()
    {
        // Noise between 40 and 60 falls into 2 or 3 of the 10 levels of 0 to 100, so with the input
        // range every run is seen early. Cut from the range seen so far, the same noise spreads over
        // all 10 levels and still yields new runs much later.
        var fixedRange = new NoveltyDetector(new NoveltyDetectorOptions { Cooldown = 0, InputMin = 0, InputMax = 100 });
        var seenRange = new NoveltyDetector(new NoveltyDetectorOptions { Cooldown = 0 });
        var random = new Random(7);
        var values = Enumerable.Range(0, 2000).Select(_ => 40 + (20 * random.NextDouble())).ToArray();

        var withRange = values.Select(fixedRange.Observe).ToArray();
        var withoutRange = values.Select(seenRange.Observe).ToArray();

        withRange.Skip(1000).Max().ShouldBe(0);
        withoutRange.Skip(1000).Max().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Observe_NewLevelAfterFlat_Scores()
    {
        var detector = new NoveltyDetector(new NoveltyDetectorOptions { InputMin = 0, InputMax = 100 });
        var scores = Enumerable.Range(0, 1000).Select(i => detector.Observe(i == 900 ? 80 : 20)).ToArray();

        scores.Skip(10).Take(890).Max().ShouldBe(0);
        scores[900].ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void Observe_OutsideRange_GetsOwnLevel()
    {
        var detector = new NoveltyDetector(new NoveltyDetectorOptions { InputMin = 0, InputMax = 100 });
        var scores = Enumerable.Range(0, 1000).Select(i => detector.Observe(i == 900 ? 150 : 99)).ToArray();

        scores.Skip(10).Take(890).Max().ShouldBe(0);
        scores[900].ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void Observe_DefaultOptions_SurpriseOnlyOrdersEqualNovelty() =>
        Prop.ForAll(
            Gen.Choose(-1000, 1000).Select(v => v / 7.0).ArrayOf().ToArbitrary(),
            values =>
            {
                // Novelty of the two default quantisers comes in steps of 1/6, and the surprise may
                // raise a score by at most 1%, which never reaches the next step.
                var detector = new NoveltyDetector(new NoveltyDetectorOptions { Cooldown = 0 });
                return values.Select(detector.Observe).All(s =>
                {
                    var step = Math.Floor((s * 6) + 1e-9) / 6;
                    return s >= step - 1e-12 && s <= (step * 1.01) + 1e-12;
                });
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Constructor_InputMinWithoutInputMax_Throws() =>
        Should.Throw<ArgumentException>(() => new NoveltyDetector(new NoveltyDetectorOptions { InputMin = 0 }));

    [Theory]
    [InlineData(10, 5)]
    [InlineData(double.NaN, 5)]
    [InlineData(0, double.PositiveInfinity)]
    public void Constructor_InvalidInputRange_Throws(double min, double max) =>
        Should.Throw<ArgumentException>(() => new NoveltyDetector(new NoveltyDetectorOptions { InputMin = min, InputMax = max }));

    [Fact]
    public void Constructor_NoResolutions_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new NoveltyDetector(new NoveltyDetectorOptions { Resolutions = [] }));
}
