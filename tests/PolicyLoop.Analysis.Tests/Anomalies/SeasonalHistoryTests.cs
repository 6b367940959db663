using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Analysis.Tests.Anomalies;

public sealed class SeasonalHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Expect_NoHistory_ReturnsNone()
    {
        var history = new SeasonalHistory(new SeasonalHistoryOptions());

        history.Expect(Start).HasHistory.ShouldBeFalse();
    }

    [Fact]
    public void Expect_ShortHistory_UsesTrailingMedian()
    {
        var history = new SeasonalHistory(new SeasonalHistoryOptions { TrailingBuckets = 5 });
        double[] values = [100, 1, 2, 3, 4, 5];
        for (var i = 0; i < values.Length; i++)
        {
            history.Add(Start.AddMinutes(5 * i), values[i]);
        }

        var expected = history.Expect(Start.AddMinutes(30));

        expected.Seasonal.ShouldBeFalse();
        expected.Support.ShouldBe(5);
        expected.Median.ShouldBe(3);
    }

    [Fact]
    public void Expect_ThreeWeeksOfHistory_UsesSameHourOfWeek()
    {
        var history = new SeasonalHistory(new SeasonalHistoryOptions { BucketWidth = TimeSpan.FromHours(1) });
        var hours = 24 * 7 * 3;
        for (var i = 0; i < hours; i++)
        {
            // Monday 09:00 is busy every week, the rest is quiet.
            var time = Start.AddHours(i);
            history.Add(time, time.DayOfWeek == DayOfWeek.Monday && time.Hour == 9 ? 50 : 1);
        }

        var expected = history.Expect(Start.AddHours(hours + 9));

        expected.Seasonal.ShouldBeTrue();
        expected.Median.ShouldBe(1);
        history.Expect(Start.AddHours(hours + 9)).Support.ShouldBe(9);
    }

    [Fact]
    public void Expect_ConstantValues_SpreadHasRelativeFloor()
    {
        var history = new SeasonalHistory(new SeasonalHistoryOptions());
        for (var i = 0; i < 100; i++)
        {
            history.Add(Start.AddMinutes(5 * i), 200);
        }

        history.Expect(Start.AddMinutes(500)).Spread.ShouldBe(2);
    }
}
