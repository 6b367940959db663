using System.Text;
using System.Text.Json;
using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats;
using PolicyLoop.Ingest.Formats.Jsonl;

namespace PolicyLoop.Ingest.Tests.Formats.Jsonl;

public sealed class EventJsonParserTests
{
    private const string Full = """
        {"event_id":"e-1","time":"2026-11-01T12:34:56.123456Z","source":"aws-waf","decision":"deny","mode":"shadow","policy_id":"edge-acl","policy_version":"webacl-42","rule_id":"SQLi","matched_rules":["SQLi","RateLimit"],"reason":"SQL injection","client_ip":"::ffff:10.0.0.1","user_id":"u-7","method":"GET","host":"api.example.com","path":"/v1/orders","query":"id=1","status":403,"user_agent":"curl/8.10.1","referer":"https://example.com/","bytes":512,"country":"DE","labels":{"partner":"acme"},"scores":{"violence":0.25},"attributes":{"tls":"1.3"}}
        """;

    private static readonly InputIdentity Input = InputIdentity.FromPrefix("decisions.jsonl", "first line"u8);

    private static ParseOutcome Parse(string line, EventJsonParser? parser = null, long offset = 0)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var record = new RawRecord(bytes, new RecordLocation("decisions.jsonl", 1, offset), bytes.Length);
        return (parser ?? new EventJsonParser()).Parse(record, line, Input);
    }

    [Fact]
    public void Parse_FullRecord_FillsEveryField()
    {
        var e = Parse(Full).Event.ShouldNotBeNull();

        e.EventId.ShouldBe("e-1");
        e.Time.ShouldBe(new DateTime(2026, 11, 1, 12, 34, 56, DateTimeKind.Utc).AddTicks(1_234_560));
        e.Source.ShouldBe("aws-waf");
        e.Decision.ShouldBe(Decision.Deny);
        e.Mode.ShouldBe(EnforcementMode.Shadow);
        e.PolicyId.ShouldBe("edge-acl");
        e.PolicyVersion.ShouldBe("webacl-42");
        e.RuleId.ShouldBe("SQLi");
        e.MatchedRules.ShouldBe(["SQLi", "RateLimit"]);
        e.Reason.ShouldBe("SQL injection");
        e.ClientIp.ShouldBe("10.0.0.1");
        e.UserId.ShouldBe("u-7");
        e.Method.ShouldBe("GET");
        e.Host.ShouldBe("api.example.com");
        e.Path.ShouldBe("/v1/orders");
        e.Query.ShouldBe("id=1");
        e.Status.ShouldBe(403);
        e.UserAgent.ShouldBe("curl/8.10.1");
        e.Referer.ShouldBe("https://example.com/");
        e.Bytes.ShouldBe(512);
        e.Country.ShouldBe("DE");
        e.Labels["partner"].ShouldBe("acme");
        e.Scores["violence"].ShouldBe(0.25);
        e.Attributes.ShouldBe("""{"tls":"1.3"}""");
        e.Raw.ShouldBe(Full);
    }

    [Fact]
    public void Parse_MinimalRecord_AppliesDefaults()
    {
        var e = Parse("""{"time":"2026-11-01T00:00:00Z"}""", offset: 42).Event.ShouldNotBeNull();

        e.EventId.ShouldBe(Input.EventIdAt(42));
        e.Source.ShouldBe("jsonl");
        e.Decision.ShouldBe(Decision.Unknown);
        e.Mode.ShouldBe(EnforcementMode.Enforce);
        e.MatchedRules.ShouldBeEmpty();
        e.Attributes.ShouldBeNull();
    }

    [Fact]
    public void Parse_UnknownFields_KeptInAttributes()
    {
        var line = """{"time":"2026-11-01T00:00:00Z","attributes":{"a":1},"trace":{"id":"t\"1"},"tags":[1,2]}""";

        var e = Parse(line).Event.ShouldNotBeNull();

        using var attributes = JsonDocument.Parse(e.Attributes.ShouldNotBeNull());
        attributes.RootElement.GetProperty("a").GetInt32().ShouldBe(1);
        attributes.RootElement.GetProperty("trace").GetProperty("id").GetString().ShouldBe("t\"1");
        attributes.RootElement.GetProperty("tags").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void Parse_NullValues_LeaveFieldsEmpty()
    {
        var line = """{"time":"2026-11-01T00:00:00Z","rule_id":null,"status":null,"labels":null,"matched_rules":null}""";

        var e = Parse(line).Event.ShouldNotBeNull();

        e.RuleId.ShouldBeNull();
        e.Status.ShouldBeNull();
        e.Labels.ShouldBeEmpty();
        e.MatchedRules.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026-11-01T12:00:00+02:00", 10, 0)]
    [InlineData("2026-11-01 12:00:00", 12, 0)]
    [InlineData("2026-11-01T12:00:00.5Z", 12, 5_000_000)]
    [InlineData("2026-11-01T12:00:00.123456789Z", 12, 1_234_567)]
    public void Parse_IsoTimeForms_ConvertToUtc(string time, int hour, long fractionTicks)
    {
        var e = Parse($$"""{"time":"{{time}}"}""").Event.ShouldNotBeNull();

        e.Time.ShouldBe(new DateTime(2026, 11, 1, hour, 0, 0, DateTimeKind.Utc).AddTicks(fractionTicks));
        e.Time.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void Parse_EpochMilliseconds_ConvertsToUtc()
    {
        var e = Parse("""{"time":1793534400000}""").Event.ShouldNotBeNull();

        e.Time.ShouldBe(DateTime.UnixEpoch.AddSeconds(1_793_534_400));
    }

    [Theory]
    [InlineData("""{"source":"opa"}""", "missing field \"time\"")]
    [InlineData("""{"time":null}""", "field \"time\" is null")]
    [InlineData("""{"time":"yesterday"}""", "invalid time \"yesterday\" in field \"time\"")]
    [InlineData("""{"time":"2026-13-01T00:00:00Z"}""", "invalid time \"2026-13-01T00:00:00Z\"")]
    [InlineData("""{"time":true}""", "field \"time\" must be a string or a number, not a boolean")]
    [InlineData("""{"time":"2026-11-01T00:00:00Z","status":"200"}""", "field \"status\" must be an integer, not a string")]
    [InlineData("""{"time":"2026-11-01T00:00:00Z","status":2.5}""", "field \"status\" must be an integer")]
    [InlineData("""{"time":"2026-11-01T00:00:00Z","path":7}""", "field \"path\" must be a string, not a number")]
    [InlineData("""{"time":"2026-11-01T00:00:00Z","matched_rules":"a"}""", "field \"matched_rules\" must be an array")]
    [InlineData("""{"time":"2026-11-01T00:00:00Z","matched_rules":[1]}""", "holds a number")]
    [InlineData("""{"time":"2026-11-01T00:00:00Z","labels":{"a":1}}""", "\"a\" is a number")]
    [InlineData("""{"time":"2026-11-01T00:00:00Z","scores":{"v":"high"}}""", "\"v\" is a string")]
    [InlineData("""{"time":"2026-11-01T00:00:00Z","attributes":[1]}""", "field \"attributes\" must be an object")]
    [InlineData("""{"time":"2026-11-01T00:00:00Z","decision":"block"}""", "invalid decision \"block\"")]
    [InlineData("""{"time":"2026-11-01T00:00:00Z","mode":"dry"}""", "invalid mode \"dry\"")]
    [InlineData("""[1,2]""", "not a JSON object")]
    [InlineData("""{"time":"2026-11-01T00:00:00Z",""", "invalid JSON")]
    [InlineData("""{"time":"2026-11-01T00:00:00Z"} {}""", "invalid JSON")]
    public void Parse_InvalidRecord_FailsNamingField(string line, string reasonPart)
    {
        var outcome = Parse(line);

        outcome.Event.ShouldBeNull();
        outcome.Error.ShouldNotBeNull().ShouldContain(reasonPart);
    }

    [Fact]
    public void Parse_RepeatedValues_ReusesStrings()
    {
        var parser = new EventJsonParser();
        var line = """{"time":"2026-11-01T00:00:00Z","host":"api.example.com","client_ip":"10.0.0.1"}""";

        var first = Parse(line, parser).Event.ShouldNotBeNull();
        var second = Parse(line, parser).Event.ShouldNotBeNull();

        ReferenceEquals(first.Host, second.Host).ShouldBeTrue();
        ReferenceEquals(first.ClientIp, second.ClientIp).ShouldBeTrue();
    }

    [Fact]
    public void Parse_EscapedValues_Unescapes()
    {
        var e = Parse("""{"time":"2026-11-01T00:00:00Z","path":"/a\u002fb","decision":"\u0064eny"}""")
            .Event.ShouldNotBeNull();

        e.Path.ShouldBe("/a/b");
        e.Decision.ShouldBe(Decision.Deny);
    }

    [Fact]
    public void Create_JsonlWithoutMapping_ReturnsEventJsonParser()
    {
        var parser = ParserRegistry.Create(LogFormat.Jsonl, new ParserOptions(), out var diagnostic);

        parser.ShouldBeOfType<EventJsonParser>();
        diagnostic.ShouldBeNull();
    }
}
