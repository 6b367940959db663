namespace PolicyLoop.Ingest.Tests;

public sealed class TimestampsTests
{
    [Theory]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("-Infinity")]
    [InlineData("NaN")]
    public void TryParse_NonFiniteNumber_ReturnsFalse(string text)
    {
        // Before the fix, infinity looped forever while its unit was scaled down.
        var parsed = Task.Run(() => Timestamps.TryParse(text, out _)).Wait(TimeSpan.FromSeconds(5), out var result);

        parsed.ShouldBeTrue("TryParse did not return within 5 seconds");
        result.ShouldBeFalse();
    }

    [Theory]
    [InlineData("1793696462", 2026, 11, 3, 9, 1, 2, 0)]
    [InlineData("1793696462481", 2026, 11, 3, 9, 1, 2, 481)]
    [InlineData("Tue Nov  3 09:14:22 2026", 2026, 11, 3, 9, 14, 22, 0)]
    [InlineData("2026-11-03T10:14:22.5+01:00", 2026, 11, 3, 9, 14, 22, 500)]
    public void TryParse_KnownForm_ReturnsUtc(string text, int year, int month, int day, int hour, int minute,
        int second, int millisecond)
    {
        Timestamps.TryParse(text, out var utc).ShouldBeTrue();

        utc.ShouldBe(new DateTime(year, month, day, hour, minute, second, millisecond, DateTimeKind.Utc));
    }

    [Fact]
    public void TryFromEpochSeconds_Negative_ReturnsFalse() =>
        Timestamps.TryFromEpochSeconds(-1, out _).ShouldBeFalse();
}
