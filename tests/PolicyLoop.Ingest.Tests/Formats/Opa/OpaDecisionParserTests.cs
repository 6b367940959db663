using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Opa;
using static PolicyLoop.Ingest.Tests.Formats.ParserTestKit;

namespace PolicyLoop.Ingest.Tests.Formats.Opa;

public sealed class OpaDecisionParserTests
{
    private readonly OpaDecisionParser _parser = new();

    private static string Line(string result, string extra = "") =>
        "{\"decision_id\":\"d-1\",\"timestamp\":\"2026-11-03T08:15:02.118734Z\",\"path\":\"http/authz\","
        + $"\"result\":{result}{extra}}}";

    [Fact]
    public void Parse_ConsoleDenyLine_MapsEveryField()
    {
        var line = SampleLines("opa-decisions.jsonl")[1];

        var e = Event(_parser, line);

        e.EventId.ShouldBe("a7d3e4b2-1c5f-4f60-9e2d-3b8a6c7d1e02");
        e.Time.ShouldBe(new DateTime(2026, 11, 3, 8, 15, 4, 902, DateTimeKind.Utc).AddTicks(3110));
        e.Source.ShouldBe("opa");
        e.Decision.ShouldBe(Decision.Deny);
        e.Mode.ShouldBe(EnforcementMode.Enforce);
        e.PolicyId.ShouldBe("http/orders/authz");
        e.PolicyVersion.ShouldBe("git-4e81c0d");
        e.RuleId.ShouldBe("deny_refund_above_500");
        e.MatchedRules.ShouldBe(["deny_refund_above_500"]);
        e.Reason.ShouldBe("refund_over_limit");
        e.ClientIp.ShouldBe("192.0.2.14");
        e.Method.ShouldBe("POST");
        e.Path.ShouldBe("/orders/5531/refund");
        e.UserId.ShouldBe("u-2231");
        e.Roles.ShouldBe(["support"]);
        e.Labels["env"].ShouldBe("prod");
        e.Raw.ShouldBe(line);
    }

    [Fact]
    public void Parse_MaskedEvent_KeepsAttributes()
    {
        var e = Event(_parser, SampleLines("opa-decisions.jsonl")[1]);

        e.Attributes.ShouldNotBeNull();
        e.Attributes.ShouldContain("\"masked\":[\"/input/token\"]");
        e.Attributes.ShouldContain("\"input\":{");
        e.Attributes.ShouldContain("\"result\":{");
        e.Attributes.ShouldContain("\"req_id\":102");
        e.Attributes.ShouldNotContain("\"msg\"");
        e.Attributes.ShouldNotContain("decision_id");
    }

    [Theory]
    [InlineData("true", Decision.Allow)]
    [InlineData("false", Decision.Deny)]
    [InlineData("{\"allow\":true}", Decision.Allow)]
    [InlineData("{\"allow\":false}", Decision.Deny)]
    [InlineData("{\"deny\":[]}", Decision.Allow)]
    [InlineData("{\"deny\":[\"no\"]}", Decision.Deny)]
    [InlineData("{\"deny\":true}", Decision.Deny)]
    [InlineData("{\"deny\":false}", Decision.Allow)]
    [InlineData("{\"allow\":true,\"deny\":[\"no\"]}", Decision.Deny)]
    [InlineData("{\"allowed\":true}", Decision.Unknown)]
    [InlineData("[\"admin\"]", Decision.Unknown)]
    [InlineData("\"yes\"", Decision.Unknown)]
    public void Parse_Result_MapsToDecision(string result, Decision expected) =>
        Event(_parser, Line(result)).Decision.ShouldBe(expected);

    [Fact]
    public void Parse_ErrorField_IsErrorWithMessage()
    {
        var e = Event(_parser, Line("true", ",\"error\":{\"code\":\"eval_error\",\"message\":\"boom\"}"));

        e.Decision.ShouldBe(Decision.Error);
        e.Reason.ShouldBe("boom");
    }

    [Fact]
    public void Parse_NoResult_IsUnknown() =>
        Event(_parser, "{\"decision_id\":\"d\",\"timestamp\":\"2026-11-03T08:15:02Z\"}").Decision
            .ShouldBe(Decision.Unknown);

    [Fact]
    public void Parse_DenyMessages_JoinedAsReason()
    {
        var e = Event(_parser, SampleLines("opa-decisions.jsonl")[2]);

        e.Decision.ShouldBe(Decision.Deny);
        e.Reason.ShouldBe("automation may not delete users; tenant acme is frozen");
        e.RuleId.ShouldBeNull();
        e.Path.ShouldBe("/admin/users/u-77");
        e.UserId.ShouldBe("svc-cleanup");
        e.Roles.ShouldBe(["automation"]);
        e.Tenant.ShouldBe("acme");
    }

