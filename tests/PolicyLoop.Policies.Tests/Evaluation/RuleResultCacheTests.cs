using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Tests.Evaluation;

/// <summary>
/// The evaluator caches the outcomes of rules that read a few fields. These tests check that it gives exactly
/// what an evaluator that has seen nothing before gives for the same event.
/// </summary>
public sealed class RuleResultCacheTests
{
    private static readonly DateTime Start = new(2015, 5, 17, 10, 0, 0, DateTimeKind.Utc);

    private const string StatelessRules = """
          - { id: probe, when: "path.matches(r'(?i)/(wp-admin|admin\\.php)')", action: deny }
          - { id: agents, when: "has(user_agent) && ['curl', 'bot'].exists(a, user_agent.lowerAscii().contains(a))", action: count }
          - { id: needs-agent, when: "user_agent.startsWith('x')", action: count }
          - { id: google, when: "client_ip in lists.google && method == 'GET'", action: allow }
          - { id: errors, when: "has(status) && status >= 500 && path.contains('api')", action: challenge }
          - { id: shadowed, when: "path.endsWith('.php')", action: deny, mode: shadow }
        """;

    private static CompiledPolicy Compile(string rules)
    {
        var text = $"id: p\nversion: '1'\ndefault: allow\nlists:\n  google: [66.249.64.0/19]\nrules:\n{rules}";
        var (policy, loadDiagnostics) = PolicyLoader.Load(text, "p.yaml");
        loadDiagnostics.ShouldBeEmpty();
        var (compiled, diagnostics) = PolicyCompiler.Compile(policy!, text);
        diagnostics.ShouldBeEmpty();
        return compiled!;
    }

    private static DecisionEvent RandomEvent(Random random, int i)
    {
        string?[] paths = ["/", "/wp-admin/", "/ADMIN.php", "/api/v1", "/x.php", null];
        string?[] agents = ["curl/8", "Googlebot", "Mozilla/5.0", "xbot", null];
        string[] clients = ["66.249.66.1", "192.0.2.7", "2001:db8::1", "not an address"];
        return new DecisionEvent
        {
            EventId = $"e{i}",
            Source = "test",
            Time = Start.AddMilliseconds(i),
            Path = paths[random.Next(paths.Length)],
            UserAgent = agents[random.Next(agents.Length)],
            ClientIp = clients[random.Next(clients.Length)],
            Method = random.Next(3) == 0 ? "POST" : "GET",
            Status = random.Next(4) == 0 ? null : 200 + (random.Next(4) * 100),
        };
    }

    private static string Describe(EvaluationResult result) =>
        $"{result.Action} {result.DecidingRule} "
        + string.Join(";", result.Matches.Select(m =>
            $"{m.RuleId}/{m.Decided}/" + string.Join(",", m.Clauses.Select(c => $"{c.Text}@{c.Offset}={c.Matched}@{c.MatchOffset}"))))
        + " errors " + string.Join(";", result.Errors.Select(e => $"{e.RuleId}:{e.Message}"));

    [Fact]
    public void Evaluate_RepeatedValues_MatchesFreshEvaluator()
    {
        var policy = Compile(StatelessRules);
        var cached = new PolicyEvaluator(policy);
        var random = new Random(20261204);

        for (var i = 0; i < 3_000; i++)
        {
            var decisionEvent = RandomEvent(random, i);
            var explain = i % 2 == 0;

            var actual = cached.Evaluate(decisionEvent, explain);
            var expected = new PolicyEvaluator(policy).Evaluate(decisionEvent, explain);

            Describe(actual).ShouldBe(Describe(expected), $"event {i}");
        }

        cached.ErrorCounts["needs-agent"].ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Evaluate_CacheOverflow_StaysCorrect()
    {
        var policy = Compile("""
              - { id: even, when: "path.endsWith('0') || path.endsWith('2')", action: deny }
            """);
        var evaluator = new PolicyEvaluator(policy);

        // Every value is new, so the table of paths fills, empties and stops caching along the way.
        for (var i = 0; i < RuleResultCache.MaxValues + 10_000; i++)
        {
            var decisionEvent = new DecisionEvent { EventId = $"e{i}", Source = "test", Time = Start, Path = $"/item/{i}" };

            var result = evaluator.Evaluate(decisionEvent);

            result.DecidingRule.ShouldBe(i % 10 is 0 or 2 ? "even" : null, $"path /item/{i}");
        }
    }

    [Fact]
    public void Evaluate_SameValuesRateRule_IsNeverCached()
    {
        var policy = Compile("""
              - { id: burst, when: "path == '/login' && rate(client_ip, '1m') > 2", action: throttle }
            """);
        var evaluator = new PolicyEvaluator(policy);

        var decided = Enumerable.Range(0, 4)
            .Select(i => evaluator.Evaluate(new DecisionEvent
            {
                EventId = $"e{i}",
                Source = "test",
                Time = Start.AddSeconds(i),
                Path = "/login",
                ClientIp = "192.0.2.1",
            }).DecidingRule)
            .ToList();

        decided.ShouldBe([null, null, "burst", "burst"]);
    }

    [Fact]
    public void Evaluate_EqualTextNewString_SameOutcome()
    {
        var policy = Compile("  - { id: probe, when: \"path.contains('wp-')\", action: deny }\n");
        var evaluator = new PolicyEvaluator(policy);
        var first = new string("/wp-login.php".AsSpan());
        var second = new string("/wp-login.php".AsSpan());
        ReferenceEquals(first, second).ShouldBeFalse();

        var results = new[] { first, second, "/index.html" }
            .Select((path, i) => evaluator.Evaluate(new DecisionEvent { EventId = $"e{i}", Source = "t", Time = Start, Path = path }, explain: true))
            .ToList();

        results.Select(r => r.DecidingRule).ShouldBe(["probe", "probe", null]);
        results[1].Matches[0].Clauses.Select(c => c.Text).ShouldBe(["path.contains('wp-')"]);
    }
}
