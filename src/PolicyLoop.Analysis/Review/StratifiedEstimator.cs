namespace PolicyLoop.Analysis.Review;

/// <summary>
/// Estimates how many of a rule's rejects are false positives from reviewed rejects drawn in
/// strata. Each stratum's share of the rule's rejects is estimated from the inverse inclusion
/// probabilities of its reviewed events, and its false-positive share from its labels. With a
/// single stratified batch the estimated stratum sizes are the true ones. The
/// variance is the stratified one with the finite population correction, but it takes each
/// stratum's share at its Wilson centre, (x + z²/2) / (n + z²). So a stratum whose reviewed
/// events were all false positives, or none, still gets a non-zero interval unless it was
/// reviewed whole.
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
            var correction = Math.Max(0, 1 - (n / size));
            var falsePositives = stratum.Count(o => o.IsFalsePositive);
            var centre = (falsePositives + (z * z / 2)) / (n + (z * z));
            value += size * falsePositives / n;
            variance += size * size * correction * centre * (1 - centre) / n;
        }

        var half = z * Math.Sqrt(variance);
        return new VolumeEstimate(value, variance, Math.Max(0, value - half), Math.Min(population, value + half),
            observations.Count);
    }
}
