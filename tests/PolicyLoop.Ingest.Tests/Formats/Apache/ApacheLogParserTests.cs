using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Apache;

namespace PolicyLoop.Ingest.Tests.Formats.Apache;

public sealed class ApacheLogParserTests
{
    private const string Combined =
        "83.149.9.216 - - [17/May/2015:10:05:03 +0000] \"GET /images/kibana.png?x=1 HTTP/1.1\" 200 203023 "
        + "\"http://semicomplete.com/\" \"Mozilla/5.0 (Macintosh)\"";

    private static ParseOutcome Parse(string line) =>
        new ApacheLogParser().Parse(
            new RawRecord(ReadOnlyMemory<byte>.Empty, new RecordLocation("access.log", 1, 0), line.Length),
            line,
            InputIdentity.FromPrefix("access.log", "first line"u8));

    [Fact]
    public void Parse_CombinedLine_FillsRequestFields()
    {
        var e = Parse(Combined).Event.ShouldNotBeNull();

        e.ClientIp.ShouldBe("83.149.9.216");
        e.Time.ShouldBe(new DateTime(2015, 5, 17, 10, 5, 3, DateTimeKind.Utc));
        e.Method.ShouldBe("GET");
        e.Path.ShouldBe("/images/kibana.png");
        e.Query.ShouldBe("x=1");
        e.Status.ShouldBe(200);
        e.Bytes.ShouldBe(203023);
        e.Referer.ShouldBe("http://semicomplete.com/");
        e.UserAgent.ShouldBe("Mozilla/5.0 (Macintosh)");
        e.Decision.ShouldBe(Decision.Allow);
        e.Lenient.ShouldBeFalse();
        e.Raw.ShouldBe(Combined);
    }

    [Fact]
    public void Parse_TimeWithOffset_ConvertsToUtc()
    {
        var line = "10.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a HTTP/1.0\" 200 2326";

        var e = Parse(line).Event.ShouldNotBeNull();

        e.Time.ShouldBe(new DateTime(2000, 10, 10, 20, 55, 36, DateTimeKind.Utc));
        e.UserId.ShouldBe("frank");
        e.UserAgent.ShouldBeNull();
    }

    [Fact]
    public void Parse_UserAgentMissingClosingQuote_AcceptsLeniently()
    {
        var line = "46.118.127.106 - - [20/May/2015:12:05:17 +0000] \"GET /a.py HTTP/1.1\" 200 235 \"-\" "
            + "\"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html";

        var e = Parse(line).Event.ShouldNotBeNull();

        e.Lenient.ShouldBeTrue();
        e.UserAgent.ShouldBe("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html");
        e.Referer.ShouldBeNull();
    }

    [Theory]
    [InlineData(401, Decision.Deny)]
    [InlineData(403, Decision.Deny)]
    [InlineData(429, Decision.Throttle)]
    [InlineData(500, Decision.Error)]
    [InlineData(503, Decision.Error)]
    [InlineData(404, Decision.Allow)]
    [InlineData(200, Decision.Allow)]
    public void DecisionFor_Status_MapsToDecision(int status, Decision expected) =>
        ApacheLogParser.DecisionFor(status).ShouldBe(expected);

    [Theory]
    [InlineData("garbage", "expected client address")]
    [InlineData("1.2.3.4 - - 17/May/2015 \"GET / HTTP/1.1\" 200 1", "missing [time]")]
    [InlineData("1.2.3.4 - - [yesterday] \"GET / HTTP/1.1\" 200 1", "unparseable time \"yesterday\"")]
    [InlineData("1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" OK 1", "invalid status \"OK\"")]
    [InlineData("1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 many", "invalid size \"many\"")]
    public void Parse_MalformedLine_FailsWithReason(string line, string reasonPart)
    {
        var outcome = Parse(line);

        outcome.Event.ShouldBeNull();
        outcome.Error.ShouldNotBeNull().ShouldContain(reasonPart);
    }
}
