using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Tests.Evaluation;

public sealed class PolicyEvaluatorTests
{
    private static readonly DateTime Start = new(2015, 5, 17, 10, 0, 0, DateTimeKind.Utc);

    private static PolicyEvaluator Create(string rules, string defaultAction = "allow")
    {
        var text = $"id: p\nversion: '1'\ndefault: {defaultAction}\nlists:\n  google: [66.249.64.0/19]\nrules:\n{rules}";
        var (policy, loadDiagnostics) = PolicyLoader.Load(text, "p.yaml");
        loadDiagnostics.ShouldBeEmpty();
        var (compiled, diagnostics) = PolicyCompiler.Compile(policy!, text);
        diagnostics.ShouldBeEmpty();
        return new PolicyEvaluator(compiled!);
    }

    private static DecisionEvent Event(string? path = "/", string? agent = "Mozilla/5.0", string ip = "192.0.2.1", int second = 0) =>
        new() { EventId = "e", Source = "test", Path = path, UserAgent = agent, ClientIp = ip, Time = Start.AddSeconds(second) };

    [Fact]
    public void Evaluate_EnforceRuleMatches_Decides()
    {
        var evaluator = Create("""
              - { id: count-all, when: "true", action: count }
              - { id: shadow-deny, when: "true", action: deny, mode: shadow }
              - { id: challenge, when: "path == '/'", action: challenge }
              - { id: deny, when: "true", action: deny }
            """);

        var result = evaluator.Evaluate(Event());

        result.Action.ShouldBe(RuleAction.Challenge);
        result.DecidingRule.ShouldBe("challenge");
        result.Matches.Select(m => m.RuleId).ShouldBe(["count-all", "shadow-deny", "challenge"]);
        result.Matches.Select(m => m.Decided).ShouldBe([false, false, true]);
    }

