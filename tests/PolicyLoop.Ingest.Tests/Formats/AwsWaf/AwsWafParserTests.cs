using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.AwsWaf;
using static PolicyLoop.Ingest.Tests.Formats.ParserTestKit;

namespace PolicyLoop.Ingest.Tests.Formats.AwsWaf;

public sealed class AwsWafParserTests
{
    private readonly AwsWafParser _parser = new();

    private static string Sample(int index) => SampleLines("aws-waf.jsonl")[index];

    [Fact]
    public void Parse_ManagedGroupBlock_NamesGroupRule()
    {
        var e = Event(_parser, Sample(0));

        e.EventId.ShouldBe("1-6906f2ce-2c3b4d5e6f7a8b9c0d1e2f3a");
        e.Time.ShouldBe(new DateTime(2026, 11, 3, 9, 1, 2, 481, DateTimeKind.Utc));
        e.Source.ShouldBe("aws-waf");
        e.Decision.ShouldBe(Decision.Deny);
        e.Mode.ShouldBe(EnforcementMode.Enforce);
        e.PolicyId.ShouldBe("arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/shop-prod/1a2b3c4d");
        e.RuleId.ShouldBe("AWS-AWSManagedRulesCommonRuleSet/SizeRestrictions_BODY");
        e.MatchedRules.ShouldBe(["AWS-AWSManagedRulesCommonRuleSet/SizeRestrictions_BODY", "geo-eu-count"]);
        e.Labels.Keys.ShouldBe(["awswaf:managed:aws:core-rule-set:SizeRestrictions_Body"]);
    }

    [Fact]
    public void Parse_HttpRequest_MapsRequestFields()
    {
        var e = Event(_parser, Sample(0));

        e.ClientIp.ShouldBe("203.0.113.45");
        e.Country.ShouldBe("DE");
        e.Method.ShouldBe("POST");
        e.Host.ShouldBe("shop.example.com");
        e.Path.ShouldBe("/api/cart/upload");
        e.Query.ShouldBeNull();
        e.UserAgent.ShouldBe("Mozilla/5.0 (X11; Linux x86_64) Firefox/132.0");
        e.Referer.ShouldBe("https://shop.example.com/cart");
        e.Attributes.ShouldNotBeNull();
        e.Attributes.ShouldContain("\"httpRequest\":{\"headers\":[");
        e.Attributes.ShouldContain("\"terminatingRuleId\":\"AWS-AWSManagedRulesCommonRuleSet\"");
        e.Attributes.ShouldContain("\"requestBodySize\":14336");
    }

    [Fact]
    public void Parse_DefaultAction_KeepsCountMatches()
    {
        var e = Event(_parser, Sample(1));

        e.Decision.ShouldBe(Decision.Allow);
        e.RuleId.ShouldBeNull();
        e.MatchedRules.ShouldBe(["geo-eu-count", "AWS#AWSManagedRulesBotControlRuleSet/CategorySearchEngine"]);
        e.Query.ShouldBe("color=red&size=m");
        e.Host.ShouldBe("shop.example.com");
        e.Labels.Count.ShouldBe(2);
    }

    [Fact]
    public void Parse_RateBasedBlock_ListsRuleOnce()
    {
        var e = Event(_parser, Sample(2));

        e.RuleId.ShouldBe("login-rate-limit");
        e.MatchedRules.ShouldBe(["login-rate-limit"]);
        e.Status.ShouldBe(429);
    }

    [Fact]
    public void Parse_UnknownCountry_IsNull() => Event(_parser, Sample(4)).Country.ShouldBeNull();

    [Theory]
    [InlineData("ALLOW", Decision.Allow)]
    [InlineData("BLOCK", Decision.Deny)]
    [InlineData("CAPTCHA", Decision.Challenge)]
    [InlineData("CHALLENGE", Decision.Challenge)]
    [InlineData("COUNT", Decision.Unknown)]
    [InlineData(null, Decision.Unknown)]
    public void DecisionFor_Action_MapsToDecision(string? action, Decision expected) =>
        AwsWafParser.DecisionFor(action).ShouldBe(expected);

    [Theory]
    [InlineData("{\"action\":\"ALLOW\"}", "missing timestamp: the record has no \"timestamp\" field")]
    [InlineData(
        "{\"timestamp\":\"2026-11-03\"}",
        "unparseable timestamp in field \"timestamp\": \"2026-11-03\" (expected Unix epoch milliseconds)")]
    public void Parse_BadTimestamp_FailsWithReason(string line, string reason) =>
        Failure(_parser, line).ShouldBe(reason);

    [Fact]
    public void Parse_NoRequestId_UsesOffsetId() =>
        Event(_parser, "{\"timestamp\":1793696462481,\"action\":\"ALLOW\"}", offset: 99).EventId
            .ShouldBe(Identity.EventIdAt(99));
}
