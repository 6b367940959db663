using FsCheck;
using FsCheck.Fluent;
using PolicyLoop.Analysis.Patterns;

namespace PolicyLoop.Analysis.Tests.Patterns;

public sealed class SegmentMinerTests
{
    [Fact]
    public void Mine_RandomData_MatchesBruteForceCounts()
    {
        var seeds = Gen.Choose(0, int.MaxValue).ToArbitrary();

        Prop.ForAll(seeds, seed =>
        {
            var data = RandomData(seed, events: 300, attributes: 4, cardinality: 4);
            var mined = SegmentMiner.Mine(data, new SegmentMinerOptions { MinSupport = 8, Threads = 2 });

            var actual = mined.Candidates.ToDictionary(
                candidate => string.Join(",", mined.Describe(candidate).Select(item => item.Value)),
                candidate => (candidate.Target, candidate.Comparison));
            var expected = BruteForce(data, minSupport: 8);
            return actual.Count == expected.Count
                && expected.All(pair => actual.TryGetValue(pair.Key, out var counts) && counts == pair.Value);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Select_PlantedSegment_RanksItFirst()
    {
        var data = RandomData(seed: 11, events: 20_000, attributes: 5, cardinality: 6, plant: true);

        var mined = SegmentMiner.Mine(data, new SegmentMinerOptions());
        var top = mined.Select(1.5, 5);

        top.ShouldNotBeEmpty();
        mined.Describe(top[0]).Select(item => item.Value).ShouldBe(["a0=1", "a1=2"]);
        top[0].Ratio.Low.ShouldBeGreaterThan(5);
    }

    [Fact]
    public void Select_SubsetExplainsCombination_PrunesTheCombination()
    {
        var data = RandomData(seed: 5, events: 20_000, attributes: 3, cardinality: 5, plant: true);

        var mined = SegmentMiner.Mine(data, new SegmentMinerOptions());
        var selected = mined.Select(1.0, 100);

        // The planted pair explains the rejects; adding a third, independent attribute adds nothing.
        selected.ShouldNotContain(candidate => candidate.Items.Count == 3
            && mined.Describe(candidate).Any(item => item.Value == "a0=1")
            && mined.Describe(candidate).Any(item => item.Value == "a1=2"));
    }

    [Fact]
    public void Mine_MaxOrderOne_ReturnsSingleValuesOnly()
    {
        var data = RandomData(seed: 3, events: 2_000, attributes: 4, cardinality: 3);

        var mined = SegmentMiner.Mine(data, new SegmentMinerOptions { MaxOrder = 1 });

        mined.Candidates.ShouldAllBe(candidate => candidate.Items.Count == 1);
    }

    /// <summary>Random events; with <paramref name="plant"/>, a0=1 together with a1=2 rejects 90% of the time.</summary>
    private static SegmentData RandomData(int seed, int events, int attributes, int cardinality, bool plant = false)
    {
        var random = new Random(seed);
        var codes = new int[attributes][];
        var values = new IReadOnlyList<string>[attributes];
        for (var a = 0; a < attributes; a++)
        {
            codes[a] = [.. Enumerable.Range(0, events).Select(_ => random.Next(cardinality + 1))];
            var attribute = a;
            values[a] = [.. Enumerable.Range(0, cardinality + 1).Select(code => $"a{attribute}={code}")];
        }

        var groups = new byte[events];
        for (var i = 0; i < events; i++)
        {
            var planted = plant && codes[0][i] == 1 && codes[1][i] == 2;
            var chance = planted ? 0.9 : 0.1;
            groups[i] = random.Next(10) == 0 ? SegmentData.Ignored
                : random.NextDouble() < chance ? SegmentData.Target
                : SegmentData.Comparison;
        }

        return new SegmentData([.. Enumerable.Range(0, attributes).Select(a => $"a{a}")], codes, values, groups);
    }

    /// <summary>Counts every combination of 1 to 3 present values by enumerating each event's subsets.</summary>
    private static Dictionary<string, (long Target, long Comparison)> BruteForce(SegmentData data, long minSupport)
    {
        var counts = new Dictionary<string, (long Target, long Comparison)>();
        for (var i = 0; i < data.Count; i++)
        {
            if (data.Groups[i] == SegmentData.Ignored)
            {
                continue;
            }

            var present = Enumerable.Range(0, data.Attributes.Count)
                .Where(a => data.Codes[a][i] != 0)
                .Select(a => data.Values[a][data.Codes[a][i]])
                .ToList();
            foreach (var subset in Subsets(present))
            {
                var key = string.Join(",", subset);
                var (target, comparison) = counts.GetValueOrDefault(key);
                counts[key] = data.Groups[i] == SegmentData.Target ? (target + 1, comparison) : (target, comparison + 1);
            }
        }

        return counts.Where(pair => pair.Value.Target >= minSupport).ToDictionary();
    }

    private static IEnumerable<List<string>> Subsets(List<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            yield return [values[i]];
            for (var j = i + 1; j < values.Count; j++)
            {
                yield return [values[i], values[j]];
                for (var k = j + 1; k < values.Count; k++)
                {
                    yield return [values[i], values[j], values[k]];
                }
            }
        }
    }
}
