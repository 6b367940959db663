using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Tests.Files;

public sealed class PolicyLoaderTests
{
    private const string Valid = """
        id: edge
        version: "1"
        default: allow
        lists:
          blocked: [203.0.113.0/24]
        rules:
          - id: deny-blocked
            when: client_ip in lists.blocked
            action: deny
            mode: shadow
            severity: high
            tags: [manual]
            evidence: [TICKET-1]
        """;

    [Fact]
    public void Load_ValidPolicy_ReadsEveryField()
    {
        var (policy, diagnostics) = PolicyLoader.Load(Valid, "edge.yaml");

        diagnostics.ShouldBeEmpty();
        policy.ShouldNotBeNull();
        policy.Default.ShouldBe(RuleAction.Allow);
        policy.Lists["blocked"].ShouldBe(["203.0.113.0/24"]);
        var rule = policy.Rules.ShouldHaveSingleItem();
        rule.Mode.ShouldBe(Core.EnforcementMode.Shadow);
        rule.Evidence.ShouldBe(["TICKET-1"]);
        rule.WhenSpan.Line.ShouldBe(8);
        rule.WhenSpan.Column.ShouldBe(11);
    }

    [Fact]
    public void Load_SeveralStructuralErrors_ReportsAllWithPositions()
    {
        const string text = """
            id: edge
            version: "1"
            default: allow
            rules:
              - id: a
                when: "true"
                action: deny
              - id: a
                when: "true"
                action: deny
                severty: low
              - id: b
                when: "true"
            """;

        var (_, diagnostics) = PolicyLoader.Load(text, "p.yaml");

        diagnostics.Select(d => d.Code).Order().ShouldBe(["PL003", "PL005", "PL008"]);
        var unknown = diagnostics.Single(d => d.Code == "PL003");
        unknown.Location!.Line.ShouldBe(11);
        unknown.Location.Column.ShouldBe(5);
        unknown.Hint.ShouldBe("did you mean 'severity'?");
        diagnostics.Single(d => d.Code == "PL008").Location!.Line.ShouldBe(8);
        diagnostics.Single(d => d.Code == "PL005").Message.ShouldContain("'action'");
    }

    [Fact]
    public void Load_InvalidYaml_ReportsPosition()
    {
        var (policy, diagnostics) = PolicyLoader.Load("id: [unclosed\nversion: 1\n", "bad.yaml");

        policy.ShouldBeNull();
        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("PL001");
        diagnostic.Location!.Line.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Load_InvalidAction_SuggestsValidOnes()
    {
        var (_, diagnostics) = PolicyLoader.Load("id: p\nversion: '1'\ndefault: block\nrules: []\n", "p.yaml");

        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Message.ShouldBe("invalid default 'block'");
        diagnostic.Location!.Line.ShouldBe(3);
    }

    [Theory]
    [InlineData("(default)")]
    [InlineData("(no rule logged)")]
    public void Load_RuleIdInParentheses_IsReserved(string id)
    {
        var text = $"id: p\nversion: '1'\ndefault: throttle\nrules:\n  - id: '{id}'\n    when: path == '/admin'\n    action: deny\n";

        var (_, diagnostics) = PolicyLoader.Load(text, "p.yaml");

        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("PL009");
        diagnostic.Message.ShouldContain("reserved for the reports");
        diagnostic.Location!.Line.ShouldBe(5);
    }
}
