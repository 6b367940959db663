using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Jsonl;
using static PolicyLoop.Ingest.Tests.Formats.ParserTestKit;

namespace PolicyLoop.Ingest.Tests.Formats.Jsonl;

public sealed class CanonicalJsonParserTests
{
    private readonly CanonicalJsonParser _parser = new();

    [Fact]
    public void Parse_EventRecord_ReadsSnakeCaseFields()
    {
        const string Line = """
            {"event_id":"e-1","time":"2026-11-03T09:01:02Z","source":"nginx","decision":"throttle","mode":"shadow",
             "policy_id":"edge","policy_version":"v3","rule_id":"r-9","matched_rules":["r-9","r-2"],"reason":"burst",
             "client_ip":"203.0.113.9","user_id":"u","roles":["a","b"],"session_id":"s","tenant":"t","method":"GET",
             "host":"h","path":"/p","query":"q=1","status":429,"user_agent":"ua","referer":"ref","bytes":10,
             "content":"c","scores":{"x":0.5},"country":"NL","asn":"AS64500","org":"Example","labels":{"k":"v"},
             "attributes":{"a":1},"raw":"original line","trace":"abc"}
            """;

        var e = Event(_parser, Line.ReplaceLineEndings(""));

        e.EventId.ShouldBe("e-1");
        e.Source.ShouldBe("nginx");
        e.Decision.ShouldBe(Decision.Throttle);
        e.Mode.ShouldBe(EnforcementMode.Shadow);
        e.MatchedRules.ShouldBe(["r-9", "r-2"]);
        e.Roles.ShouldBe(["a", "b"]);
        e.Status.ShouldBe(429);
        e.Bytes.ShouldBe(10);
        e.Scores["x"].ShouldBe(0.5);
        e.Labels["k"].ShouldBe("v");
        e.Asn.ShouldBe("AS64500");
        e.Raw.ShouldBe("original line");
        e.Attributes.ShouldBe("{\"a\":1,\"trace\":\"abc\"}");
    }

    [Fact]
    public void Parse_MinimalRecord_Defaults()
    {
        const string Line = "{\"time\":1793696462}";

        var e = Event(_parser, Line, offset: 7);

        e.EventId.ShouldBe(Identity.EventIdAt(7));
        e.Source.ShouldBe("jsonl");
        e.Decision.ShouldBe(Decision.Unknown);
        e.Mode.ShouldBe(EnforcementMode.Enforce);
        e.Raw.ShouldBe(Line);
        e.Attributes.ShouldBeNull();
    }

    [Theory]
    [InlineData(
        "{\"time\":1793696462,\"decision\":\"blocked\"}",
        "field decision (path decision): value \"blocked\" is not in decision.values")]
    [InlineData(
        "{\"time\":1793696462,\"mode\":\"dry\"}",
        "field mode (path mode): value \"dry\" is not in mode.values")]
    [InlineData("{\"decision\":\"allow\"}", "missing timestamp: field time (path time) is absent")]
    [InlineData("{\"time\":1793696462,\"status\":\"OK\"}", "field status (path status): \"OK\" is not a whole number")]
    public void Parse_BadRecord_FailsWithReason(string line, string reason) =>
        Failure(_parser, line).ShouldStartWith(reason);
}
