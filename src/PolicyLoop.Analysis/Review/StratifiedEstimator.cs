namespace PolicyLoop.Analysis.Review;

/// <summary>
/// Estimates how many of a rule's rejects are false positives from reviewed rejects drawn in
/// strata. Each stratum's share of the rule's rejects is estimated from the inverse inclusion
/// probabilities of its reviewed events, and each stratum's false-positive share from its
/// labels; the variance is the textbook stratified one with the finite population correction.
/// With a single stratified batch the estimated stratum sizes are the true ones.
/// </summary>
public static class StratifiedEstimator
{
    public static VolumeEstimate Estimate(long population, IReadOnlyList<StratumObservation> observations,
        double z = WilsonInterval.Z95)
    {
        if (observations.Count == 0 || population <= 0)
        {
            return VolumeEstimate.None;
        }

        var totalWeight = observations.Sum(o => 1 / o.InclusionProbability);
        double value = 0, variance = 0;
        foreach (var stratum in observations.GroupBy(o => o.Stratum, StringComparer.Ordinal))
        {
            var n = stratum.Count();
            var size = population * stratum.Sum(o => 1 / o.InclusionProbability) / totalWeight;
            var share = (double)stratum.Count(o => o.IsFalsePositive) / n;
            var correction = Math.Max(0, 1 - (n / size));
            value += size * share;

            // NOTE: one observation gives no variance estimate, so it counts with the largest
            // Bernoulli variance, 0.25, rather than zero.
            var spread = n > 1 ? share * (1 - share) / (n - 1) : 0.25;
            variance += size * size * correction * spread;
        }

        var half = z * Math.Sqrt(variance);
        return new VolumeEstimate(value, variance, Math.Max(0, value - half), Math.Min(population, value + half),
            observations.Count);
    }
}
