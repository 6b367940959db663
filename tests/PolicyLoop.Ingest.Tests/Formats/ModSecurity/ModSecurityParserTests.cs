using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.ModSecurity;
using static PolicyLoop.Ingest.Tests.Formats.ParserTestKit;

namespace PolicyLoop.Ingest.Tests.Formats.ModSecurity;

public sealed class ModSecurityParserTests
{
    private readonly ModSecurityParser _parser = new();

    private static string Sample(int index) => SampleLines("modsecurity-audit.jsonl")[index];

    private static string Transaction(string status, string engine = "Enabled", string messages = "[]") =>
        "{\"transaction\":{\"time_stamp\":\"Tue Nov  3 09:14:22 2026\",\"unique_id\":\"u1\",\"response\":{" + status + "},"
        + $"\"producer\":{{\"secrules_engine\":\"{engine}\"}},\"messages\":{messages}}}}}";

    private const string OneRule =
        "[{\"message\":\"Bad bot\",\"details\":{\"ruleId\":\"100300\"}},{\"message\":\"Dotfile\",\"details\":{\"ruleId\":\"100201\"}}]";

    [Fact]
    public void Parse_AnomalyBlock_DecidesByEvaluationRule()
    {
        var e = Event(_parser, Sample(0));

        e.EventId.ShouldBe("179269846248.119032");
        e.Time.ShouldBe(new DateTime(2026, 11, 3, 9, 14, 22, DateTimeKind.Utc));
        e.Source.ShouldBe("modsecurity");
        e.Decision.ShouldBe(Decision.Deny);
        e.Mode.ShouldBe(EnforcementMode.Enforce);
        e.RuleId.ShouldBe("949110");
        e.MatchedRules.ShouldBe(["941320", "949110"]);
        e.Reason.ShouldBe("Inbound Anomaly Score Exceeded (Total Score: 5)");
        e.PolicyId.ShouldBe("OWASP_CRS");
        e.PolicyVersion.ShouldBe("4.10.0");
    }

    [Fact]
    public void Parse_Request_MapsRequestFields()
    {
        var e = Event(_parser, Sample(0));

        e.ClientIp.ShouldBe("192.0.2.77");
        e.Method.ShouldBe("POST");
        e.Path.ShouldBe("/wp-admin/post.php");
        e.Query.ShouldBe("action=edit");
        e.Host.ShouldBe("blog.example.org");
        e.UserAgent.ShouldBe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edge/131.0");
        e.Referer.ShouldBe("https://blog.example.org/wp-admin/post-new.php");
        e.Status.ShouldBe(403);
        e.Attributes.ShouldNotBeNull();
        e.Attributes.ShouldContain("\"messages\":[");
        e.Attributes.ShouldContain("\"producer\":{");
        e.Attributes.ShouldContain("\"request\":{\"http_version\":1.1");
    }

    [Fact]
    public void Parse_AllowedWithMatch_HasNoDecidingRule()
    {
        var e = Event(_parser, Sample(1));

        e.Decision.ShouldBe(Decision.Allow);
        e.RuleId.ShouldBeNull();
        e.MatchedRules.ShouldBe(["920300"]);
        e.Host.ShouldBe("blog.example.org");
    }

    [Fact]
    public void Parse_DetectionOnly_IsShadowDeny()
    {
        var e = Event(_parser, Sample(2));

        e.Mode.ShouldBe(EnforcementMode.Shadow);
        e.Decision.ShouldBe(Decision.Deny);
        e.RuleId.ShouldBe("949110");
        e.MatchedRules.ShouldBe(["942100", "913100", "949110"]);
        e.IsReject.ShouldBeFalse();
    }

    [Fact]
    public void Parse_BlockWithoutEvaluation_DecidesByLastMessage()
    {
        var e = Event(_parser, Transaction("\"http_code\":403", messages: OneRule));

        e.Decision.ShouldBe(Decision.Deny);
        e.RuleId.ShouldBe("100201");
        e.Reason.ShouldBe("Dotfile");
    }

    [Theory]
    [InlineData("", "Enabled", "[]", Decision.Unknown)]
    [InlineData("\"http_code\":200", "Enabled", "[]", Decision.Allow)]
    [InlineData("\"http_code\":406", "Enabled", OneRule, Decision.Allow)]
    [InlineData("\"http_code\":200", "DetectionOnly", OneRule, Decision.Allow)]
    [InlineData("", "Enabled", "[{\"message\":\"m\",\"details\":{\"ruleId\":\"949110\"}}]", Decision.Deny)]
    [InlineData(
        "\"http_code\":406",
        "Enabled",
        "[{\"message\":\"m\",\"details\":{\"ruleId\":\"959100\"}}]",
        Decision.Deny)]
    public void Parse_StatusAndEngine_MapToDecision(string status, string engine, string messages, Decision expected) =>
        Event(_parser, Transaction(status, engine, messages)).Decision.ShouldBe(expected);

    [Theory]
    [InlineData("{\"request\":{}}", "not a ModSecurity audit record: the \"transaction\" object is missing")]
    [InlineData("{\"transaction\":{\"unique_id\":\"x\"}}", "missing timestamp: the record has no \"time_stamp\" field")]
    [InlineData(
        "{\"transaction\":{\"time_stamp\":\"Tuesday\"}}",
        "unparseable timestamp in field \"time_stamp\": \"Tuesday\"")]
    public void Parse_BadRecord_FailsWithReason(string line, string reason) =>
        Failure(_parser, line).ShouldBe(reason);
}
