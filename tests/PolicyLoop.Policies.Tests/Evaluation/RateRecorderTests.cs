using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Tests.Evaluation;

/// <summary>
/// An evaluator that takes its rate() values from a recorder ahead of it must decide exactly as one that records
/// them itself, count() windows, shared keys and failing keys included.
/// </summary>
public sealed class RateRecorderTests
{
    private static readonly DateTime Start = new(2015, 5, 17, 10, 0, 0, DateTimeKind.Utc);

    private const string Policy = """
        id: p
        version: '1'
        default: allow
        rules:
          - { id: repeat, when: 'count(client_ip, "1m") >= 3', action: deny }
          - { id: burst, when: 'rate(client_ip, "10s") > 4', action: throttle }
          - { id: per-minute, when: 'rate(client_ip, "1m") > 12', action: deny }
          - { id: per-user, when: 'rate(user_id, "30s") > 2', action: challenge }
          - { id: per-path, when: 'has(status) && status >= 400 && rate(client_ip + path, "20s") > 3', action: deny }
        """;

    private static CompiledPolicy Compile()
    {
        var (policy, loadDiagnostics) = PolicyLoader.Load(Policy, "p.yaml");
        loadDiagnostics.ShouldBeEmpty();
        var (compiled, diagnostics) = PolicyCompiler.Compile(policy!, Policy);
        diagnostics.ShouldBeEmpty();
        return compiled!;
    }

    private static List<DecisionEvent> RandomEvents(int count)
    {
        var random = new Random(20261205);
        var time = Start;
        var events = new List<DecisionEvent>(count);
        for (var i = 0; i < count; i++)
        {
            time = time.AddMilliseconds(random.Next(0, 900));
            events.Add(new DecisionEvent
            {
                EventId = $"e{i}",
                Source = "test",
                Time = time,
                ClientIp = $"192.0.2.{random.Next(6)}",
                UserId = random.Next(3) == 0 ? null : $"u{random.Next(4)}",
                Path = random.Next(2) == 0 ? "/a" : "/b",
                Status = random.Next(3) == 0 ? 404 : 200,
            });
        }

        return events;
    }

    private static string Describe(EvaluationResult result) =>
        $"{result.Action} {result.DecidingRule} " + string.Join(";", result.Matches.Select(m => m.RuleId))
        + " errors " + string.Join(";", result.Errors.Select(e => $"{e.RuleId}:{e.Message}"));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4_000)]
    public void Evaluate_RecordedAhead_MatchesPlainEvaluator(int ahead)
    {
        var policy = Compile();
        var events = RandomEvents(4_000);
        var itself = new PolicyEvaluator(policy);
        var recorder = RateRecorder.For(policy, ahead)!;
        var behind = new PolicyEvaluator(policy, ahead: recorder);

        var expected = events.Select(e => Describe(itself.Evaluate(e))).ToList();
        var actual = new List<string>();
        for (var first = 0; first < events.Count; first += ahead)
        {
            var batch = events.Skip(first).Take(ahead).ToArray();
            recorder.Record(batch);
            actual.AddRange(batch.Select(e => Describe(behind.Evaluate(e))));
        }

        actual.ShouldBe(expected);
        expected.Count(d => d.Contains("per-user:", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
        expected.Count(d => d.StartsWith("Deny repeat", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
        expected.Count(d => d.StartsWith("Throttle burst", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Evaluate_EventNotRecordedYet_Throws()
    {
        var policy = Compile();
        var recorder = RateRecorder.For(policy, 4)!;
        var evaluator = new PolicyEvaluator(policy, ahead: recorder);

        var error = Should.Throw<InvalidOperationException>(() => evaluator.Evaluate(RandomEvents(1)[0]));

        error.Message.ShouldContain("event 0 is not among the recorded events");
    }

    [Fact]
    public void Evaluate_RecorderPastCapacity_Throws()
    {
        var policy = Compile();
        var recorder = RateRecorder.For(policy, 4)!;
        var evaluator = new PolicyEvaluator(policy, ahead: recorder);
        var events = RandomEvents(5);

        recorder.Record(events.ToArray());

        Should.Throw<InvalidOperationException>(() => evaluator.Evaluate(events[0]));
    }

    [Fact]
    public void For_PolicyWithoutRate_ReturnsNull()
    {
        const string text = "id: p\nversion: '1'\ndefault: allow\nrules:\n  - { id: c, when: 'count(client_ip, \"1m\") > 1', action: deny }\n";
        var (policy, _) = PolicyLoader.Load(text, "p.yaml");
        var (compiled, _) = PolicyCompiler.Compile(policy!, text);

        RateRecorder.For(compiled!, 16).ShouldBeNull();
    }
}
