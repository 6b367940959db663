using PolicyLoop.Analysis.Forensics;

namespace PolicyLoop.Analysis.Tests.Forensics;

public sealed class BucketWidthTests
{
    [Theory]
    [InlineData(60, 1)]
    [InlineData(3 * 24 * 60, 60)]
    [InlineData(4 * 60, 5)]
    public void For_Span_GivesAtMost240Buckets(int spanMinutes, int expectedMinutes) =>
        BucketWidth.For(TimeSpan.FromMinutes(spanMinutes)).ShouldBe(TimeSpan.FromMinutes(expectedMinutes));

    [Fact]
    public void Floor_Time_AlignsToWidthFromEpoch()
    {
        var time = new DateTime(2015, 5, 17, 10, 7, 31, DateTimeKind.Utc);

        BucketWidth.Floor(time, TimeSpan.FromMinutes(5)).ShouldBe(new DateTime(2015, 5, 17, 10, 5, 0, DateTimeKind.Utc));
        BucketWidth.Floor(time, TimeSpan.FromHours(1)).ShouldBe(new DateTime(2015, 5, 17, 10, 0, 0, DateTimeKind.Utc));
    }
}
