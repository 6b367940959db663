using FsCheck;
using FsCheck.Fluent;
using PolicyLoop.Analysis.Review;

namespace PolicyLoop.Analysis.Tests.Review;

/// <summary>
/// Compares the stratified estimator with a slow reference written from the textbook formulas.
/// Per stratum, the reference sums inverse inclusion probabilities for the estimated size, counts
/// the 0/1 outcomes for the mean, and takes the variance N² (1 - n/N) s² / n, with s² at the
/// Wilson centre of the stratum's share.
/// </summary>
public sealed class StratifiedEstimatorTests
{
    private const double Z = WilsonInterval.Z95;

    private static (double Value, double Variance) Reference(long population, List<StratumObservation> observations)
    {
        double totalWeight = 0;
        foreach (var observation in observations)
        {
            totalWeight += 1 / observation.InclusionProbability;
        }

        var strata = new List<string>();
        foreach (var observation in observations)
        {
            if (!strata.Contains(observation.Stratum))
            {
                strata.Add(observation.Stratum);
            }
        }

        double value = 0, variance = 0;
        foreach (var stratum in strata)
        {
            double weight = 0, n = 0, sum = 0;
            foreach (var observation in observations.Where(o => o.Stratum == stratum))
            {
                weight += 1 / observation.InclusionProbability;
                n++;
                sum += observation.IsFalsePositive ? 1 : 0;
            }

            var size = population * weight / totalWeight;
            value += size * (sum / n);
            var centre = (sum + (Z * Z / 2)) / (n + (Z * Z));
            var spread = centre * (1 - centre);
            variance += size * size * Math.Max(0, 1 - (n / size)) * spread / n;
        }

        return (value, variance);
    }

    private static Gen<StratumObservation> Observation(double[] probabilities) =>
        from stratum in Gen.Choose(0, probabilities.Length - 1)
        from falsePositive in Gen.Elements(true, false)
        select new StratumObservation("s" + stratum, probabilities[stratum], falsePositive);

    [Fact]
    public void Estimate_RandomStrata_MatchesReference()
    {
        var cases = from strata in Gen.Choose(1, 5)
                    from probabilities in Gen.ArrayOf(Gen.Choose(1, 1000).Select(i => i / 1000.0), strata)
                    from observations in Gen.ListOf(Observation(probabilities)).Where(list => list.Count > 0)
                    from population in Gen.Choose(1, 100_000)
                    select (population, observations: observations.ToList());

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var estimate = StratifiedEstimator.Estimate(c.population, c.observations);
            var (value, variance) = Reference(c.population, c.observations);
            return Math.Abs(estimate.Value - value) <= 1e-6 * Math.Max(1, value)
                && Math.Abs(estimate.Variance - variance) <= 1e-6 * Math.Max(1, variance)
                && estimate.Low <= estimate.Value + 1e-9
                && estimate.High >= Math.Min(estimate.Value, c.population) - 1e-9;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Estimate_WholeStratumReviewed_HasNoSpread()
    {
        var observations = Enumerable.Range(0, 10)
            .Select(i => new StratumObservation("rule:a", 1.0, i < 3))
            .ToList();

        var estimate = StratifiedEstimator.Estimate(10, observations);

        estimate.Value.ShouldBe(3, 1e-9);
        estimate.Low.ShouldBe(3, 1e-9);
        estimate.High.ShouldBe(3, 1e-9);
    }

    [Fact]
    public void Estimate_AllFalsePositivesInSample_HasLowerBoundBelowPopulation()
    {
        var observations = Enumerable.Range(0, 8)
            .Select(_ => new StratumObservation("rule:a", 8 / 28.0, true))
            .ToList();

        var estimate = StratifiedEstimator.Estimate(28, observations);

        estimate.Value.ShouldBe(28, 1e-9);
        estimate.Low.ShouldBeLessThan(28);
        estimate.High.ShouldBe(28);
    }
}
