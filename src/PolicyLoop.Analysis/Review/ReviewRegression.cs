using PolicyLoop.Core;
using PolicyLoop.Core.Review;
using PolicyLoop.Policies.Evaluation;

namespace PolicyLoop.Analysis.Review;

/// <summary>
/// Turns labels into regression tests for a policy: an event labelled false positive must no
/// longer be rejected by the rule it was labelled on, and an event labelled true positive or
/// benign must still be rejected, by any rule. Unsure labels are not checked. The policy is
/// evaluated over the given events in time order, so rate() and count() see the traffic before
/// each reviewed event.
/// </summary>
public static class ReviewRegression
{
    public static IReadOnlyList<ReviewCheck> Check(CompiledPolicy policy, IEnumerable<DecisionEvent> events,
        IReadOnlyDictionary<string, LabelRecord> labels)
    {
        var evaluator = new PolicyEvaluator(policy);
        var checks = new List<ReviewCheck>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var decisionEvent in events)
        {
            var result = evaluator.Evaluate(decisionEvent);
            if (labels.TryGetValue(decisionEvent.EventId, out var label) && label.Label != ReviewLabel.Unsure)
            {
                found.Add(decisionEvent.EventId);
                checks.Add(new ReviewCheck(label.EventId, label.Label, label.RuleId, Compare(label, result)));
            }
        }

        checks.AddRange(labels.Values
            .Where(l => l.Label != ReviewLabel.Unsure && !found.Contains(l.EventId))
            .Select(l => new ReviewCheck(l.EventId, l.Label, l.RuleId, "the event is not in the store")));
        return checks;
    }

    private static string? Compare(LabelRecord label, EvaluationResult result)
    {
        var action = PolicyTestRunner.Name(result.Action);
        if (label.Label == ReviewLabel.FalsePositive)
        {
            return result.IsReject && result.DecidingRule == label.RuleId
                ? $"labelled false positive, and {label.RuleId} still rejects it ({action})"
                : null;
        }

        return result.IsReject
            ? null
            : $"labelled {label.Label.ToName()}, and the policy now allows it (deciding rule {result.DecidingRule ?? "(default)"})";
    }
}
