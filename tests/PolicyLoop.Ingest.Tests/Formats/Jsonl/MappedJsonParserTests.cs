using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Jsonl;
using static PolicyLoop.Ingest.Tests.Formats.ParserTestKit;

namespace PolicyLoop.Ingest.Tests.Formats.Jsonl;

public sealed class MappedJsonParserTests
{
    private static MappedJsonParser Parser(string yaml) =>
        new(JsonMappingLoader.Parse(yaml, "m.yaml", out var problems) ?? throw new InvalidOperationException(
            JsonMappingLoader.Describe(problems)));

    private static MappedJsonParser GatewayParser() =>
        new(JsonMappingLoader.Load(SamplePath("gateway.mapping.yaml"), out _).ShouldNotBeNull());

    [Fact]
    public void Parse_GatewaySample_MapsEveryField()
    {
        var e = Event(GatewayParser(), SampleLines("gateway.jsonl")[2]);

        e.EventId.ShouldBe("gw-01HF3K2MCD");
        e.Time.ShouldBe(new DateTime(2026, 11, 3, 11, 0, 3, 7, DateTimeKind.Utc));
        e.Source.ShouldBe("edge-gateway");
        e.Decision.ShouldBe(Decision.Deny);
        e.Mode.ShouldBe(EnforcementMode.Enforce);
        e.Method.ShouldBe("GET");
        e.Path.ShouldBe("/v1/admin/export");
        e.Status.ShouldBe(403);
        e.Bytes.ShouldBe(64);
        e.ClientIp.ShouldBe("198.51.100.99");
        e.UserId.ShouldBe("u-4410");
        e.Roles.ShouldBe(["viewer"]);
        e.Tenant.ShouldBe("globex");
        e.PolicyVersion.ShouldBe("v42");
        e.RuleId.ShouldBe("admin-paths-need-admin");
        e.MatchedRules.ShouldBe(["admin-paths-need-admin", "unknown-ua-count"]);
        e.Reason.ShouldBe("role viewer may not call /v1/admin");
        e.Attributes.ShouldNotBeNull();
        e.Attributes.ShouldStartWith("{\"req\":{\"id\":\"gw-01HF3K2MCD\",");
        e.Attributes.ShouldEndWith(",\"latency_ms\":1}");
        e.Attributes.ShouldNotContain("\"ts\"");
    }

    [Fact]
    public void Parse_ModeTable_ReadsShadow()
    {
        var e = Event(GatewayParser(), SampleLines("gateway.jsonl")[3]);

        e.Mode.ShouldBe(EnforcementMode.Shadow);
        e.Decision.ShouldBe(Decision.Challenge);
        e.IsReject.ShouldBeFalse();
    }

    [Theory]
    [InlineData("PASS", Decision.Allow)]
    [InlineData("deny", Decision.Deny)]
    [InlineData("Throttle", Decision.Throttle)]
    public void Parse_DecisionValue_UsesTableThenName(string verdict, Decision expected)
    {
        var parser = Parser("fields: {time: t}\ndecision: {path: v, values: {PASS: allow}}\n");

        Event(parser, $"{{\"t\":1793696462,\"v\":\"{verdict}\"}}").Decision.ShouldBe(expected);
    }

    [Fact]
    public void Parse_UnmatchedDecisionWithoutDefault_Fails()
    {
        var parser = Parser("fields: {time: t}\ndecision: {path: v, values: {PASS: allow}}\n");

        Failure(parser, "{\"t\":1793696462,\"v\":\"DROP\"}").ShouldBe(
            "field decision (path v): value \"DROP\" is not in decision.values, is not a decision name, "
            + "and the mapping has no decision.default");
    }

    [Fact]
    public void Parse_UnmatchedDecisionWithDefault_UsesDefault()
    {
        var parser = Parser("fields: {time: t}\ndecision: {path: v, values: {\"1\": deny}, default: allow}\n");

        Event(parser, "{\"t\":1793696462,\"v\":0}").Decision.ShouldBe(Decision.Allow);
        Event(parser, "{\"t\":1793696462,\"v\":1}").Decision.ShouldBe(Decision.Deny);
        Event(parser, "{\"t\":1793696462}").Decision.ShouldBe(Decision.Allow);
    }

