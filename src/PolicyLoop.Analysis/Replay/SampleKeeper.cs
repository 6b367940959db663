using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Core;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Analysis.Replay;

/// <summary>
/// Keeps, per change direction, the changed events with the smallest stable hash of their id
/// and the seed: a reproducible sample whatever the order events arrive in.
/// </summary>
internal sealed class SampleKeeper(int perDirection, ulong seed)
{
    private readonly Dictionary<ChangeDirection, SortedList<(ulong, string), ChangedEvent>> _samples = [];

    public void Offer(DecisionEvent decisionEvent, ChangeDirection direction, EventOutcome baseline, EventOutcome candidate)
    {
        if (!_samples.TryGetValue(direction, out var kept))
        {
            kept = [];
            _samples[direction] = kept;
        }

        var key = (StableHash.Of(decisionEvent.EventId, seed), decisionEvent.EventId);
        if ((kept.Count >= perDirection && key.CompareTo(kept.Keys[^1]) >= 0) || kept.ContainsKey(key))
        {
            return;
        }

        kept.Add(key, Describe(decisionEvent, direction, baseline, candidate));
        if (kept.Count > perDirection)
        {
            kept.RemoveAt(kept.Count - 1);
        }
    }

    public IReadOnlyList<ChangedEvent> All() =>
        [.. _samples.OrderBy(pair => pair.Key).SelectMany(pair => pair.Value.Values)];

    private static ChangedEvent Describe(DecisionEvent e, ChangeDirection direction, EventOutcome baseline,
        EventOutcome candidate)
    {
        // The clause shown is the one that rejected: the candidate's, or for newly allowed events the baseline's.
        var rejecting = direction == ChangeDirection.RejectToAllow ? baseline.DecidingMatch : candidate.DecidingMatch;
        return new ChangedEvent(
            e.EventId, e.Time, direction, e.ClientIp, e.Method, e.Path, e.UserAgent, e.Status,
            baseline.Decision.ToName(), baseline.DecidingRuleId,
            candidate.Decision.ToName(), candidate.DecidingRuleId,
            rejecting?.Clause, rejecting?.MatchedText, rejecting?.MatchOffset);
    }
}
