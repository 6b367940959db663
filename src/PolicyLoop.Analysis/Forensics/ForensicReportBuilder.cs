using PolicyLoop.Core;

namespace PolicyLoop.Analysis.Forensics;

/// <summary>
/// Builds a forensic report from events and the outcomes a policy gave them, in one streaming
/// pass. Memory grows with the number of time buckets, rules and distinct ranked values (the
/// last bounded by <see cref="ValueCounter"/>), not with the number of events.
/// </summary>
public sealed partial class ForensicReportBuilder(TimeSpan bucketWidth, IReadOnlyDictionary<string, RuleInfo>? rules = null)
{
    /// <summary>The row of the rejects that the policy's default decided, with no rule matching.</summary>
    public const string PolicyDefault = EventOutcome.PolicyDefault;

    private const int MaxExamplesPerRule = 5;
    private const int TopValues = 10;

    private readonly SortedDictionary<DateTime, long[]> _buckets = [];
    private readonly Dictionary<string, RuleTally> _rules = new(StringComparer.Ordinal);
    private readonly ValueCounter _clients = new();
    private readonly ValueCounter _userAgents = new();
    private readonly ValueCounter _paths = new();
    private long _events;
    private long _rejects;
    private long _loggedRejects;
    private long _errors;
    private DateTime? _first;
    private DateTime? _last;

    public void Add(DecisionEvent decisionEvent, EventOutcome outcome)
    {
        _events++;
        _first = _first is { } first && first <= decisionEvent.Time ? first : decisionEvent.Time;
        _last = _last is { } last && last >= decisionEvent.Time ? last : decisionEvent.Time;
        var bucket = Bucket(decisionEvent.Time);
        bucket[0]++;

        if (decisionEvent.IsReject)
        {
            _loggedRejects++;
            bucket[2]++;
        }

        if (outcome.IsReject)
        {
            _rejects++;
            bucket[1]++;
            _clients.Add(decisionEvent.ClientIp);
            _userAgents.Add(decisionEvent.UserAgent);
            _paths.Add(decisionEvent.Path);
        }

        CountRules(decisionEvent, outcome);
    }

    private void CountRules(DecisionEvent decisionEvent, EventOutcome outcome)
    {
        foreach (var match in outcome.Matches)
        {
            var tally = Tally(match.RuleId);
            tally.SeenAction ??= match.Action;
            if (match.Decided && outcome.IsReject)
            {
                tally.Rejects++;
            }
            else
            {
                tally.NonDecidingMatches++;
            }

            tally.Offer(decisionEvent, match);
        }

        foreach (var rule in outcome.ErroredRules)
        {
            Tally(rule).Errors++;
            _errors++;
        }

        // When a policy's default rejects, some rejects have no deciding rule. They get a row of their own, so the
        // rows add up to the rejects.
        if (outcome.IsReject && outcome.DecidingRuleId is null)
        {
            var defaultMatch = new RuleMatch(PolicyDefault, true, outcome.Decision.ToName());
            var tally = Tally(PolicyDefault);
            tally.SeenAction ??= defaultMatch.Action;
            tally.Rejects++;
            tally.Offer(decisionEvent, defaultMatch);
        }
    }

    private RuleTally Tally(string ruleId)
    {
        if (!_rules.TryGetValue(ruleId, out var tally))
        {
            tally = new RuleTally(MaxExamplesPerRule);
            _rules[ruleId] = tally;
        }

        return tally;
    }

    private long[] Bucket(DateTime time)
    {
        var start = BucketWidth.Floor(time, bucketWidth);
        if (!_buckets.TryGetValue(start, out var counts))
        {
            counts = new long[3];
            _buckets[start] = counts;
        }

        return counts;
    }
}
