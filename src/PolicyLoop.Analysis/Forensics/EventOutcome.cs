using PolicyLoop.Core;

namespace PolicyLoop.Analysis.Forensics;

/// <summary>
/// What a policy decided for one event: the decision, the deciding rule and its action, every
/// rule that matched, and the rules whose condition could not be evaluated.
/// </summary>
public sealed record EventOutcome(
    Decision Decision,
    string? DecidingRuleId,
    IReadOnlyList<RuleMatch> Matches,
    IReadOnlyList<string> ErroredRules)
{
    /// <summary>The rule id reported for a logged reject whose source names no rule, such as an access log.</summary>
    public const string NoRuleLogged = "(no rule logged)";

    /// <summary>The rule id reported for a reject that a policy's default decided, with no rule deciding.</summary>
    public const string PolicyDefault = "(default)";

    /// <summary>The outcome the source itself logged, for reports on logs without a policy.</summary>
    public static EventOutcome Logged(DecisionEvent decisionEvent)
    {
        var decided = decisionEvent.IsReject ? decisionEvent.RuleId ?? NoRuleLogged : null;
        var decision = decisionEvent.Mode == EnforcementMode.Enforce ? decisionEvent.Decision : Decision.Allow;
        if (decided is null && decisionEvent.MatchedRules.Count == 0)
        {
            return Unmatched(decision);
        }

        // A loop, not a lambda: a lambda capturing "decided" would allocate its closure on every call,
        // the early return above included, and replays call this once per event.
        var matches = new List<RuleMatch>(decisionEvent.MatchedRules.Count + 1);
        foreach (var rule in decisionEvent.MatchedRules)
        {
            matches.Add(new RuleMatch(rule, rule == decided, Action: null));
        }

        if (decided is not null && !decisionEvent.MatchedRules.Contains(decided))
        {
            matches.Insert(0, new RuleMatch(decided, true, Action: null));
        }

        return new EventOutcome(decision, decided, matches, []);
    }

    /// <summary>
    /// The outcome of an event that no rule matched and no rule failed on. Such outcomes are shared, one per
    /// decision, because most events of a replay have one and an outcome never changes.
    /// </summary>
    public static EventOutcome Unmatched(Decision decision) =>
        (int)decision < UnmatchedOutcomes.Length ? UnmatchedOutcomes[(int)decision] : new EventOutcome(decision, null, [], []);

    private static readonly EventOutcome[] UnmatchedOutcomes =
        [.. Enum.GetValues<Decision>().Order().Select(decision => new EventOutcome(decision, null, [], []))];

    /// <summary>One message per entry of <see cref="ErroredRules"/>, saying why that rule could not be evaluated.</summary>
    public IReadOnlyList<string> ErrorMessages { get; init; } = [];

    /// <summary>True when a rule could not be evaluated on this event.</summary>
    public bool HasErrors => ErroredRules.Count > 0;

    /// <summary>The deciding match, when a rule decided.</summary>
    public RuleMatch? DecidingMatch => Matches.FirstOrDefault(match => match.Decided);

    /// <summary>True when the outcome rejects the request.</summary>
    public bool IsReject => Decision is not Decision.Allow and not Decision.Unknown;
}