    [Fact]
    public void Evaluate_NoRuleMatches_ReturnsDefault()
    {
        var evaluator = Create("  - { id: r, when: \"path == '/admin'\", action: allow }\n", defaultAction: "deny");

        var result = evaluator.Evaluate(Event());

        result.Action.ShouldBe(RuleAction.Deny);
        result.DecidingRule.ShouldBeNull();
        result.Matches.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_MissingField_CountsError()
    {
        var evaluator = Create("""
              - { id: needs-agent, when: "user_agent.contains('bot')", action: deny }
              - { id: guarded, when: "has(user_agent) && user_agent.contains('bot')", action: deny }
              - { id: fallback, when: "true", action: challenge }
            """);

        var first = evaluator.Evaluate(Event(agent: null));
        evaluator.Evaluate(Event(agent: null));

        first.DecidingRule.ShouldBe("fallback");
        first.Errors.ShouldHaveSingleItem().RuleId.ShouldBe("needs-agent");
        first.Errors[0].Message.ShouldContain("has(user_agent)");
        evaluator.ErrorCounts["needs-agent"].ShouldBe(2);
        evaluator.ErrorCounts.ContainsKey("guarded").ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_RateLimit_FiresAt51stRequest()
    {
        var evaluator = Create("  - { id: limit, when: \"rate(client_ip, '1m') > 50\", action: throttle }\n");

        var results = Enumerable.Range(0, 51).Select(i => evaluator.Evaluate(Event(second: i))).ToList();

        results.Take(50).ShouldAllBe(r => r.Action == RuleAction.Allow);
        results[50].Action.ShouldBe(RuleAction.Throttle);
        results[50].DecidingRule.ShouldBe("limit");
    }

    [Fact]
    public void Evaluate_RateWindowSlides_OldRequestsExpire()
    {
        var evaluator = Create("  - { id: limit, when: \"rate(client_ip, '1m') > 2\", action: throttle }\n");

        evaluator.Evaluate(Event(second: 0));
        evaluator.Evaluate(Event(second: 30));
        var third = evaluator.Evaluate(Event(second: 59));
        var fourth = evaluator.Evaluate(Event(second: 90));

        third.Action.ShouldBe(RuleAction.Throttle);
        fourth.Action.ShouldBe(RuleAction.Allow);
    }

    [Fact]
    public void Evaluate_RateBehindShortCircuit_CountsRequest()
    {
        var evaluator = Create("  - { id: limit, when: \"path == '/login' && rate(client_ip, '1m') > 3\", action: throttle }\n");

        for (var i = 0; i < 3; i++)
        {
            evaluator.Evaluate(Event(path: "/", second: i));
        }

        evaluator.Evaluate(Event(path: "/login", second: 3)).Action.ShouldBe(RuleAction.Throttle);
    }

    [Fact]
    public void Evaluate_CountOfRejects_DeniesRepeatOffender()
    {
        var evaluator = Create("""
              - { id: repeat, when: "count(client_ip, '10m') >= 2", action: deny }
              - { id: probe, when: "path.startsWith('/wp-')", action: challenge }
            """);

        evaluator.Evaluate(Event(path: "/wp-admin", second: 0)).DecidingRule.ShouldBe("probe");
        evaluator.Evaluate(Event(path: "/wp-login.php", second: 1)).DecidingRule.ShouldBe("probe");
        evaluator.Evaluate(Event(path: "/", second: 2)).DecidingRule.ShouldBe("repeat");
        evaluator.Evaluate(Event(path: "/", ip: "192.0.2.99", second: 3)).DecidingRule.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_Explain_ReportsRegexSubstringAndOffset()
    {
        var evaluator = Create("""
              - id: sqli
                when: "has(path) && (path.matches(r'(?i)union\\s+select') || path.contains('sleep('))"
                action: deny
            """);

        var result = evaluator.Evaluate(Event(path: "/search/1 UNION  SELECT pw"), explain: true);

        var clauses = result.Matches.ShouldHaveSingleItem().Clauses;
        clauses.Count.ShouldBe(2);
        clauses[0].Text.ShouldBe("has(path)");
        clauses[1].Text.ShouldBe("path.matches(r'(?i)union\\s+select')");
        clauses[1].Offset.ShouldBe(14);
        clauses[1].Matched.ShouldBe("UNION  SELECT");
        clauses[1].MatchOffset.ShouldBe(10);
    }

    [Fact]
    public void Evaluate_CidrList_MatchesAddressesInsideNetworks()
    {
        var evaluator = Create("  - { id: google, when: \"client_ip in lists.google\", action: allow }\n", defaultAction: "deny");

        evaluator.Evaluate(Event(ip: "66.249.73.135")).DecidingRule.ShouldBe("google");
        evaluator.Evaluate(Event(ip: "66.249.96.1")).DecidingRule.ShouldBeNull();
    }

    [Fact]
    public void Explain_LatestResult_AddsClauses()
    {
        const string rules = """
              - { id: agents, when: "has(user_agent) && user_agent.matches('(?i)bot')", action: count }
              - { id: burst, when: "rate(client_ip, '1m') > 1 && path.startsWith('/a')", action: deny }
            """;
        var lazy = Create(rules);
        var eager = Create(rules);
        var events = new[] { Event(path: "/a", agent: "Googlebot"), Event(path: "/a", agent: "Googlebot", second: 1) };

        foreach (var decisionEvent in events)
        {
            var plain = lazy.Evaluate(decisionEvent);
            var explained = lazy.Explain(plain);
            var expected = eager.Evaluate(decisionEvent, explain: true);

            plain.Matches.ShouldAllBe(match => match.Clauses.Count == 0);
            explained.DecidingRule.ShouldBe(expected.DecidingRule);
            explained.Matches.Select(m => string.Join(";", m.Clauses.Select(c => $"{c.Text}={c.Matched}")))
                .ShouldBe(expected.Matches.Select(m => string.Join(";", m.Clauses.Select(c => $"{c.Text}={c.Matched}"))));
        }
    }

    [Fact]
    public void Explain_OlderResult_Throws()
    {
        var evaluator = Create("  - { id: probe, when: \"path.contains('wp-')\", action: deny }\n");
        var older = evaluator.Evaluate(Event(path: "/wp-login.php"));
        evaluator.Evaluate(Event(path: "/"));

        Should.Throw<InvalidOperationException>(() => evaluator.Explain(older));
    }

    [Fact]
    public void Evaluate_MatchAfterEmoji_OffsetCountsCodePoints()
    {
        var evaluator = Create("  - { id: five, when: \"path.indexOf('5') == 6 && path.matches(r'5$')\", action: deny }\n");

        var result = evaluator.Evaluate(Event(path: "/v/\U0001F600\U0001F60015"), explain: true);

        result.DecidingRule.ShouldBe("five");
        var regex = result.Matches[0].Clauses.Single(clause => clause.Matched is not null);
        regex.Matched.ShouldBe("5");
        regex.MatchOffset.ShouldBe(6);
    }
}
