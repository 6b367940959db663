using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;

namespace PolicyLoop.Analysis.Review;

/// <summary>
/// Finds the rejects to review and the rule each one is charged to: the rule the source logged,
/// or, when a policy is given, the rule that policy decides with. A policy is evaluated over
/// every event in time order, including those before <c>since</c>, so rate() and count() see the
/// traffic they would have seen.
/// </summary>
public static class RejectAttribution
{
    /// <summary>Returns the rejects among <paramref name="events"/>, which must come in time order.</summary>
    public static IEnumerable<AttributedReject> Rejects(IEnumerable<DecisionEvent> events, CompiledPolicy? policy,
        DateTime? since = null)
    {
        var evaluator = policy is null ? null : new PolicyEvaluator(policy);
        foreach (var decisionEvent in events)
        {
            var outcome = evaluator is null
                ? EventOutcome.Logged(decisionEvent)
                : PolicyOutcomes.From(evaluator.Evaluate(decisionEvent, explain: true));
            if (!outcome.IsReject || (since is { } from && decisionEvent.Time < from))
            {
                continue;
            }

            yield return policy is null
                ? new AttributedReject(decisionEvent, outcome.DecidingRuleId ?? EventOutcome.NoRuleLogged,
                    decisionEvent.PolicyId, decisionEvent.PolicyVersion, outcome)
                : new AttributedReject(decisionEvent, outcome.DecidingRuleId ?? EventOutcome.PolicyDefault, policy.Policy.Id,
                    policy.Policy.Version, outcome);
        }
    }
}