    [Fact]
    public void Parse_SeveralBundles_JoinsNamedRevisions() =>
        Event(_parser, SampleLines("opa-decisions.jsonl")[2]).PolicyVersion
            .ShouldBe("authz=git-4e81c0d,tenants=2026-11-01.3");

    [Fact]
    public void Parse_DeprecatedRevision_IsPolicyVersion() =>
        Event(_parser, SampleLines("opa-decisions.jsonl")[4]).PolicyVersion.ShouldBe("legacy-77");

    [Fact]
    public void Parse_Ipv6RequestedBy_StripsPort() =>
        Event(_parser, SampleLines("opa-decisions.jsonl")[5]).ClientIp.ShouldBe("2001:db8::7");

    [Fact]
    public void Parse_EnvoyInput_MapsRequestAndSource()
    {
        var line = "{\"decision_id\":\"e\",\"timestamp\":\"2026-11-03T08:15:02Z\",\"result\":{\"allow\":true},"
            + "\"input\":{\"attributes\":{\"request\":{\"http\":{\"method\":\"PUT\",\"path\":\"/a?b=1\",\"host\":\"h.example\"}},"
            + "\"source\":{\"address\":{\"socketAddress\":{\"address\":\"198.51.100.61\"}}}}}}";

        var e = Event(_parser, line);

        e.Method.ShouldBe("PUT");
        e.Path.ShouldBe("/a?b=1");
        e.Host.ShouldBe("h.example");
        e.ClientIp.ShouldBe("198.51.100.61");
    }

    [Fact]
    public void Parse_NoDecisionId_UsesOffsetId() =>
        Event(_parser, "{\"timestamp\":\"2026-11-03T08:15:02Z\",\"result\":true}", offset: 812)
            .EventId.ShouldBe(Identity.EventIdAt(812));

    [Fact]
    public void Parse_ConsoleTimeOnly_UsesTime() =>
        Event(_parser, "{\"msg\":\"Decision Log\",\"time\":\"2026-11-03T08:15:02Z\",\"decision_id\":\"x\",\"result\":true}")
            .Time.ShouldBe(new DateTime(2026, 11, 3, 8, 15, 2, DateTimeKind.Utc));

    [Fact]
    public void Parse_OtherConsoleMessage_FailsWithMessage() =>
        Failure(_parser, "{\"level\":\"info\",\"msg\":\"Received request.\",\"time\":\"2026-11-03T08:15:02Z\"}")
            .ShouldBe("not an OPA decision log event: the console line has msg \"Received request.\" and no decision_id");

    [Theory]
    [InlineData(
        "{\"decision_id\":\"x\",\"result\":true}",
        "missing timestamp: the record has no \"timestamp\" or \"time\" field")]
    [InlineData(
        "{\"decision_id\":\"x\",\"timestamp\":\"soon\"}",
        "unparseable timestamp in field \"timestamp\": \"soon\"")]
    [InlineData("{\"decision_id\":\"x\",\"timestamp\":true}", "unparseable timestamp in field \"timestamp\": true")]
    [InlineData("[1,2]", "expected a JSON object, found a JSON array")]
    [InlineData("{\"decision_id\":", "invalid JSON near line 1")]
    public void Parse_BadRecord_FailsWithReason(string line, string reason) =>
        Failure(_parser, line).ShouldStartWith(reason);

    private static OpaDecisionParser WithTable(string yaml) => new(
        Ingest.Formats.Jsonl.JsonMappingLoader.Parse(yaml, "opa.yaml", out _, requireFields: false).ShouldNotBeNull().Decision);

    [Theory]
    [InlineData("{\"outcome\":\"REJECT\"}", Decision.Deny)]
    [InlineData("{\"outcome\":\"ok\"}", Decision.Allow)]
    [InlineData("{\"outcome\":\"throttle\"}", Decision.Throttle)]
    [InlineData("false", Decision.Deny)]
    [InlineData("{\"allow\":true,\"outcome\":\"REJECT\"}", Decision.Allow)]
    public void Parse_DecisionTable_DecidesUnknownResults(string result, Decision expected)
    {
        var parser = WithTable("decision:\n  path: result.outcome\n  values: {REJECT: deny, ok: allow}\n");

        Event(parser, Line(result)).Decision.ShouldBe(expected);
    }

    [Fact]
    public void Parse_DecisionTableWithoutMatch_Fails()
    {
        var parser = WithTable("decision:\n  path: result.outcome\n  values: {REJECT: deny}\n");

        Failure(parser, Line("{\"outcome\":\"maybe\"}")).ShouldBe(
            "field decision (path result.outcome): value \"maybe\" is not in decision.values, is not a decision name, "
            + "and the mapping has no decision.default");
    }
}
