using System.Diagnostics;
using PolicyLoop.Core;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>
/// Runs policy tests. Each test starts with empty rate state; a test with <c>repeat: N</c> sends its event N times,
/// <c>interval</c> apart, and checks the result of the last one.
/// </summary>
public static class PolicyTestRunner
{
    /// <summary>Event time used when a test event sets none.</summary>
    public static readonly DateTime DefaultTime = new(2015, 5, 17, 10, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<PolicyTestOutcome> Run(CompiledPolicy policy, IEnumerable<PolicyTest> tests) =>
        [.. tests.Select(test => Run(policy, test))];

    public static PolicyTestOutcome Run(CompiledPolicy policy, PolicyTest test)
    {
        var watch = Stopwatch.StartNew();
        string? failure;
        try
        {
            failure = Check(policy, test);
        }
        catch (FormatException ex)
        {
            failure = $"invalid test event: {ex.Message}";
        }

        return new PolicyTestOutcome(policy.Policy.Id, test.Name, test.File, test.Line, failure, watch.Elapsed);
    }

    private static string? Check(CompiledPolicy policy, PolicyTest test)
    {
        var evaluator = new PolicyEvaluator(policy);
        EvaluationResult? result = null;
        for (var i = 0; i < test.Repeat; i++)
        {
            var decisionEvent = EventJson.FromObject(test.Event);
            decisionEvent.Time = (decisionEvent.Time == default ? DefaultTime : decisionEvent.Time) + (test.Interval * i);
            result = evaluator.Evaluate(decisionEvent);
        }

        return Compare(test, result!);
    }

    private static string? Compare(PolicyTest test, EvaluationResult result)
    {
        var expectedRule = test.ExpectedRule ?? "(default)";
        var actualRule = result.DecidingRule ?? "(default)";
        if (result.Action == test.ExpectedAction && (test.ExpectedRule is null || expectedRule == actualRule))
        {
            return null;
        }

        var errors = result.Errors.Count == 0
            ? ""
            : "; errors: " + string.Join("; ", result.Errors.Select(e => $"{e.RuleId}: {e.Message}"));
        return $"expected {Name(test.ExpectedAction)} by {expectedRule}, got {Name(result.Action)} by {actualRule}{errors}";
    }

    public static string Name(RuleAction action) => action switch
    {
        RuleAction.Allow => Decision.Allow.ToName(),
        RuleAction.Deny => Decision.Deny.ToName(),
        RuleAction.Throttle => Decision.Throttle.ToName(),
        RuleAction.Challenge => Decision.Challenge.ToName(),
        _ => "count",
    };
}
