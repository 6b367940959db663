using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Core;
using PolicyLoop.Core.Review;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Analysis.Review;

/// <summary>
/// Estimates, during a replay, the false positives a candidate removes and the true positives it
/// loses. Per baseline rule, the reviewed rejects that the candidate allows are scaled up to all
/// of that rule's rejects with <see cref="StratifiedEstimator"/>; the rules' estimates and
/// variances add up. Benign labels count as correct rejects, like true positives.
/// </summary>
public sealed class ReplayReviewTally(IReadOnlyDictionary<string, ReviewedEvent> reviewed)
{
    private readonly Dictionary<string, long> _rejects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(SampledEvent Sample, ReviewLabel Label, bool Allowed)>> _observed =
        new(StringComparer.Ordinal);

    private int _reviewedEvents;

    public void Add(DecisionEvent decisionEvent, EventOutcome baseline, EventOutcome candidate)
    {
        if (!baseline.IsReject)
        {
            return;
        }

        var rule = baseline.DecidingRuleId ?? EventOutcome.PolicyDefault;
        _rejects[rule] = _rejects.GetValueOrDefault(rule) + 1;
        if (!reviewed.TryGetValue(decisionEvent.EventId, out var review) || review.Label.Label == ReviewLabel.Unsure)
        {
            return;
        }

        _reviewedEvents++;
        if (review.Sample is { InclusionProbability: > 0 } sample)
        {
            if (!_observed.TryGetValue(rule, out var list))
            {
                list = [];
                _observed[rule] = list;
            }

            list.Add((sample, review.Label.Label, !candidate.IsReject));
        }
    }

    /// <summary>Returns the estimate, or null when no reviewed event was rejected by the baseline.</summary>
    public ReviewEstimate? Estimate()
    {
        if (_reviewedEvents == 0)
        {
            return null;
        }

        var removed = Sum(o => o.Label == ReviewLabel.FalsePositive && o.Allowed);
        var lost = Sum(o => o.Label.IsCorrectReject() && o.Allowed);
        return new ReviewEstimate(_reviewedEvents, removed.Value, removed.Low, removed.High, lost.Value, lost.Low, lost.High);
    }

    private VolumeEstimate Sum(Func<(SampledEvent Sample, ReviewLabel Label, bool Allowed), bool> counts)
    {
        double value = 0, variance = 0;
        var observations = 0;
        long population = 0;
        foreach (var (rule, list) in _observed)
        {
            var rejects = _rejects[rule];
            var estimate = StratifiedEstimator.Estimate(rejects,
                [.. list.Select(o => new StratumObservation(o.Sample.Stratum, o.Sample.InclusionProbability!.Value, counts(o)))]);
            value += estimate.Value;
            variance += estimate.Variance;
            observations += estimate.Observations;
            population += rejects;
        }

        var half = WilsonInterval.Z95 * Math.Sqrt(variance);
        return new VolumeEstimate(value, variance, Math.Max(0, value - half), Math.Min(population, value + half), observations);
    }
}
