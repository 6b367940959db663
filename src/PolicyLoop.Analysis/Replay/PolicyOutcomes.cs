using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Analysis.Replay;

/// <summary>Converts the evaluator's result into the outcome the reports compare and count.</summary>
public static class PolicyOutcomes
{
    public static EventOutcome From(EvaluationResult result)
    {
        if (result.Matches.Count == 0 && result.Errors.Count == 0 && result.DecidingRule is null)
        {
            return EventOutcome.Unmatched(DecisionOf(result.Action));
        }

        // Events with matches but no error share an empty error list instead of allocating one.
        var matches = new Forensics.RuleMatch[result.Matches.Count];
        for (var i = 0; i < matches.Length; i++)
        {
            matches[i] = ToMatch(result.Matches[i]);
        }

        if (result.Errors.Count == 0)
        {
            return new EventOutcome(DecisionOf(result.Action), result.DecidingRule, matches, []);
        }

        return new EventOutcome(DecisionOf(result.Action), result.DecidingRule, matches,
            [.. result.Errors.Select(error => error.RuleId)])
        {
            ErrorMessages = [.. result.Errors.Select(error => error.Message)],
        };
    }

    /// <summary>The decision a terminating action stands for; <c>count</c> never decides, so it reads as allow.</summary>
    public static Decision DecisionOf(RuleAction action) => action switch
    {
        RuleAction.Deny => Decision.Deny,
        RuleAction.Throttle => Decision.Throttle,
        RuleAction.Challenge => Decision.Challenge,
        _ => Decision.Allow,
    };

    /// <summary>The action's name as written in policy files.</summary>
    public static string ActionName(RuleAction action) => action switch
    {
        RuleAction.Allow => "allow",
        RuleAction.Deny => "deny",
        RuleAction.Throttle => "throttle",
        RuleAction.Challenge => "challenge",
        _ => "count",
    };

    private static Forensics.RuleMatch ToMatch(Policies.Evaluation.RuleMatch match)
    {
        // The clause shown is the first one with a regex match, else the first true clause.
        var clause = match.Clauses.FirstOrDefault(c => c.Matched is not null) ?? (match.Clauses.Count > 0 ? match.Clauses[0] : null);
        return new Forensics.RuleMatch(match.RuleId, match.Decided, ActionName(match.Action), clause?.Text,
            clause?.Matched, clause?.MatchOffset);
    }
}
