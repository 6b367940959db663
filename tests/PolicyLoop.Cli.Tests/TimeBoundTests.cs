namespace PolicyLoop.Cli.Tests;

public sealed class TimeBoundTests
{
    private static readonly DateTime Latest = new(2015, 5, 20, 21, 5, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("24h", "2015-05-19T21:05:00Z")]
    [InlineData("90s", "2015-05-20T21:03:30Z")]
    [InlineData("2d", "2015-05-18T21:05:00Z")]
    [InlineData("2015-05-18T00:00:00Z", "2015-05-18T00:00:00Z")]
    [InlineData("2015-05-18T02:00:00+02:00", "2015-05-18T00:00:00Z")]
    public void Parse_TimeOrDuration_ReturnsUtcTime(string text, string expected)
    {
        var parsed = TimeBound.Parse(text, "--since", () => Latest, "the latest stored event");

        parsed.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
    }

    [Fact]
    public void Parse_DurationWithoutAnchor_ReturnsNull()
    {
        TimeBound.Parse("24h", "--since", () => null, "the latest stored event").ShouldBeNull();
    }

    [Fact]
    public void Parse_Empty_ReturnsNullWithoutAskingForTheAnchor()
    {
        TimeBound.Parse(null, "--since", () => throw new InvalidOperationException("anchor read"), "x").ShouldBeNull();
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("24x")]
    [InlineData("h")]
    public void Parse_Invalid_RaisesUsageErrorNamingTheValue(string text)
    {
        var error = Should.Throw<UsageException>(() => TimeBound.Parse(text, "--until", () => Latest, "the latest stored event"));

        error.Message.ShouldContain($"invalid --until '{text}'");
        error.Message.ShouldContain("such as 24h before the latest stored event");
    }
}