    [Theory]
    [InlineData("unix_ms", "1793696462481", 481)]
    [InlineData("unix_ms", "\"1793696462481\"", 481)]
    [InlineData("unix_s", "1793696462.25", 250)]
    [InlineData("rfc3339", "\"2026-11-03T09:01:02.5Z\"", 500)]
    [InlineData("auto", "\"2026-11-03T09:01:02.125+00:00\"", 125)]
    public void Parse_TimeFormat_ReadsTime(string format, string value, int milliseconds)
    {
        var parser = Parser($"time_format: {format}\nfields: {{time: t}}\n");

        Event(parser, $"{{\"t\":{value}}}").Time
            .ShouldBe(new DateTime(2026, 11, 3, 9, 1, 2, milliseconds, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("rfc3339", "\"2026-11-03 09:01:02\"", "is not an RFC 3339 time with a time zone")]
    [InlineData("unix_s", "\"soon\"", "is not a number of Unix epoch seconds")]
    public void Parse_TimeNotInFormat_FailsNamingFormat(string format, string value, string reason)
    {
        var parser = Parser($"time_format: {format}\nfields: {{time: t}}\n");

        Failure(parser, $"{{\"t\":{value}}}")
            .ShouldBe($"unparseable timestamp in field time (path t): {value} {reason} (time_format {format})");
    }

    [Fact]
    public void Parse_MissingTime_NamesPath() =>
        Failure(Parser("fields: {time: a.t}\n"), "{\"a\":{}}")
            .ShouldBe("missing timestamp: field time (path a.t) is absent");

    [Theory]
    [InlineData("status", "\"abc\"", "\"abc\" is not a whole number")]
    [InlineData("status", "1234", "1234 is not an HTTP status: expected a number from 0 to 999")]
    [InlineData("bytes", "1.5", "1.5 is not a whole number")]
    [InlineData(
        "roles",
        "{\"a\":1}",
        "{\"a\":1} is not a list of text: expected a JSON array of strings or a single string")]
    [InlineData(
        "scores",
        "{\"hate\":\"high\"}",
        "{\"hate\":\"high\"} is not a scores object: expected a JSON object of numbers")]
    [InlineData("labels", "[\"a\"]", "[\"a\"] is not a labels object: expected a JSON object of strings")]
    [InlineData("user_id", "{\"id\":1}", "{\"id\":1} is not text: expected a JSON string or number")]
    [InlineData("attributes", "3", "3 is not an attributes object: expected a JSON object")]
    public void Parse_WrongType_NamesFieldPathAndValue(string field, string value, string reason)
    {
        var parser = Parser($"fields: {{time: t, {field}: x.v}}\n");

        Failure(parser, $"{{\"t\":1793696462,\"x\":{{\"v\":{value}}}}}")
            .ShouldBe($"field {field} (path x.v): {reason}");
    }

    [Fact]
    public void Parse_TypedFields_Convert()
    {
        var parser = Parser("fields: {time: t, status: s, roles: r, scores: sc, labels: l, attributes: a, client_ip: ip}\n");

        var e = Event(parser, "{\"t\":1793696462,\"s\":\"404\",\"r\":\"admin\",\"sc\":{\"hate\":0.5},\"l\":{\"team\":\"edge\",\"n\":3},"
            + "\"a\":{\"k\":1},\"ip\":\"::ffff:192.0.2.1\",\"extra\":true}");

        e.Status.ShouldBe(404);
        e.Roles.ShouldBe(["admin"]);
        e.Scores["hate"].ShouldBe(0.5);
        e.Labels["n"].ShouldBe("3");
        e.ClientIp.ShouldBe("192.0.2.1");
        e.Attributes.ShouldBe("{\"k\":1,\"extra\":true}");
    }

    [Fact]
    public void Parse_NoEventIdPath_UsesOffsetId() =>
        Event(Parser("fields: {time: t}\n"), "{\"t\":1793696462}", offset: 42).EventId.ShouldBe(Identity.EventIdAt(42));
}
