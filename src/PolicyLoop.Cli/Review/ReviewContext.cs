using PolicyLoop.Analysis;
using PolicyLoop.Analysis.Review;
using PolicyLoop.Core;

namespace PolicyLoop.Cli.Review;

/// <summary>
/// Context for reviewing one reject: the client's events just before it, its /24 (or IPv6 /48),
/// and how many rejects the same rule made on similar events. Built once over the whole store.
/// </summary>
internal sealed class ReviewContext
{
    private const int RecentEvents = 5;

    private readonly Dictionary<string, List<DecisionEvent>> _byClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Events, long Rejects)> _byPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Rule, string? UserAgent), long> _ruleByAgent = [];
    private readonly Dictionary<(string Rule, string Prefix), long> _ruleByPrefix = [];
    private readonly IReadOnlyDictionary<string, AttributedReject> _rejects;

    public ReviewContext(IEnumerable<DecisionEvent> events, IReadOnlyDictionary<string, AttributedReject> rejects)
    {
        _rejects = rejects;
        foreach (var decisionEvent in events)
        {
            var client = decisionEvent.ClientIp ?? "";
            if (!_byClient.TryGetValue(client, out var list))
            {
                list = [];
                _byClient[client] = list;
            }

            list.Add(decisionEvent);
            var prefix = ClientPrefix.Of(decisionEvent.ClientIp);
            var isReject = rejects.TryGetValue(decisionEvent.EventId, out var reject);
            var (total, rejected) = _byPrefix.GetValueOrDefault(prefix);
            _byPrefix[prefix] = (total + 1, rejected + (isReject ? 1 : 0));
            if (isReject)
            {
                _ruleByAgent[(reject!.RuleId, decisionEvent.UserAgent)] = _ruleByAgent.GetValueOrDefault((reject.RuleId, decisionEvent.UserAgent)) + 1;
                _ruleByPrefix[(reject.RuleId, prefix)] = _ruleByPrefix.GetValueOrDefault((reject.RuleId, prefix)) + 1;
            }
        }
    }

    /// <summary>The client's events before <paramref name="decisionEvent"/>, newest first.</summary>
    public IReadOnlyList<DecisionEvent> Recent(DecisionEvent decisionEvent)
    {
        if (!_byClient.TryGetValue(decisionEvent.ClientIp ?? "", out var list))
        {
            return [];
        }

        var index = list.FindIndex(e => e.EventId == decisionEvent.EventId);
        var end = index < 0 ? list.Count : index;
        return [.. list.Take(end).Reverse().Take(RecentEvents)];
    }

    /// <summary>The decision shown for an event: the rule that rejected it, or allow.</summary>
    public string DecisionOf(DecisionEvent decisionEvent) =>
        _rejects.TryGetValue(decisionEvent.EventId, out var reject)
            ? $"{reject.Outcome.Decision.ToName()} by {reject.RuleId}"
            : "allow";

    public (string Prefix, long Events, long Rejects) Segment(DecisionEvent decisionEvent)
    {
        var prefix = ClientPrefix.Of(decisionEvent.ClientIp);
        var (events, rejects) = _byPrefix.GetValueOrDefault(prefix);
        return (prefix, events, rejects);
    }

    /// <summary>Rejects by the rule with the same user agent, and from the same network.</summary>
    public (long SameUserAgent, long SameNetwork) SimilarRejects(string rule, DecisionEvent decisionEvent) =>
        (_ruleByAgent.GetValueOrDefault((rule, decisionEvent.UserAgent)),
            _ruleByPrefix.GetValueOrDefault((rule, ClientPrefix.Of(decisionEvent.ClientIp))));
}
