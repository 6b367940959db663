using PolicyLoop.Core;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Analysis.Forensics;

/// <summary>
/// Counts for one rule, with a reproducible handful of examples: the matched events with the
/// smallest stable hash of their id, so the same events are chosen whatever the read order.
/// </summary>
internal sealed class RuleTally(int maxExamples)
{
    private readonly SortedList<(ulong Hash, string Id), ExampleEvent> _examples = [];

    public long Rejects { get; set; }

    public long NonDecidingMatches { get; set; }

    public long Errors { get; set; }

    public string? SeenAction { get; set; }

    public IReadOnlyList<ExampleEvent> Examples => [.. _examples.Values];

    public void Offer(DecisionEvent decisionEvent, RuleMatch match)
    {
        var key = (StableHash.Of(decisionEvent.EventId), decisionEvent.EventId);
        if (_examples.Count >= maxExamples && key.CompareTo(_examples.Keys[^1]) >= 0)
        {
            return;
        }

        if (_examples.ContainsKey(key))
        {
            return;
        }

        _examples.Add(key, new ExampleEvent(
            decisionEvent.EventId,
            decisionEvent.Time,
            decisionEvent.ClientIp,
            decisionEvent.Method,
            decisionEvent.Path,
            decisionEvent.UserAgent,
            decisionEvent.Status,
            match.Clause,
            match.MatchedText,
            match.MatchOffset));
        if (_examples.Count > maxExamples)
        {
            _examples.RemoveAt(_examples.Count - 1);
        }
    }
}
