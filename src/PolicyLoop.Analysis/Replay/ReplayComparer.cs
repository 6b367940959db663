using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Core;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Analysis.Replay;

/// <summary>
/// Compares a baseline's and a candidate's outcomes event by event, in one streaming pass, and
/// builds the replay report. An event where either side could not evaluate a rule counts as an
/// error and in neither unchanged nor changed, because its comparison is not trustworthy.
/// </summary>
public sealed partial class ReplayComparer(ReplayComparerOptions options)
{
    private readonly Dictionary<(string Rule, ChangeDirection Direction, string Action), long> _ruleChanges = [];
    private readonly Dictionary<(string Side, string Rule), (long Events, string Message)> _errors = [];
    private readonly SortedDictionary<DateTime, long[]> _buckets = [];
    private readonly SegmentCounters _newlyRejected = new();
    private readonly SegmentCounters _newlyAllowed = new();
    private readonly SampleKeeper _samples = new(options.SamplesPerDirection, options.Seed);
    private DateTime _lastBucket;
    private long[]? _lastCounts;
    private long _considered;
    private long _unchanged;
    private long _allowToReject;
    private long _rejectToAllow;
    private long _actionChanged;
    private long _errorEvents;
    private long _ruleChanged;
    private long _candidateRejects;
    private long _baselineRejects;

    /// <summary>True when <see cref="Add"/> counts the event as changed: both sides evaluated and decided differently.</summary>
    public static bool IsChange(EventOutcome baseline, EventOutcome candidate) =>
        !baseline.HasErrors && !candidate.HasErrors && baseline.Decision != candidate.Decision;

    public void Add(DecisionEvent decisionEvent, EventOutcome baseline, EventOutcome candidate)
    {
        _considered++;
        CountTimeline(decisionEvent, baseline, candidate);
        if (baseline.HasErrors || candidate.HasErrors)
        {
            _errorEvents++;
            CountErrors("baseline", baseline);
            CountErrors("candidate", candidate);
            return;
        }

        if (baseline.Decision == candidate.Decision)
        {
            _unchanged++;
            if (baseline.DecidingRuleId != candidate.DecidingRuleId)
            {
                _ruleChanged++;
            }

            return;
        }

        CountChange(decisionEvent, baseline, candidate);
    }

    private void CountChange(DecisionEvent decisionEvent, EventOutcome baseline, EventOutcome candidate)
    {
        var direction = (baseline.IsReject, candidate.IsReject) switch
        {
            (false, true) => ChangeDirection.AllowToReject,
            (true, false) => ChangeDirection.RejectToAllow,
            _ => ChangeDirection.ActionChanged,
        };
        var (attributed, action) = direction == ChangeDirection.RejectToAllow
            ? (baseline.DecidingRuleId, baseline.Decision)
            : (candidate.DecidingRuleId, candidate.Decision);
        var key = (attributed ?? "(default)", direction, action.ToName());
        _ruleChanges[key] = _ruleChanges.GetValueOrDefault(key) + 1;

        switch (direction)
        {
            case ChangeDirection.AllowToReject:
                _allowToReject++;
                _newlyRejected.Add(decisionEvent);
                break;
            case ChangeDirection.RejectToAllow:
                _rejectToAllow++;
                _newlyAllowed.Add(decisionEvent);
                break;
            default:
                _actionChanged++;
                break;
        }

        _samples.Offer(decisionEvent, direction, baseline, candidate);
    }

    private void CountErrors(string side, EventOutcome outcome)
    {
        for (var i = 0; i < outcome.ErroredRules.Count; i++)
        {
            var key = (side, outcome.ErroredRules[i]);
            var message = i < outcome.ErrorMessages.Count ? outcome.ErrorMessages[i] : "evaluation failed";
            var (events, example) = _errors.GetValueOrDefault(key, (0, message));
            _errors[key] = (events + 1, example);
        }
    }

    private void CountTimeline(DecisionEvent decisionEvent, EventOutcome baseline, EventOutcome candidate)
    {
        var start = BucketWidth.Floor(decisionEvent.Time, options.BucketWidth);
        var counts = start == _lastBucket ? _lastCounts : null;
        if (counts is null && !_buckets.TryGetValue(start, out counts))
        {
            counts = new long[4];
            _buckets[start] = counts;
        }

        // Events come in time order, so most land in the bucket of the event before them.
        (_lastBucket, _lastCounts) = (start, counts);

        counts[0]++;
        if (candidate.IsReject)
        {
            counts[1]++;
            _candidateRejects++;
        }

        if (baseline.IsReject)
        {
            counts[2]++;
            _baselineRejects++;
        }

        if (decisionEvent.IsReject)
        {
            counts[3]++;
        }
    }
}
