using PolicyLoop.Analysis.Patterns;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Analysis.Tests.Patterns;

public sealed class PolicyPatchTests
{
    private const string Policy = """
        # Edge rules.
        id: edge
        version: "7"
        default: allow
        rules:
          - id: deny-bots
            description: Self-declared bots.
            when: user_agent.matches(r'(?i)bot')
            action: deny
            mode: enforce

          - id: deny-probes
            when: >-
              path.contains("wp-admin")
              || path.contains("phpmyadmin")
            action: deny

          - id: throttle
            when: "rate(client_ip, \"1m\") > 50"
            action: throttle
            tags: [rate-limit]
        """;

    private const string Segment = "client_ip == \"192.0.2.1\"";

    [Theory]
    [InlineData("deny-bots")]
    [InlineData("deny-probes")]
    [InlineData("throttle")]
    public void Exempt_Rule_CompilesWithTheSegmentExcluded(string ruleId)
    {
        var rule = RuleOf(Policy, ruleId);

        var patched = PolicyPatch.Exempt(Policy, rule, Segment);

        var compiled = Suggester.Compile(patched, "edge.yaml");
        compiled.ShouldNotBeNull(patched);
        var when = compiled.Policy.Rules.Single(r => r.Id == ruleId).When;
        when.ShouldContain(rule.When.Trim());
        when.ShouldContain($"&& !({Segment})");
        compiled.Policy.Rules.Select(r => r.Id).ShouldBe(["deny-bots", "deny-probes", "throttle"]);
    }

    [Fact]
    public void Exempt_Rule_KeepsCommentsAndOtherRules()
    {
        var patched = PolicyPatch.Exempt(Policy, RuleOf(Policy, "deny-probes"), Segment);

        patched.ShouldStartWith("# Edge rules.");
        patched.ShouldContain("when: user_agent.matches(r'(?i)bot')");
        patched.ShouldContain("when: \"rate(client_ip, \\\"1m\\\") > 50\"");
    }

    [Fact]
    public void SeparateLimit_RateRule_InsertsAScaledRuleBeforeIt()
    {
        var patched = PolicyPatch.SeparateLimit(Policy, RuleOf(Policy, "throttle"), Segment, "throttle-segment-1", 4);

        var compiled = Suggester.Compile(patched!, "edge.yaml");
        compiled.ShouldNotBeNull(patched);
        compiled.Policy.Rules.Select(r => r.Id).ShouldBe(["deny-bots", "deny-probes", "throttle-segment-1", "throttle"]);
        var added = compiled.Policy.Rules[2];
        added.When.ShouldContain("> 200");
        added.When.ShouldContain(Segment);
        added.Action.ShouldBe(RuleAction.Throttle);
    }

    [Fact]
    public void SeparateLimit_RuleWithoutLimit_ReturnsNull()
    {
        PolicyPatch.SeparateLimit(Policy, RuleOf(Policy, "deny-bots"), Segment, "x", 4).ShouldBeNull();
    }

    [Fact]
    public void WithVersion_Text_ReplacesTheTopLevelVersion()
    {
        var patched = PolicyPatch.WithVersion(Policy, "7+suggestion-1");

        Suggester.Compile(patched, "edge.yaml")!.Policy.Version.ShouldBe("7+suggestion-1");
    }

    private static PolicyRule RuleOf(string text, string id) =>
        PolicyLoader.Load(text, "edge.yaml").Policy!.Rules.Single(rule => rule.Id == id);
}
