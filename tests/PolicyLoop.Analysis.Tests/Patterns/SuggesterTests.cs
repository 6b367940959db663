using PolicyLoop.Analysis.Patterns;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;

namespace PolicyLoop.Analysis.Tests.Patterns;

public sealed class SuggesterTests
{
    private const string Policy = """
        id: edge
        version: "1"
        default: allow
        rules:
          - id: deny-bots
            when: has(user_agent) && user_agent.matches(r'(?i)bot')
            action: deny
          - id: throttle
            when: rate(client_ip, "1m") > 20
            action: throttle
        """;

    private const string Googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64; rv:37.0) Gecko/20100101 Firefox/37.0";

    [Fact]
    public void Suggest_CrawlerFromOneNetwork_ProposesAnExemption()
    {
        var suggestions = Suggester.Suggest(Request("deny-bots"));

        suggestions.ShouldNotBeEmpty();
        var first = suggestions[0].Summary;
        first.Kind.ShouldBe(Suggester.Exemption);
        first.Condition.ShouldContain("googlebot");
        first.Condition.ShouldContain("66.249.73.");
        first.NewlyAllowed.ShouldBe(120);
    }

    [Fact]
    public void Suggest_Exemption_ReplayMatchesAManualReplayOfThePatch()
    {
        var request = Request("deny-bots");
        var suggestion = Suggester.Suggest(request)[0];

        var patched = Suggester.Compile(suggestion.PolicyText, "edge.yaml");
        patched.ShouldNotBeNull();
        var manual = new PolicyReplayer(patched, request.Policy, new ReplayComparerOptions())
            .Run(request.Events(), "patched", "current", request.GeneratedAt);

        manual.Counts.ShouldBe(suggestion.Replay.Counts);
    }

    [Fact]
    public void Suggest_HeavyClientOfRateRule_ProposesASeparateLimit()
    {
        var suggestions = Suggester.Suggest(Request("throttle"));

        suggestions.ShouldNotBeEmpty();
        suggestions[0].Summary.Kind.ShouldBe(Suggester.SeparateLimit);
        suggestions[0].Summary.Condition.ShouldBe("client_ip == \"203.0.113.9\"");
        suggestions[0].PolicyText.ShouldContain("> 80");
        suggestions[0].Summary.NewlyAllowed.ShouldBeGreaterThan(0);
    }

    private static SuggestionRequest Request(string ruleId)
    {
        var compiled = Suggester.Compile(Policy, "edge.yaml")!;
        var events = Events();
        var table = new SegmentTable();
        var evaluator = new PolicyEvaluator(compiled);
        foreach (var decisionEvent in events)
        {
            table.Add(decisionEvent, PolicyOutcomes.From(evaluator.Evaluate(decisionEvent)));
        }

        return new SuggestionRequest(table, ruleId, compiled, Policy, () => events, NoReviewLabels.Instance,
            new SegmentMinerOptions(), new ReplayComparerOptions { BucketWidth = TimeSpan.FromHours(1) },
            new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc));
    }

    /// <summary>
    /// Browsers from 60 addresses, 120 Googlebot requests from one /24, a few other bots, and one client that
    /// sends 60 requests within a minute.
    /// </summary>
    private static List<DecisionEvent> Events()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var events = new List<DecisionEvent>();
        for (var i = 0; i < 600; i++)
        {
            events.Add(Event(events.Count, start.AddSeconds(i * 30), $"198.51.100.{i % 60}", Browser));
        }

        for (var i = 0; i < 120; i++)
        {
            events.Add(Event(events.Count, start.AddSeconds((i * 150) + 7), $"66.249.73.{130 + (i % 3)}", Googlebot));
        }

        for (var i = 0; i < 30; i++)
        {
            events.Add(Event(events.Count, start.AddSeconds((i * 500) + 11), $"192.0.2.{i}", $"Bot{i}/1.0"));
        }

        for (var i = 0; i < 60; i++)
        {
            events.Add(Event(events.Count, start.AddHours(2).AddMilliseconds(i * 900), "203.0.113.9", Browser));
        }

        return [.. events.OrderBy(e => e.Time)];
    }

    private static DecisionEvent Event(int id, DateTime time, string client, string userAgent) => new()
    {
        EventId = $"e{id}",
        Source = "test",
        Time = time,
        ClientIp = client,
        UserAgent = userAgent,
        Method = "GET",
        Path = $"/items/{id}",
        Status = 200,
        Decision = Decision.Allow,
    };
}
