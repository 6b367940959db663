using PolicyLoop.Core.Review;
using PolicyLoop.Reports.Model.Review;

namespace PolicyLoop.Analysis.Review;

/// <summary>Turns reject counts per rule and review labels into per-rule precision with intervals.</summary>
public static class PrecisionCalculator
{
    /// <param name="rejects">Rejects per rule in the period.</param>
    /// <param name="reviewed">Current labels, each charged to the rule recorded with it.</param>
    /// <param name="margin">The target half-width of the share's interval, as a fraction, for the sample size still needed.</param>
    public static ReviewSection Calculate(IReadOnlyDictionary<string, long> rejects, IReadOnlyList<ReviewedEvent> reviewed,
        double margin)
    {
        var byRule = reviewed.ToLookup(r => r.Label.RuleId, StringComparer.Ordinal);
        var rules = rejects.Keys.Union(byRule.Select(g => g.Key), StringComparer.Ordinal)
            .Select(rule => ForRule(rule, rejects.GetValueOrDefault(rule), [.. byRule[rule]], margin))
            .OrderByDescending(p => p.Rejects)
            .ThenBy(p => p.RuleId, StringComparer.Ordinal)
            .ToList();
        return new ReviewSection { LabelledEvents = reviewed.Count, Margin = margin, Rules = rules };
    }

    private static RulePrecision ForRule(string rule, long rejects, List<ReviewedEvent> labels, double margin)
    {
        var decided = labels.Where(l => l.Label.Label != ReviewLabel.Unsure).ToList();
        var falsePositives = decided.Count(l => l.Label.Label == ReviewLabel.FalsePositive);
        var (low, high) = WilsonInterval.Of(falsePositives, decided.Count);
        var share = decided.Count == 0 ? (double?)null : (double)falsePositives / decided.Count;
        var observations = decided
            .Where(l => l.Sample?.InclusionProbability is > 0)
            .Select(l => new StratumObservation(l.Sample!.Stratum, l.Sample.InclusionProbability!.Value,
                l.Label.Label == ReviewLabel.FalsePositive))
            .ToList();
        var estimate = StratifiedEstimator.Estimate(rejects, observations);
        var needed = rejects == 0 ? 0 : WilsonInterval.TrialsForMargin(share ?? 0.5, margin, rejects);
        return new RulePrecision
        {
            RuleId = rule,
            Rejects = rejects,
            Reviewed = decided.Count,
            Unsure = labels.Count - decided.Count,
            FalsePositives = falsePositives,
            FalsePositiveShare = share,
            ShareLow = low,
            ShareHigh = high,
            EstimatedFalsePositives = observations.Count == 0 ? null : estimate.Value,
            EstimateLow = estimate.Low,
            EstimateHigh = estimate.High,
            EstimatedFrom = observations.Count,
            MoreNeeded = Math.Max(0, needed - decided.Count),
        };
    }
}
