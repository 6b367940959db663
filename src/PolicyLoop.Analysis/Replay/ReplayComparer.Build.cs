using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Analysis.Replay;

/// <summary>Assembling the report of <see cref="ReplayComparer"/>.</summary>
public sealed partial class ReplayComparer
{
    public ReplayReport Build(string candidate, string baseline, DateTime generatedAt,
        IReadOnlyList<UnfaithfulReplay>? unfaithful = null, IReadOnlyList<string>? notes = null)
    {
        var changed = _allowToReject + _rejectToAllow + _actionChanged;
        return new ReplayReport
        {
            Candidate = candidate,
            Baseline = baseline,
            GeneratedAt = generatedAt,
            Counts = new ReplayCounts(_considered, _unchanged, changed, _allowToReject, _rejectToAllow, _actionChanged,
                _errorEvents, _ruleChanged, _candidateRejects, _baselineRejects),
            RuleChanges = RuleChanges(),
            Errors =
            [
                .. _errors.OrderByDescending(pair => pair.Value.Events).ThenBy(pair => pair.Key.Rule, StringComparer.Ordinal)
                    .Select(pair => new RuleErrorCount(pair.Key.Side, pair.Key.Rule, pair.Value.Events, pair.Value.Message)),
            ],
            Unfaithful = unfaithful ?? [],
            Timeline = Timeline(),
            NewlyRejectedSegments = _newlyRejected.Top(options.SegmentValues),
            NewlyAllowedSegments = _newlyAllowed.Top(options.SegmentValues),
            Samples = _samples.All(),
            Notes = notes ?? [],
        };
    }

    private List<RuleChange> RuleChanges() =>
    [
        .. _ruleChanges
            .Select(pair => new RuleChange(pair.Key.Rule, pair.Key.Direction, pair.Key.Action, pair.Value,
                pair.Key.Direction == ChangeDirection.RejectToAllow && options.CriticalRules.Contains(pair.Key.Rule)))
            .OrderByDescending(change => change.Events)
            .ThenBy(change => change.RuleId, StringComparer.Ordinal)
            .ThenBy(change => change.Direction),
    ];

    private List<ReplayBucket> Timeline()
    {
        var timeline = new List<ReplayBucket>();
        if (_buckets.Count == 0)
        {
            return timeline;
        }

        for (var start = _buckets.Keys.First(); start <= _buckets.Keys.Last(); start += options.BucketWidth)
        {
            var counts = _buckets.GetValueOrDefault(start) ?? new long[4];
            timeline.Add(new ReplayBucket(start, counts[0], counts[1], counts[2], counts[3]));
        }

        return timeline;
    }
}
