namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// Finds attribute combinations (up to three attributes) over-represented among target events compared with
/// comparison events. Apriori-style: single values need the minimum support among the target events; pairs
/// and triples are counted among the target events only from frequent values, and a triple only when all
/// its pairs are frequent. The comparison events are then counted for those candidates alone, in parallel.
/// </summary>
public static partial class SegmentMiner
{
    /// <summary>Item ids use 21 bits each in a combination key, so at most this many frequent values take part.</summary>
    private const int MaxItems = (1 << 21) - 2;

    /// <summary>Mines the data and returns every candidate that has the minimum support, with its risk ratio.</summary>
    public static MinedSegments Mine(SegmentData data, SegmentMinerOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var maxOrder = Math.Clamp(options.MaxOrder, 1, 3);
        var counts = CountValues(data, options.Threads);
        var targetTotal = data.Groups.LongCount(group => group == SegmentData.Target);
        var comparisonTotal = data.Groups.LongCount(group => group == SegmentData.Comparison);
        var minSupport = options.MinSupportFor(targetTotal);
        var items = FrequentItems.Select(data, counts, minSupport, MaxItems);

        var candidates = new List<SegmentCandidate>();
        for (var item = 0; item < items.Count; item++)
        {
            candidates.Add(new SegmentCandidate([item], items.TargetCounts[item], items.ComparisonCounts[item]));
        }

        if (maxOrder >= 2 && items.Count > 1)
        {
            var targets = TargetEvents(data);
            var combinations = CountTargetCombinations(data, items, targets, minSupport, maxOrder);
            var comparison = CountComparison(data, items, combinations, options.Threads);
            for (var slot = 0; slot < combinations.Keys.Count; slot++)
            {
                candidates.Add(new SegmentCandidate(
                    Decode(combinations.Keys[slot]), combinations.Counts[slot], comparison[slot]));
            }
        }

        var rated = candidates
            .Select(candidate => candidate with
            {
                Ratio = RiskRatio.Of(candidate.Target, candidate.Comparison, targetTotal, comparisonTotal),
            })
            .ToList();
        return new MinedSegments(data, items, rated, targetTotal, comparisonTotal, minSupport);
    }

    /// <summary>Counts every value of every attribute in the target and the comparison group (one pass per attribute).</summary>
    private static (long[] Target, long[] Comparison)[] CountValues(SegmentData data, int threads)
    {
        var result = new (long[] Target, long[] Comparison)[data.Attributes.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        Parallel.For(0, data.Attributes.Count, parallel, attribute =>
        {
            var column = data.Codes[attribute];
            var groups = data.Groups;
            var target = new long[data.Values[attribute].Count];
            var comparison = new long[target.Length];
            for (var i = 0; i < groups.Length; i++)
            {
                var group = groups[i];
                if (group == SegmentData.Target)
                {
                    target[column[i]]++;
                }
                else if (group == SegmentData.Comparison)
                {
                    comparison[column[i]]++;
                }
            }

            result[attribute] = (target, comparison);
        });
        return result;
    }

    private static int[] TargetEvents(SegmentData data)
    {
        var events = new List<int>();
        for (var i = 0; i < data.Groups.Length; i++)
        {
            if (data.Groups[i] == SegmentData.Target)
            {
                events.Add(i);
            }
        }

        return [.. events];
    }

    /// <summary>Writes the event's frequent items into the buffer, in ascending item order; returns how many.</summary>
    private static int ItemsOf(SegmentData data, FrequentItems items, int row, Span<int> buffer)
    {
        var count = 0;
        for (var attribute = 0; attribute < data.Codes.Length; attribute++)
        {
            var item = items.ItemByCode[attribute][data.Codes[attribute][row]];
            if (item >= 0)
            {
                buffer[count++] = item;
            }
        }

        return count;
    }

    internal static ulong Key(int first, int second, int third = -1) =>
        (uint)(first + 1) | ((ulong)(uint)(second + 1) << 21) | ((ulong)(uint)(third + 1) << 42);

    private static int[] Decode(ulong key)
    {
        const ulong mask = (1UL << 21) - 1;
        var third = (int)((key >> 42) & mask) - 1;
        var first = (int)(key & mask) - 1;
        var second = (int)((key >> 21) & mask) - 1;
        return third < 0 ? [first, second] : [first, second, third];
    }
}
